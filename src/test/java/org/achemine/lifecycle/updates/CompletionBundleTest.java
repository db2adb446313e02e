package org.achemine.lifecycle.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.achemine.testing.CompletionBundles;
import org.achemine.validation.Finding;
import org.achemine.validation.ValidationSettings;
import org.achemine.validation.admissibility.ArchiveUnpacker;
import org.achemine.validation.attachment.Attachment;
import org.achemine.validation.attachment.AttachmentCheck;
import org.achemine.validation.attachment.AttachmentLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A completion bundle read as intake reads it: its one 12 line, its documents checked like attachments. */
class CompletionBundleTest {

    /** A fixed declared time: the bundle reader does not judge it (the status rules do). */
    private static final Instant AT = Instant.parse("2026-11-25T08:00:00Z");

    private final CompletionBundle reader = new CompletionBundle(new ArchiveUnpacker(ValidationSettings.defaults()),
            new AttachmentCheck(AttachmentLimits.defaults()), new CppStatutStatusFile());

    @TempDir
    Path dir;

    @Test
    void theSampleBundleHoldsOneCompletionLineAndTwoDocuments() throws Exception {
        CompletionBundle.Read read = reader.read(Path.of("samples/status/completion-bundle.zip"), 1000);

        assertThat(read.statusFile().rejected()).isFalse();
        assertThat(read.statusFile().lines()).singleElement().satisfies(line -> {
            assertThat(line.status()).isEqualTo("12");
            assertThat(line.invoiceNumber()).isEqualTo("FA-2026-000124");
            assertThat(line.attachment()).isEqualTo("BL-2026-1103.pdf, livraison.png");
        });
        assertThat(read.documents()).extracting(Attachment::fileName, Attachment::declaredType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("BL-2026-1103.pdf", "application/pdf"),
                org.assertj.core.groups.Tuple.tuple("livraison.png", "image/png"));
    }

    @Test
    void refusesABundleWithoutDocumentsWithTwoStatusFilesOrWithSeveralLines() throws Exception {
        byte[] line = CompletionBundles.statusLine("ACH0011100000000000000001-1", "12", AT);
        Map<String, byte[]> twoStatusFiles = new LinkedHashMap<>(CompletionBundles.pdfAndPng());
        twoStatusFiles.put("autre.csv", line);
        byte[] twoLines = (new String(line, java.nio.charset.StandardCharsets.UTF_8)
                + "ACH0011100000000000000002-1;12;2026-11-25T09:00:00Z;x\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(codes(CompletionBundles.zip(line, Map.of()))).containsExactly("STA_LOT_COMPLEMENT");
        assertThat(codes(CompletionBundles.zip(line, twoStatusFiles))).containsExactly("STA_LOT_COMPLEMENT");
        assertThat(codes(CompletionBundles.zip(twoLines, CompletionBundles.pdfAndPng()))).containsExactly("STA_LOT_COMPLEMENT");
    }

    @Test
    void refusesADocumentOfATypeNotAcceptedOrAProgramNamingIt() throws Exception {
        byte[] line = CompletionBundles.statusLine("ACH0011100000000000000001-1", "12", AT);
        Map<String, byte[]> program = new LinkedHashMap<>(CompletionBundles.pdfAndPng());
        program.put("outil.exe", new byte[] {'M', 'Z', 0, 0});

        CompletionBundle.Read read = read(CompletionBundles.zip(line, program));

        assertThat(read.statusFile().rejected()).isTrue();
        assertThat(read.statusFile().fileFindings()).extracting(Finding::code).containsExactly("IRR_EXT_DOC");
        assertThat(read.statusFile().fileFindings().get(0).message()).contains("outil.exe");
    }

    @Test
    void aTextNamedAsAPdfCompletesWithAWarningAndAScriptNamedSoIsRefused() throws Exception {
        byte[] line = CompletionBundles.statusLine("ACH0011100000000000000001-1", "12", AT);
        Map<String, byte[]> text = new LinkedHashMap<>(CompletionBundles.pdfAndPng());
        text.put("note.pdf", "Livraison conforme".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, byte[]> script = new LinkedHashMap<>(CompletionBundles.pdfAndPng());
        script.put("note.pdf", "<script>fetch('//x')</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        CompletionBundle.Read withText = read(CompletionBundles.zip(line, text));

        assertThat(withText.statusFile().rejected()).isFalse();
        assertThat(withText.statusFile().lines()).singleElement()
                .satisfies(completion -> assertThat(completion.attachment()).contains("note.pdf"));
        assertThat(withText.statusFile().fileFindings()).extracting(Finding::code)
                .containsExactly("ADM_PJ_CONTENU_TEXTE");
        assertThat(withText.statusFile().fileFindings().get(0).message()).contains("« note.pdf »");
        assertThat(codes(CompletionBundles.zip(line, script))).containsExactly("IRR_PJ_CONTENU");
    }

    @Test
    void aHostileBundleIsRefusedByTheBatchReadersLimits() throws Exception {
        byte[] line = CompletionBundles.statusLine("ACH0011100000000000000001-1", "12", AT);
        Map<String, byte[]> nested = new LinkedHashMap<>(CompletionBundles.pdfAndPng());
        nested.put("encore.zip", CompletionBundles.zip(line, CompletionBundles.pdfAndPng()));
        Map<String, byte[]> bomb = new LinkedHashMap<>();
        bomb.put("bon.pdf", new byte[8 * 1024 * 1024]); // 8 MB of zeros: past the ratio's grace, ~1000 for 1

        assertThat(codes(CompletionBundles.zip(line, nested))).containsExactly("IRR_ARCHIVE_IMBRIQUEE");
        assertThat(codes(CompletionBundles.zip(line, bomb))).containsExactly("IRR_ARCHIVE_BOMBE");
    }

    private java.util.List<String> codes(byte[] bundle) throws Exception {
        return read(bundle).statusFile().fileFindings().stream().map(Finding::code).toList();
    }

    private CompletionBundle.Read read(byte[] bundle) throws Exception {
        return reader.read(Files.write(Files.createTempFile(dir, "bundle", ".zip"), bundle), 1000);
    }
}
