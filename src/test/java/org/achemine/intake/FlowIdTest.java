package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowIdTest {

    @TempDir
    Path dir;

    @Test
    void isPlatformCodeThenInterfaceNumberThenFifteenDigitSequence() {
        // when an id is made for the 42nd flow of a UBL interface
        FlowId id = FlowId.of("ACH001", "1100", 42);

        // then it has the Chorus shape (25 characters)
        assertThat(id.value()).isEqualTo("ACH0011100000000000000042").hasSize(25);
        assertThat(id.interfaceNumber()).isEqualTo("1100");
        assertThat(id.sequence()).isEqualTo(42);
        assertThat(FlowId.of("ACH001", "1106", 43)).isGreaterThan(id);
    }

    @Test
    void refusesABadPlatformCodeNamingTheSetting() {
        assertThatThrownBy(() -> FlowId.of("ach01", "1100", 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("achemine.platform-code");
    }

    @Test
    void sniffsTheInterfaceNumberFromRootElementOrExtension() throws Exception {
        // given flows of each kind
        InterfaceSniffer sniffer = new InterfaceSniffer();
        Path pdf = Files.write(dir.resolve("x.pdf"), new byte[] {'%', 'P', 'D', 'F'});
        Path broken = Files.writeString(dir.resolve("broken.xml"), "<Invoice");

        // then UBL is 1100, CII 1106, a batch 1190, anything else 1199
        assertThat(sniffer.interfaceNumber("a.xml", Path.of("samples/ubl/invoice-valid.xml"))).isEqualTo("1100");
        assertThat(sniffer.interfaceNumber("a.xml", Path.of("samples/ubl/creditnote-valid.xml"))).isEqualTo("1100");
        assertThat(sniffer.interfaceNumber("a.xml", Path.of("samples/cii/invoice-valid.xml"))).isEqualTo("1106");
        assertThat(sniffer.interfaceNumber("lot.zip", Path.of("samples/batch/mixed-batch.zip"))).isEqualTo("1190");
        assertThat(sniffer.interfaceNumber("x.pdf", pdf)).isEqualTo("1199");
        assertThat(sniffer.interfaceNumber("broken.xml", broken)).isEqualTo("1199");
    }
}
