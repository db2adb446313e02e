package org.achemine.validation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.achemine.validation.CheckName;
import org.achemine.validation.CheckResult;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.Outcome;
import org.achemine.validation.ValidationSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole pipeline (XSD, EN 16931, national) on an invoice with faults of every kind. */
class AllFindingsAtOnceTest {

    private static ValidationEngine stopAtFirst;
    private static ValidationEngine runAll;
    private static InvoiceDocument faulty;

    @BeforeAll
    static void engines() throws Exception {
        stopAtFirst = new ValidationEngine(ValidationSettings.defaults());
        runAll = new ValidationEngine(ValidationSettings.defaults().withRunAllChecks(true));
        // given a valid sample broken three ways: an element the schema does not allow (XSD), a total that no
        // longer adds up (EN 16931 BR-CO-15) and a buyer SIRET with a wrong key (national)
        String xml = Files.readString(Path.of("samples/national/ok-ubl-invoice.xml"), StandardCharsets.UTF_8)
                .replace("<cbc:Note>", "<cbc:Remarque>non prévu</cbc:Remarque><cbc:Note>")
                .replace("<cbc:TaxInclusiveAmount currencyID=\"EUR\">6642.52<", "<cbc:TaxInclusiveAmount currencyID=\"EUR\">6642.53<")
                .replace("schemeID=\"0009\">11000201100044<", "schemeID=\"0009\">11000201100045<");
        faulty = new InvoiceDocument("faulty.xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withRunAllChecksEveryKindOfFaultIsInOneReport() {
        // when
        DocumentVerdict verdict = runAll.flowValidator().validate(faulty);

        // then each check ran and reported its own fault
        assertThat(verdict.checks()).extracting(CheckResult::check)
                .containsExactly(CheckName.ADMISSIBILITY, CheckName.XSD, CheckName.EN16931, CheckName.NATIONAL);
        assertThat(verdict.checks()).extracting(CheckResult::outcome)
                .containsExactly(Outcome.VALID, Outcome.INVALID, Outcome.INVALID, Outcome.INVALID);
        List<String> codes = verdict.findings().map(Finding::code).toList();
        assertThat(codes).contains("XSD_INVALIDE", "BR-CO-15", "NAT_SIRET_ACHETEUR_CLE");
        assertThat(verdict.findings().filter(f -> f.code().equals("BR-CO-15")).findFirst().orElseThrow().location().line())
                .isPositive();
        // and the invoice record is still read for the report
        assertThat(verdict.facts().invoiceNumber()).isEqualTo("FA-42-2");
        assertThat(runAll.policy().accepts(verdict)).isFalse();
    }

    @Test
    void byDefaultTheFirstFailingCheckStopsTheOthersWhichAreSkipped() {
        // when
        DocumentVerdict verdict = stopAtFirst.flowValidator().validate(faulty);

        // then
        assertThat(verdict.checks()).extracting(CheckResult::outcome)
                .containsExactly(Outcome.VALID, Outcome.INVALID, Outcome.SKIPPED, Outcome.SKIPPED);
        assertThat(verdict.findings().map(Finding::source)).containsOnly(CheckName.XSD);
    }

    @Test
    void aCheckThatCannotRunOnADocumentAnEarlierCheckRefusedIsSkippedNotAnIncident() throws Exception {
        // given a document the XSD refuses for values the EN 16931 rules cannot even compute with (a French date,
        // an amount with a comma): the official stylesheet stops on them with a dynamic error
        InvoiceDocument unschematic = new InvoiceDocument("xsd-error.xml",
                Files.readAllBytes(Path.of("samples/invalid/xsd-error.xml")));

        // when every check is asked for
        DocumentVerdict verdict = runAll.flowValidator().validate(unschematic);

        // then it is refused for what the supplier must fix, the check that could not run is SKIPPED, and the
        // operator gets no incident for a document the schema already refused
        assertThat(verdict.checks()).extracting(CheckResult::check)
                .containsExactly(CheckName.ADMISSIBILITY, CheckName.XSD, CheckName.EN16931, CheckName.NATIONAL);
        assertThat(verdict.checks().get(1).outcome()).isEqualTo(Outcome.INVALID);
        assertThat(verdict.checks().get(2).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(verdict.findings().map(Finding::code)).contains("XSD_INVALIDE")
                .doesNotContain(FindingCode.ERR_TECHNIQUE.code());
        assertThat(verdict.hasError()).isFalse();
        assertThat(runAll.policy().accepts(verdict)).isFalse();
    }

    @Test
    void aCleanInvoicePassesEveryCheckAndNamesTheRuleSets() throws Exception {
        // given
        byte[] clean = Files.readAllBytes(Path.of("samples/national/ok-cii-invoice.xml"));

        // when
        DocumentVerdict verdict = stopAtFirst.flowValidator().validate(new InvoiceDocument("ok.xml", clean));

        // then
        assertThat(verdict.checks()).extracting(CheckResult::outcome).containsOnly(Outcome.VALID);
        assertThat(stopAtFirst.ruleSets()).extracting(r -> r.name() + " " + r.version())
                .contains("EN 16931 (CEN/TC 434) 1.3.16", "achemine règles nationales 2026.12");
    }
}
