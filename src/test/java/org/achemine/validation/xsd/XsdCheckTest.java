package org.achemine.validation.xsd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.achemine.validation.CheckName;
import org.achemine.validation.CheckResult;
import org.achemine.validation.Finding;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.Outcome;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.RuleSet;
import org.achemine.validation.Severity;
import org.achemine.validation.Syntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XsdCheckTest {

    /** Compiling the three schemas takes seconds: once for the class, as the engine does once per process. */
    private static final XsdCheck CHECK = new XsdCheck();

    @ParameterizedTest
    @CsvSource({
        "samples/ubl/invoice-valid.xml, UBL_INVOICE",
        "samples/ubl/creditnote-valid.xml, UBL_CREDIT_NOTE",
        "samples/cii/invoice-valid.xml, CII_D16B"})
    void acceptsTheValidSamples(Path sample, Syntax syntax) throws Exception {
        // when
        CheckResult result = CHECK.check(invoice(sample, syntax));
        // then
        assertThat(result.check()).isEqualTo(CheckName.XSD);
        assertThat(result.findings()).isEmpty();
        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void reportsEveryErrorWithLineAndColumnNotOnlyTheFirst() throws Exception {
        // when
        CheckResult result = CHECK.check(invoice(Path.of("samples/invalid/xsd-error.xml"), Syntax.UBL_INVOICE));
        // then: French date, element out of order, unknown element, decimal comma — each once, where it is
        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(result.findings()).extracting(Finding::code).containsOnly("XSD_INVALIDE");
        assertThat(result.findings()).extracting(f -> f.location().line()).containsExactly(8, 13, 118, 152);
        assertThat(result.findings()).extracting(f -> f.location().path()).containsExactly(
                "/Invoice/cbc:IssueDate",
                "/Invoice/cbc:DocumentCurrencyCode",
                "/Invoice/cac:InvoiceLine/cac:Item/cbc:CodeArticle",
                "/Invoice/cac:InvoiceLine[2]/cac:Price/cbc:PriceAmount");
        assertThat(result.findings()).allSatisfy(f -> {
            assertThat(f.location().column()).isPositive();
            assertThat(f.severity()).isEqualTo(Severity.FATAL);
            assertThat(f.source()).isEqualTo(CheckName.XSD);
            assertThat(f.message()).startsWith("Non conforme au schéma UBL 2.1 Invoice : ").doesNotContain(": cvc-").containsPattern("\\(cvc-[a-z.0-9-]+\\)$");
        });
    }

    @Test
    void saysWhatIsWrongInFrenchKeepingTheValidatorKeyAndShortPrefixes() throws Exception {
        // when
        List<Finding> findings = CHECK.check(invoice(Path.of("samples/invalid/xsd-error.xml"), Syntax.UBL_INVOICE))
                .findings();
        // then (the validator is told to speak its base English whatever the JVM's language; our French rewrites it)
        assertThat(findings.get(0).message())
                .contains("/Invoice/cbc:IssueDate : « 02/11/2026 » n'est pas une valeur valide de type date")
                .endsWith("(cvc-datatype-valid.1.2.1)");
        assertThat(findings.get(1).message())
                .contains("l'élément cbc:DocumentCurrencyCode n'est pas attendu à cet endroit")
                .contains("cac:InvoicePeriod")
                .doesNotContain("urn:oasis")
                .endsWith("(cvc-complex-type.2.4.a)");
        assertThat(findings.get(1).messageEn()).startsWith("Not valid against the UBL 2.1 Invoice schema: ")
                .contains("Invalid content was found starting with element 'cbc:DocumentCurrencyCode'");
    }

    @Test
    void reportsAMissingMandatoryElementOfACiiInvoice() throws Exception {
        // given a CII invoice without its ExchangedDocument
        String xml = Files.readString(Path.of("samples/cii/invoice-valid.xml"))
                .replaceAll("(?s)<rsm:ExchangedDocument>.*?</rsm:ExchangedDocument>", "");
        // when
        CheckResult result = CHECK.check(invoice("cii.xml", xml, Syntax.CII_D16B));
        // then
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("rsm:ExchangedDocument").startsWith("Non conforme au schéma UN/CEFACT CII D16B");
        });
    }

    @Test
    void detailsAtMostAHundredErrorsAndSaysHowManyThereWere() throws Exception {
        // given 150 lines each with a quantity that is not a number
        String xml = Files.readString(Path.of("samples/ubl/invoice-valid.xml"));
        int start = xml.indexOf("  <cac:InvoiceLine>");
        int end = xml.indexOf("</cac:InvoiceLine>") + "</cac:InvoiceLine>\n".length();
        String badLine = xml.substring(start, end).replace(">10</cbc:InvoicedQuantity>", ">dix</cbc:InvoicedQuantity>");
        String many = xml.substring(0, start) + badLine.repeat(150) + xml.substring(xml.indexOf("</Invoice>"));
        // when
        CheckResult result = CHECK.check(invoice("many.xml", many, Syntax.UBL_INVOICE));
        // then
        assertThat(result.findings()).hasSize(XsdCheck.MAX_FINDINGS + 1);
        Finding note = result.findings().get(XsdCheck.MAX_FINDINGS);
        assertThat(note.code()).isEqualTo("XSD_ERREURS_LIMITEES");
        assertThat(note.message()).startsWith("150 erreurs de schéma au total").contains("100 premières");
        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void namesTheSchemaArtifactsAndTheirVersions() {
        // when
        List<RuleSet> ruleSets = XsdCheck.ruleSets();
        // then
        assertThat(ruleSets).extracting(RuleSet::version).containsExactly("2.1", "D16B");
        assertThat(ruleSets.get(0).name()).contains("ph-ubl21 10.");
        assertThat(ruleSets.get(1).name()).contains("ph-cii-d16b 4.");
    }

    @Test
    void validatesFromManyThreadsAtOnce() throws Exception {
        // given
        List<ParsedInvoice> invoices = List.of(
                invoice(Path.of("samples/ubl/invoice-valid.xml"), Syntax.UBL_INVOICE),
                invoice(Path.of("samples/invalid/xsd-error.xml"), Syntax.UBL_INVOICE),
                invoice(Path.of("samples/cii/invoice-valid.xml"), Syntax.CII_D16B));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // when
            List<Future<List<Integer>>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> {
                    List<Integer> counts = new ArrayList<>();
                    for (ParsedInvoice invoice : invoices) {
                        counts.add(CHECK.check(invoice).findings().size());
                    }
                    return counts;
                }));
            }
            // then
            for (Future<List<Integer>> run : runs) {
                assertThat(run.get()).containsExactly(0, 4, 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static ParsedInvoice invoice(Path path, Syntax syntax) throws Exception {
        return new ParsedInvoice(new InvoiceDocument(path.getFileName().toString(), Files.readAllBytes(path)), syntax);
    }

    private static ParsedInvoice invoice(String name, String xml, Syntax syntax) {
        return new ParsedInvoice(new InvoiceDocument(name, xml.getBytes(StandardCharsets.UTF_8)), syntax);
    }
}
