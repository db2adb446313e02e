package org.achemine.validation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered checks of one document: admissibility, then XSD, EN 16931 and national rules. By default a
 * failing check stops the ones after it, which are recorded as SKIPPED; with {@code runAllChecks} every
 * check runs on any well-formed document of a known syntax, so one report carries every problem.
 */
public final class ValidationPipeline {

    private final DocumentAdmissibilityCheck admissibility;
    private final List<DocumentCheck> checks;
    private final InvoiceFactsReader factsReader;
    private final boolean runAllChecks;

    public ValidationPipeline(DocumentAdmissibilityCheck admissibility, List<DocumentCheck> checks,
                              InvoiceFactsReader factsReader, boolean runAllChecks) {
        this.admissibility = admissibility;
        this.checks = List.copyOf(checks);
        this.factsReader = factsReader;
        this.runAllChecks = runAllChecks;
    }

    public DocumentVerdict validate(InvoiceDocument document) {
        List<CheckResult> results = new ArrayList<>(checks.size() + 1);
        AdmissibilityResult admission = admissibility.check(document);
        results.add(admission.result());
        if (!admission.admitted()) {
            checks.forEach(c -> results.add(CheckResult.skipped(c.name())));
            return new DocumentVerdict(document.name(), admission.syntax(), results, null);
        }
        ParsedInvoice invoice = admission.invoice(document);
        boolean failed = false;
        for (DocumentCheck check : checks) {
            if (failed && !runAllChecks) {
                results.add(CheckResult.skipped(check.name()));
                continue;
            }
            CheckResult result = run(check, invoice, failed);
            results.add(result);
            failed |= !result.passed();
        }
        InvoiceFacts facts;
        if (failed || factsReader == null) {
            // a refused document is not routed: facts are best effort there (a document too broken to read them
            // from already has its fatal findings)
            facts = quietFacts(invoice);
        } else {
            try {
                facts = factsReader.read(invoice);
            } catch (Exception | StackOverflowError broken) {
                // an accepted invoice without its facts would be routed with no SIRET and skip the duplicate check:
                // our fault, an ERROR with an incident on the last check (whose findings it keeps)
                Exception cause = broken instanceof Exception e ? e : new IllegalStateException(broken);
                CheckResult last = results.remove(results.size() - 1);
                List<Finding> findings = new ArrayList<>(last.findings());
                findings.add(Incident.report(last.check(), invoice.name(), cause));
                results.add(new CheckResult(last.check(), Outcome.ERROR, findings, last.duration()));
                return new DocumentVerdict(document.name(), invoice.syntax(), results, null);
            }
        }
        List<Finding> overLong = StoredValues.findings(facts);
        if (!overLong.isEmpty()) {
            // whatever the checks found: a value the platform cannot store refuses the invoice, never the database
            CheckResult admitted = results.get(0);
            List<Finding> findings = new ArrayList<>(admitted.findings());
            findings.addAll(overLong);
            results.set(0, CheckResult.of(admitted.check(), findings, admitted.duration()));
        }
        return new DocumentVerdict(document.name(), invoice.syntax(), results, StoredValues.bounded(facts));
    }

    private static CheckResult run(DocumentCheck check, ParsedInvoice invoice, boolean afterRefusal) {
        long start = System.nanoTime();
        try {
            return check.check(invoice);
        } catch (Exception | StackOverflowError broken) {
            if (afterRefusal) {
                // run-all-checks on a document an earlier check refused: values the schema refused (a French
                // date, an amount with a comma) can stop a rule set outright; the supplier already reads what to
                // fix, and an incident would send the operator after a fault that is the document's
                return CheckResult.skipped(check.name());
            }
            Exception cause = broken instanceof Exception e ? e : new IllegalStateException(broken);
            return CheckResult.error(check.name(), Incident.report(check.name(), invoice.name(), cause),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private InvoiceFacts quietFacts(ParsedInvoice invoice) {
        if (factsReader == null) {
            return null;
        }
        try {
            return factsReader.read(invoice);
        } catch (Exception unreadable) {
            return null;
        }
    }
}
