package org.achemine.lifecycle.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.achemine.validation.Finding;
import org.junit.jupiter.api.Test;

class CsvStatusFileTest {

    private static final String HEADER = "id_facture;id_fournisseur;numero_facture;date_facture;statut;date_heure;motif;commentaire\n";

    @Test
    void readsEachRecordWithTheLineItStartsOnToleratingABomBlankLinesAndQuotedLineBreaks() {
        // given a BOM, a header in capitals, a blank line and a comment spanning two lines
        String csv = "\uFEFF" + HEADER.toUpperCase() + "\n"
                + ";81234567600025;FA-1;2026-11-02;07;2026-11-24T09:15:00+01:00;;\"sur deux\nlignes\"\n"
                + "ACH0011100000000000000001-1;;;;10;2026-11-26T16:40:00Z;;\n";

        // when
        StatusFile file = CsvStatusFile.read(csv.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(file.fileFindings()).isEmpty();
        assertThat(file.lines()).extracting(RawStatusLine::lineNumber).containsExactly(3, 5);
        assertThat(file.lines().get(0)).satisfies(line -> {
            assertThat(line.invoiceId()).isNull();
            assertThat(line.supplierId()).isEqualTo("81234567600025");
            assertThat(line.invoiceNumber()).isEqualTo("FA-1");
            assertThat(line.comment()).isEqualTo("sur deux\nlignes");
            assertThat(line.reason()).isNull();
        });
        assertThat(file.lines().get(1).invoiceId()).isEqualTo("ACH0011100000000000000001-1");
        assertThat(file.lines().get(1).status()).isEqualTo("10");
    }

    @Test
    void keepsARecordWithTheWrongNumberOfFieldsAsAMalformedLine() {
        StatusFile file = CsvStatusFile.read((HEADER + "a;b;c\n").getBytes(StandardCharsets.UTF_8));

        assertThat(file.rejected()).isFalse();
        assertThat(file.lines()).singleElement().satisfies(line -> {
            assertThat(line.lineNumber()).isEqualTo(2);
            assertThat(line.malformation()).contains("3 champs").contains("en annonce 8");
        });
    }

    @Test
    void rejectsAFileWithoutItsHeaderOrWithAnUnknownColumn() {
        StatusFile noHeader = CsvStatusFile.read(";81234567600025;FA-1;;07;2026-11-24T09:15:00+01:00;;\n"
                .getBytes(StandardCharsets.UTF_8));
        StatusFile typo = CsvStatusFile.read("id_facture;statut;date_heure;motf\nX;07;2026-11-24T09:15:00Z;AUTRE\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(noHeader.rejected()).isTrue();
        assertThat(noHeader.fileFindings()).extracting(Finding::code).containsExactly("STA_CSV_ENTETE");
        assertThat(typo.fileFindings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("STA_CSV_ENTETE");
            assertThat(f.message()).contains("motf");
        });
    }

    @Test
    void rejectsAWholeFileBrokenByAnUnclosedQuoteOrNotInUtf8() {
        StatusFile unclosed = CsvStatusFile.read((HEADER + ";81234567600025;FA-1;;07;2026-11-24T09:15:00Z;;\"oups\n")
                .getBytes(StandardCharsets.UTF_8));
        StatusFile latin1 = CsvStatusFile.read((HEADER + ";81234567600025;FA-1;;07;2026-11-24T09:15:00Z;;Contrôlé\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(unclosed.fileFindings()).extracting(Finding::code).containsExactly("STA_CSV_SYNTAXE");
        assertThat(unclosed.lines()).isEmpty();
        assertThat(latin1.fileFindings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_ENCODAGE");
            assertThat(f.location().line()).isEqualTo(2);
        });
    }

    @Test
    void ignoresAnUnnamedTrailingColumn() {
        StatusFile file = CsvStatusFile.read("id_facture;statut;date_heure;\nX-1;07;2026-11-24T09:15:00Z;\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(file.fileFindings()).isEmpty();
        assertThat(file.lines()).singleElement().extracting(RawStatusLine::status).isEqualTo("07");
    }

    @Test
    void rejectsAFileWithAHeaderAndNoStatus() {
        assertThat(CsvStatusFile.read(HEADER.getBytes(StandardCharsets.UTF_8)).fileFindings())
                .extracting(Finding::code).containsExactly("STA_FICHIER_SANS_STATUT");
    }

    @Test
    void readsTheSampleWithBadLinesLineByLine() throws Exception {
        StatusFile file = CsvStatusFile.read(Files.readAllBytes(Path.of("samples/status/statuts-lignes-erronees.csv")));

        assertThat(file.rejected()).isFalse();
        assertThat(file.lines()).extracting(RawStatusLine::lineNumber).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
        // only line 8 (« trop;peu;de;champs ») cannot be split into the header's columns
        assertThat(file.lines()).extracting(RawStatusLine::malformation).containsExactly(null, null, null, null, null,
                null, "elle compte 4 champs séparés par « ; », l'en-tête en annonce 8", null);
        assertThat(file.lines().get(6).status()).isNull();
    }
}
