package org.achemine.lifecycle.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.achemine.validation.Finding;
import org.junit.jupiter.api.Test;

class XmlStatusFileTest {

    private static final XmlStatusFile READER = new XmlStatusFile();
    private static final Path SAMPLE = Path.of("samples/status/statuts-comptabilite.xml");

    @Test
    void readsEachStatusUpdateWithItsLineAndOrderNumber() throws Exception {
        StatusFile file = READER.read("statuts.xml", Files.readAllBytes(SAMPLE));

        assertThat(file.fileFindings()).isEmpty();
        assertThat(file.lines()).extracting(RawStatusLine::lineNumber).containsExactly(10, 20);
        assertThat(file.lines().get(0)).satisfies(line -> {
            assertThat(line.numOrdre()).isEqualTo(1);
            assertThat(line.supplierId()).isEqualTo("81234567600025");
            assertThat(line.invoiceNumber()).isEqualTo("AV-2026-000007");
            assertThat(line.invoiceDate()).isEqualTo("2026-11-16");
            assertThat(line.status()).isEqualTo("07");
            assertThat(line.dateTime()).isEqualTo("2026-11-25T11:00:00+01:00");
            assertThat(line.comment()).isEqualTo("Avoir contrôlé");
        });
    }

    @Test
    void rejectsAFileThatBreaksTheSchemaWithEveryErrorAndItsLine() throws Exception {
        String xml = Files.readString(SAMPLE, StandardCharsets.UTF_8)
                .replace("<IdStatut>07</IdStatut>", "<IdStatut>SF</IdStatut>")
                .replace("<Horodatage>2026-11-25T17:30:00+01:00</Horodatage>", "");

        StatusFile file = READER.read("statuts.xml", xml.getBytes(StandardCharsets.UTF_8));

        assertThat(file.rejected()).isTrue();
        assertThat(file.lines()).isEmpty();
        assertThat(file.fileFindings()).extracting(Finding::code).containsOnly("XSD_INVALIDE");
        assertThat(file.fileFindings()).extracting(f -> f.location().line()).contains(13, 25);
        assertThat(file.fileFindings().get(0).message()).contains("statuts-facture.xsd").contains("SF");
    }

    @Test
    void refusesADoctypeBeforeReadingIt() throws Exception {
        String xml = Files.readString(SAMPLE, StandardCharsets.UTF_8).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");

        StatusFile file = READER.read("statuts.xml", xml.getBytes(StandardCharsets.UTF_8));

        assertThat(file.fileFindings()).extracting(Finding::code).containsExactly("IRR_DTD");
    }

    @Test
    void rejectsAFileThatIsNotWellFormed() throws Exception {
        String xml = Files.readString(SAMPLE, StandardCharsets.UTF_8).replace("</Enveloppe>", "</Envelope>");

        StatusFile file = READER.read("statuts.xml", xml.getBytes(StandardCharsets.UTF_8));

        assertThat(file.fileFindings()).extracting(Finding::code).containsExactly("IRR_SYNTAX");
    }
}
