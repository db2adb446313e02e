package org.achemine.validation.facturx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.achemine.testing.FacturXPdfs;
import org.achemine.validation.AcceptancePolicy;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.FlowKind;
import org.achemine.validation.FlowState;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.Syntax;
import org.achemine.validation.ValidationSettings;
import org.achemine.validation.engine.ValidationEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Factur-X PDF is validated like its CII, plus the Factur-X checks; broken and hostile PDFs get their codes. */
class FacturXValidationTest {

    // after the sample's issue date (2026-11-05), so the national rules take it
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    private static final ValidationEngine ENGINE = new ValidationEngine(ValidationSettings.defaults(), CLOCK);
    private static final AcceptancePolicy POLICY = new AcceptancePolicy();
    private static final String BASIC_WL = "urn:factur-x.eu:1p0:basicwl";

    @TempDir
    Path dir;

    @Test
    void aValidFacturXIsAcceptedAsTheCiiItCarriesUnderThePdfsName() throws Exception {
        FlowVerdict verdict = validate("facture.pdf", FacturXPdfs.of("FX-2026-0001").bytes());

        assertThat(verdict.kind()).isEqualTo(FlowKind.PDF);
        assertThat(codes(verdict)).isEmpty();
        DocumentVerdict invoice = verdict.documents().get(0);
        assertThat(invoice.name()).isEqualTo("facture.pdf");
        assertThat(invoice.syntax()).isEqualTo(Syntax.CII_D16B);
        assertThat(invoice.facts().invoiceNumber()).isEqualTo("FX-2026-0001");
        assertThat(POLICY.flowState(verdict)).isEqualTo(FlowState.IN_INTEGRE);
    }

    @Test
    void theOlderEmbeddedNamesAreFoundTooAndAnUncompressedInvoiceIsRead() throws Exception {
        for (String name : List.of("zugferd-invoice.xml", "ZUGFeRD-invoice.xml", "xrechnung.xml")) {
            FlowVerdict verdict = validate("ancien.pdf", FacturXPdfs.of("FX-2026-0002").named(name).uncompressed().bytes());
            assertThat(codes(verdict)).as(name).isEmpty();
            assertThat(verdict.documents()).as(name).hasSize(1);
        }
    }

    @Test
    void aBasicWlOrMinimumInvoiceIsRefusedSayingWhichProfileToSend() throws Exception {
        FlowVerdict verdict = validate("basicwl.pdf",
                FacturXPdfs.of("FX-2026-0003").guideline(BASIC_WL).conformanceLevel("BASIC WL").bytes());
        FlowVerdict minimum = validate("minimum.pdf", FacturXPdfs.of("FX-2026-0004")
                .guideline("urn:factur-x.eu:1p0:minimum").conformanceLevel("MINIMUM").bytes());

        assertThat(codes(verdict)).contains("FX_PROFIL_INCOMPLET").doesNotContain("FX_XMP_PROFIL");
        assertThat(message(verdict, "FX_PROFIL_INCOMPLET")).contains("BASIC WL").contains("EN 16931");
        assertThat(codes(minimum)).contains("FX_PROFIL_INCOMPLET");
        assertThat(POLICY.flowState(verdict)).isEqualTo(FlowState.IN_REJETE);
    }

    @Test
    void xmpMetadataNamingAnotherProfileThanTheXmlRefuseTheInvoice() throws Exception {
        FlowVerdict verdict = validate("desaccord.pdf", FacturXPdfs.of("FX-2026-0005").conformanceLevel("BASIC").bytes());

        assertThat(codes(verdict)).containsExactly("FX_XMP_PROFIL");
        assertThat(message(verdict, "FX_XMP_PROFIL")).contains("BASIC").contains("EN 16931")
                .contains("urn:cen.eu:en16931:2017");
        assertThat(POLICY.flowState(verdict)).isEqualTo(FlowState.IN_REJETE);
    }

    @Test
    void missingXmpOrAnUnexpectedRelationshipAreWarningsTheXmlPrevails() throws Exception {
        FlowVerdict noXmp = validate("sans-xmp.pdf", FacturXPdfs.of("FX-2026-0006").conformanceLevel(null).bytes());
        FlowVerdict supplement = validate("supplement.pdf",
                FacturXPdfs.of("FX-2026-0007").relationship("Supplement").bytes());
        FlowVerdict noRelationship = validate("sans-relation.pdf",
                FacturXPdfs.of("FX-2026-0008").relationship(null).bytes());

        assertThat(codes(noXmp)).containsExactly("FX_XMP_ABSENT");
        assertThat(codes(supplement)).containsExactly("FX_RELATION_AF");
        assertThat(message(supplement, "FX_RELATION_AF")).contains("Supplement");
        assertThat(codes(noRelationship)).containsExactly("FX_RELATION_AF");
        assertThat(Stream.of(noXmp, supplement, noRelationship).map(POLICY::flowState)).containsOnly(FlowState.IN_INTEGRE);
    }

