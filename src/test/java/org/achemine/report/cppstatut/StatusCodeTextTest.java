package org.achemine.report.cppstatut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.achemine.chorus.StatusCodeText;
import org.achemine.chorus.statut.CPPStatut;
import org.junit.jupiter.api.Test;

/** IdStatut's lexical form: two digits written, any integer form read. */
class StatusCodeTextTest {

    @Test
    void printsEveryStatusOnTwoDigits() {
        assertThat(StatusCodeText.print("3")).isEqualTo("03");
        assertThat(StatusCodeText.print("07")).isEqualTo("07");
        assertThat(StatusCodeText.print("90")).isEqualTo("90");
    }

    @Test
    void readsTheIntegerFormsTheSchemaAllowsAsTheTwoDigitCode() {
        assertThat(StatusCodeText.parse("7")).isEqualTo("07");
        assertThat(StatusCodeText.parse(" 007 ")).isEqualTo("07");
        assertThat(StatusCodeText.parse("96")).isEqualTo("96");
        // not a status: kept as it came, for the schema's check or the catalogue to name
        assertThat(StatusCodeText.parse("SF")).isEqualTo("SF");
        assertThat(StatusCodeText.parse("0123")).isEqualTo("123");
        assertThat(StatusCodeText.parse("000")).isEqualTo("00");
        assertThat(StatusCodeText.parse(" ")).isEmpty();
        assertThat(StatusCodeText.parse("0x7")).isEqualTo("0x7");
        assertThat(StatusCodeText.parse("\u0663")).as("an Arabic-Indic digit is not [0-9]").isEqualTo("\u0663");
    }

    @Test
    void refusesToWriteWhatIsNotATwoDigitCode() {
        assertThatThrownBy(() -> StatusCodeText.print("123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusCodeText.print("SF")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusCodeText.print("4a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusCodeText.print("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesTheFlowStatusOnTwoDigitsAndReadsAnyIntegerFormBack() throws Exception {
        // given a flow report written by achemine
        StatutSchema schema = new StatutSchema();
        String written = new String(new FluxStatutWriter(schema).toXml(new FluxStatut("FSO1190A", "ACH001", "FOU001",
                "ACH0011190000000000000007", FluxStatutCode.RECU, "IN_INTEGRE", null,
                Instant.parse("2026-11-23T09:15:31Z"), List.of())), StandardCharsets.UTF_8);
        assertThat(written).contains("<IdStatut>90</IdStatut>");

        // when another writer put the same value as 090 (the same integer for the schema) and it is read back
        byte[] other = written.replace("<IdStatut>90</IdStatut>", "<IdStatut>090</IdStatut>")
                .getBytes(StandardCharsets.UTF_8);
        schema.validate(other);
        CPPStatut statut = schema.read(other);

        // then the generated classes and our reader see the two-digit code
        assertThat(statut.getCPPFluxStatuts().getCPPFluxStatutUnitaire().get(0).getDonneesStatut().getIdStatut())
                .isEqualTo("90");
        assertThat(new FluxStatutReader(schema).read(other, "FSO1190A").status()).isEqualTo(FluxStatutCode.RECU);
    }
}
