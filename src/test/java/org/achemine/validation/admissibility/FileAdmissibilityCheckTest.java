package org.achemine.validation.admissibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.achemine.validation.Finding;
import org.achemine.validation.FlowKind;
import org.achemine.validation.ValidationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileAdmissibilityCheckTest {

    private static final byte[] XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Invoice/>".getBytes(StandardCharsets.UTF_8);

    private final FileAdmissibilityCheck check = new FileAdmissibilityCheck(ValidationSettings.defaults());

    @TempDir
    Path dir;

    @Test
    void refusesAnEmptyFile() throws IOException {
        // given
        Path file = write("facture.xml", new byte[0]);
        // when
        FileAdmission admission = check.admit("facture.xml", 0, file);
        // then
        assertThat(codes(admission)).containsExactly("IRR_VIDE_F");
        assertThat(admission.admitted()).isFalse();
    }

    @Test
    void refusesAnOversizedFileFromItsSizeAloneWithoutReadingIt() throws IOException {
        // given a path that does not even exist: reading it would throw
        Path missing = dir.resolve("never-written.xml");
        long size = ValidationSettings.defaults().maxFileSize() + 1;
        // when
        FileAdmission admission = check.admit("facture.xml", size, missing);
        // then
        assertThat(codes(admission)).containsExactly("IRR_TAILLE_F");
        assertThat(admission.findings().get(0).message()).contains(String.valueOf(size));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FT G2G_TD01 con Allegato, Bonifico e Split Payment.xml", "facture été n°12.xml",
        "BIS3_Invoice_negativ.XML", "lot-2026-11.zip", "lot.tar.gz", "lot.TGZ"})
    void admitsNamesWithSpacesCommasAccentsAndAnyCaseOfExtension(String name) throws IOException {
        // given
        FlowKind kind = FileAdmissibilityCheck.kindOf(name);
        Path file = write("f", kind == FlowKind.XML ? XML : kind == FlowKind.ZIP ? zipHead() : gzipHead());
        // when
        FileAdmission admission = check.admit(name, Files.size(file), file);
        // then
        assertThat(admission.findings()).isEmpty();
        assertThat(admission.admitted()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
        "facture/01.xml => caractère interdit « / »",
        "facture\\01.xml => caractère interdit « \\ »",
        "C:facture.xml => caractère interdit « : »",
        "facture*.xml => caractère interdit « * »",
        "facture?.xml => caractère interdit « ? »",
        "facture\".xml => caractère interdit « \" »",
        "facture<1>.xml => caractère interdit « < »",
        "a|b.xml => caractère interdit « => »",
        ".facture.xml => commence par un point",
        "facture => n'a pas d'extension",
        "facture. => n'a pas d'extension",
        "CON.xml => nom réservé par Windows",
        "nul.tar.gz => nom réservé par Windows",
        "COM1.xml => nom réservé par Windows",
        "'facture.xml ' => se termine par une espace",
        "facture-\u202Elmx.exe => inverse le sens d'écriture"})
    void refusesBadNamesSayingWhy(String name, String reason) throws IOException {
        // given
        Path file = write("f", XML);
        // when
        FileAdmission admission = check.admit(name, XML.length, file);
        // then
        assertThat(codes(admission)).contains("IRR_NOM_F");
        assertThat(admission.findings().get(0).message()).contains(reason);
    }

    @Test
    void refusesANameOver200CharactersAndOneWithAControlCharacter() throws IOException {
        // given
        Path file = write("f", XML);
        String longName = "f".repeat(197) + ".xml";
        // when
        FileAdmission tooLong = check.admit(longName, XML.length, file);
        FileAdmission control = check.admit("fact\u0007ure.xml", XML.length, file);
        FileAdmission justRight = check.admit("f".repeat(196) + ".xml", XML.length, file);
        // then
        assertThat(tooLong.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_NOM_F");
            assertThat(f.message()).contains("201 caractères");
        });
        assertThat(codes(control)).containsExactly("IRR_NOM_F");
        assertThat(justRight.findings()).isEmpty();
    }

    @Test
    void refusesAPdfNamedXmlSayingAPdfWasFound() throws IOException {
        // given
        Path file = write("f", "%PDF-1.4\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1));
        // when
        FileAdmission admission = check.admit("facture.xml", Files.size(file), file);
        // then
        assertThat(admission.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_TYPE_F");
            assertThat(f.message()).contains("document PDF");
        });
    }

    @Test
    void refusesAZipNamedXmlAndAGzipNamedZip() throws IOException {
        // given
        Path zip = write("z", zipHead());
        Path gzip = write("g", gzipHead());
        // when
        FileAdmission zipAsXml = check.admit("facture.xml", Files.size(zip), zip);
        FileAdmission gzipAsZip = check.admit("lot.zip", Files.size(gzip), gzip);
        // then
        assertThat(zipAsXml.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("archive ZIP"));
        assertThat(gzipAsZip.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_TYPE_F");
            assertThat(f.message()).contains("gzip");
        });
    }

    @Test
    void refusesAnUnsupportedExtensionNamingWhatWasFound() throws IOException {
        // given
        Path pdf = Path.of("samples/invalid/unsupported-type.pdf");
        // when
        FileAdmission admission = check.admit("unsupported-type.odt", Files.size(pdf), pdf);
        // then
        assertThat(admission.kind()).isEqualTo(FlowKind.UNSUPPORTED);
        assertThat(admission.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_TYPE_F");
            assertThat(f.message()).contains(".odt").contains("document PDF");
        });
    }

    @Test
    void takesAPdfAsAPdfDepositAndRefusesAnythingElseNamedPdf() throws IOException {
        Path pdf = Path.of("samples/invalid/unsupported-type.pdf");
        Path xml = write("f", "<Invoice/>".getBytes(StandardCharsets.UTF_8));

        FileAdmission admitted = check.admit("facture.PDF", Files.size(pdf), pdf);
        FileAdmission notPdf = check.admit("facture.pdf", Files.size(xml), xml);

        assertThat(admitted.kind()).isEqualTo(FlowKind.PDF);
        assertThat(admitted.admitted()).isTrue();
        assertThat(notPdf.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_TYPE_F");
            assertThat(f.message()).contains("n'est pas un PDF").contains("XML");
        });
    }

    @Test
    void letsUtf16XmlThroughSoTheXmlCheckCanNameTheEncoding() throws IOException {
        // given
        Path file = write("f", "\uFEFF<Invoice/>".getBytes(StandardCharsets.UTF_16LE));
        // when
        FileAdmission admission = check.admit("facture.xml", Files.size(file), file);
        // then
        assertThat(admission.admitted()).isTrue();
    }

    @Test
    void refusesTextThatIsNotXml() throws IOException {
        // given
        Path file = write("f", "Numéro;Montant\nFA-1;12.00\n".getBytes(StandardCharsets.UTF_8));
        // when
        FileAdmission admission = check.admit("facture.xml", Files.size(file), file);
        // then
        assertThat(codes(admission)).containsExactly("IRR_TYPE_F");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] zipHead() {
        return new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0};
    }

    private static byte[] gzipHead() {
        return new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0};
    }

    private static java.util.List<String> codes(FileAdmission admission) {
        return admission.findings().stream().map(Finding::code).toList();
    }

    @Test
    void admitsAFileReadWholeAsItAdmitsItFromDisk() throws IOException {
        // given every hostile and invalid sample whose size may be read whole (XML or not, named well or not)
        int compared = 0;
        for (Path folder : List.of(Path.of("samples/hostile"), Path.of("samples/invalid"), Path.of("samples/ubl"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    long size = Files.size(file);
                    if (!check.isWithinSize(size)) {
                        continue;
                    }
                    String name = file.getFileName().toString();
                    // when
                    FileAdmission fromDisk = check.admit(name, size, file);
                    FileAdmission readWhole = check.admit(name, Files.readAllBytes(file));
                    // then
                    assertThat(readWhole).as(name).isEqualTo(fromDisk);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(30);
        assertThat(check.isWithinSize(0)).isFalse();
        assertThat(check.isWithinSize(ValidationSettings.defaults().maxFileSize() + 1)).isFalse();
    }
}