    @Test
    void aPlainPdfIsRefusedSayingWhatToSend() throws Exception {
        FlowVerdict verdict = validate("scan.pdf", FacturXPdfs.of("FX-2026-0009").withoutInvoice().bytes());

        assertThat(verdict.documents()).isEmpty();
        assertThat(codes(verdict)).containsExactly("IRR_PDF_SANS_FACTURX");
        assertThat(message(verdict, "IRR_PDF_SANS_FACTURX")).contains("factur-x.xml").contains("EN 16931");
    }

    @Test
    void encryptedPdfsAreRefused() throws Exception {
        assertThat(codes(validate("chiffre.pdf", FacturXPdfs.of("FX-2026-0010").encrypted().bytes())))
                .containsExactly("IRR_PDF_CHIFFRE");
    }

    @Test
    void aPdfThatRunsJavaScriptWhenOpenedIsRefusedUnread() throws Exception {
        FlowVerdict verdict = validate("script.pdf", FacturXPdfs.of("FX-2026-0011").javaScriptOnOpen().bytes());

        assertThat(codes(verdict)).containsExactly("IRR_PDF_ACTIF");
        assertThat(message(verdict, "IRR_PDF_ACTIF")).contains("JavaScript");
        assertThat(verdict.documents()).isEmpty();
    }

    @Test
    void anEmbeddedStreamThatInflatesLikeABombIsRefusedWithoutBeingExpanded() throws Exception {
        // 64 MB of zeros deflated to ~64 KB: the ratio limit (100) stops decoding after a few MB
        byte[] bomb = FacturXPdfs.streamBomb(64);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        FlowVerdict verdict = validate("bombe.pdf", bomb);

        assertThat(codes(verdict)).containsExactly("IRR_PDF_LIMITE");
        assertThat(verdict.documents()).isEmpty();
    }

    @Test
    void brokenPdfsAndPdfsUnderAnotherNameAreRefusedWithTheirCodes() throws Exception {
        byte[] truncated = java.util.Arrays.copyOf(FacturXPdfs.of("FX-2026-0012").bytes(), 400);

        assertThat(codes(validate("tronque.pdf", truncated))).containsExactly("IRR_PDF_ILLISIBLE");
        assertThat(codes(validate("facture.xml", FacturXPdfs.of("FX-2026-0013").bytes()))).containsExactly("IRR_TYPE_F");
        assertThat(codes(validate("facture.pdf", Files.readAllBytes(FacturXPdfs.CII)))).containsExactly("IRR_TYPE_F");
    }

    @Test
    void thePublishedBasicWlSampleIsRefusedForItsProfile() throws Exception {
        FlowVerdict verdict = ENGINE.validate("Facture_FR_BASICWL.pdf", Path.of("samples/facturx/Facture_FR_BASICWL.pdf"));

        assertThat(verdict.documents()).hasSize(1);
        assertThat(verdict.documents().get(0).syntax()).isEqualTo(Syntax.CII_D16B);
        assertThat(codes(verdict)).contains("FX_PROFIL_INCOMPLET").doesNotContain("FX_XMP_PROFIL", "FX_XMP_ABSENT");
    }

    @Test
    void thePublishedEn16931SampleIsExtractedAndItsProfileAgreesWithItsXmp() throws Exception {
        FlowVerdict verdict = ENGINE.validate("zugferd_2p0_EN16931_Einfach.pdf",
                Path.of("samples/facturx/zugferd_2p0_EN16931_Einfach.pdf"));

        assertThat(verdict.flowFindings()).isEmpty();
        assertThat(verdict.documents()).hasSize(1);
        DocumentVerdict invoice = verdict.documents().get(0);
        assertThat(invoice.syntax()).isEqualTo(Syntax.CII_D16B);
        assertThat(invoice.facts().invoiceNumber()).isNotBlank();
        // a German invoice: the French national rules refuse it, but neither the PDF nor its Factur-X parts do
        assertThat(codes(verdict)).noneMatch(code -> code.startsWith("FX_") || code.startsWith("IRR_"));
        assertThat(invoice.findings().filter(f -> f.source().token().equals("xsd"))).isEmpty();
    }

    private FlowVerdict validate(String name, byte[] content) throws Exception {
        return ENGINE.validate(name, Files.write(dir.resolve("depot-" + System.nanoTime()), content));
    }

    private static List<String> codes(FlowVerdict verdict) {
        return findings(verdict).map(Finding::code).toList();
    }

    private static String message(FlowVerdict verdict, String code) {
        return findings(verdict).filter(f -> f.code().equals(code)).map(Finding::message).findFirst().orElseThrow();
    }

    private static Stream<Finding> findings(FlowVerdict verdict) {
        return Stream.concat(verdict.flowFindings().stream(), verdict.documents().stream().flatMap(DocumentVerdict::findings));
    }
}
