package org.achemine.validation;

/**
 * The admissibility check's result on one document, with its syntax when it may go on (null otherwise), and the
 * invoice already parsed when a {@link ProvingParse} proved it well-formed (null when the checks parse it).
 */
public record AdmissibilityResult(CheckResult result, Syntax syntax, ParsedInvoice parsed) {

    public AdmissibilityResult(CheckResult result, Syntax syntax) {
        this(result, syntax, null);
    }

    public boolean admitted() {
        return syntax != null && result.outcome() != Outcome.INVALID && result.outcome() != Outcome.ERROR;
    }

    /** The invoice the checks read: the one admissibility parsed, or a new one of the syntax it recognised. */
    public ParsedInvoice invoice(InvoiceDocument document) {
        return parsed != null ? parsed : new ParsedInvoice(document, syntax);
    }
}
