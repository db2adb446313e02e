package org.achemine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.achemine.validation.admissibility.XmlAdmissibilityCheck;
import org.achemine.validation.national.InvoiceTerms;
import org.achemine.validation.national.NationalCheck;
import org.achemine.validation.xsd.XsdCheck;
import org.junit.jupiter.api.Test;

/**
 * Reading an invoice's facts (SIRET, number, amounts: what routing and the duplicate check need) is part of
 * validating it: when it breaks on an invoice every check accepted, the verdict is an ERROR with an incident,
 * never an accepted invoice with no facts.
 */
class ValidationPipelineFactsTest {

    private static final InvoiceFactsReader BROKEN = invoice -> {
        throw new IllegalStateException("facts reader broken on purpose");
    };

    @Test
    void factsThatCannotBeReadFromAnAcceptedInvoiceAreAnErrorWithAnIncident() throws Exception {
        // given a valid invoice and a facts reader that breaks
        ValidationPipeline pipeline = new ValidationPipeline(new XmlAdmissibilityCheck(),
                List.of(new NationalCheck(new InvoiceTerms())), BROKEN, false);
        InvoiceDocument invoice = new InvoiceDocument("invoice-valid.xml",
                Files.readAllBytes(Path.of("samples/ubl/invoice-valid.xml")));

        // when it is validated
        DocumentVerdict verdict = pipeline.validate(invoice);

        // then the last check is an ERROR quoting the incident, and the policy does not accept the invoice
        assertThat(verdict.facts()).isNull();
        assertThat(verdict.hasError()).isTrue();
        CheckResult last = verdict.checks().get(verdict.checks().size() - 1);
        assertThat(last.check()).isEqualTo(CheckName.NATIONAL);
        assertThat(last.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(last.findings()).extracting(Finding::code).containsExactly(FindingCode.ERR_TECHNIQUE.code());
        assertThat(last.findings().get(0).message()).containsPattern("INC-[0-9A-F]{8}");
        assertThat(new AcceptancePolicy().accepts(verdict)).isFalse();
    }

    @Test
    void aRefusedInvoiceKeepsItsVerdictWhenItsFactsCannotBeRead() throws Exception {
        // given an invoice the XSD check refuses
        ValidationPipeline pipeline = new ValidationPipeline(new XmlAdmissibilityCheck(),
                List.of(new XsdCheck(), new NationalCheck(new InvoiceTerms())), BROKEN, false);

        // when it is validated
        DocumentVerdict verdict = pipeline.validate(new InvoiceDocument("xsd-error.xml",
                Files.readAllBytes(Path.of("samples/invalid/xsd-error.xml"))));

        // then it is refused for what it is; the facts it is not routed with are not an incident
        assertThat(verdict.hasError()).isFalse();
        assertThat(verdict.hasFatal()).isTrue();
        assertThat(verdict.facts()).isNull();
    }
}
