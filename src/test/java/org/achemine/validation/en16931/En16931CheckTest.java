package org.achemine.validation.en16931;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.achemine.validation.CheckName;
import org.achemine.validation.CheckResult;
import org.achemine.validation.Finding;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.Outcome;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.Severity;
import org.achemine.validation.Syntax;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official EN 16931 1.3.16 rules on official examples (src/test/resources/en16931, EUPL-1.2, see NOTICE). */
class En16931CheckTest {

    private static En16931Check check;

    @BeforeAll
    static void compileOnce() {
        check = new En16931Check();
    }

    private static byte[] example(String name) throws IOException {
        try (InputStream in = En16931CheckTest.class.getResourceAsStream("/en16931/" + name)) {
            return in.readAllBytes();
        }
    }

    private static CheckResult run(String name, byte[] bytes, Syntax syntax) throws Exception {
        return check.check(new ParsedInvoice(new InvoiceDocument(name, bytes), syntax));
    }

    @Test
    void officialExamplesHaveNoFatalFinding() throws Exception {
        // given the official examples of the three syntaxes / when / then
        assertThat(run("ex1", example("ubl-tc434-example1.xml"), Syntax.UBL_INVOICE).outcome()).isEqualTo(Outcome.VALID);
        assertThat(run("cn1", example("ubl-tc434-creditnote1.xml"), Syntax.UBL_CREDIT_NOTE).outcome())
                .isEqualTo(Outcome.VALID);
        assertThat(run("cii1", example("CII_example1.xml"), Syntax.CII_D16B).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void aWrongTotalIsReportedWithItsRuleIdTextFlagAndLine() throws Exception {
        // given an official UBL example whose amount due no longer matches its total
        String xml = new String(example("ubl-tc434-example1.xml"), StandardCharsets.UTF_8);
        String broken = xml.replaceFirst("<cbc:PayableAmount currencyID=\"EUR\">[0-9.]+<",
                "<cbc:PayableAmount currencyID=\"EUR\">1.00<");
        int payableLine = lineOf(broken, "<cbc:PayableAmount");

        // when
        CheckResult result = run("broken.xml", broken.getBytes(StandardCharsets.UTF_8), Syntax.UBL_INVOICE);

        // then BR-CO-16 (amount due = total with VAT - paid + rounding) is fatal, located in LegalMonetaryTotal
        assertThat(result.check()).isEqualTo(CheckName.EN16931);
        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
        Finding finding = result.findings().stream().filter(f -> f.code().equals("BR-CO-16")).findFirst().orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.FATAL);
        assertThat(finding.source()).isEqualTo(CheckName.EN16931);
        assertThat(finding.ruleText()).startsWith("[BR-CO-16]");
        assertThat(finding.message()).contains("BT-115");
        assertThat(finding.location().path()).isEqualTo("/Invoice[1]/LegalMonetaryTotal[1]");
        assertThat(finding.location().line()).isBetween(payableLine - 6, payableLine);
    }

    @Test
    void aBadCiiCodeIsFatalAndPointsAtTheElement() throws Exception {
        // given a CII example with a currency that is not ISO 4217
        String xml = new String(example("CII_example1.xml"), StandardCharsets.UTF_8)
                .replace("<ram:InvoiceCurrencyCode>EUR<", "<ram:InvoiceCurrencyCode>EUX<");

        // when
        CheckResult result = run("cii.xml", xml.getBytes(StandardCharsets.UTF_8), Syntax.CII_D16B);

        // then
        Finding finding = result.findings().stream().filter(f -> f.code().equals("BR-CL-04")).findFirst().orElseThrow();
        assertThat(finding.isFatal()).isTrue();
        assertThat(finding.location().path()).endsWith("/InvoiceCurrencyCode[1]");
        assertThat(finding.location().line()).isEqualTo(lineOf(xml, "<ram:InvoiceCurrencyCode>"));
    }

    @Test
    void warningsAreReportedButDoNotInvalidate() throws Exception {
        // given a UBL example with an element EN 16931 does not use (UBL-CR-xxx rules are warnings)
        String xml = new String(example("ubl-tc434-example1.xml"), StandardCharsets.UTF_8)
                .replace("<cbc:DocumentCurrencyCode>", "<cbc:PricingCurrencyCode>EUR</cbc:PricingCurrencyCode><cbc:DocumentCurrencyCode>");

        // when
        CheckResult result = run("extra.xml", xml.getBytes(StandardCharsets.UTF_8), Syntax.UBL_INVOICE);

        // then
        List<Finding> warnings = result.findings().stream().filter(f -> f.severity() == Severity.WARNING).toList();
        assertThat(warnings).extracting(Finding::code).anyMatch(code -> code.startsWith("UBL-CR-"));
        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void flagsMapToSeverities() {
        assertThat(SvrlCollector.Failure.severity("fatal")).isEqualTo(Severity.FATAL);
        assertThat(SvrlCollector.Failure.severity("warning")).isEqualTo(Severity.WARNING);
        assertThat(SvrlCollector.Failure.severity("information")).isEqualTo(Severity.WARNING);
        assertThat(SvrlCollector.Failure.severity(null)).isEqualTo(Severity.FATAL);
        assertThat(SvrlCollector.Failure.severity("error")).isEqualTo(Severity.FATAL);
    }

    private static int lineOf(String xml, String marker) {
        int at = xml.indexOf(marker);
        return (int) xml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
