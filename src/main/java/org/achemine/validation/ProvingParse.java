package org.achemine.validation;

import java.time.Duration;
import java.util.Optional;

/**
 * A whole-document parse that a later check does anyway (the XSD check's, which also builds the tree), lent to
 * admissibility so that a document is parsed once: when it reads the document to its end without a fatal error,
 * within the structure limits and under the root element of the expected syntax, the document is well-formed
 * and admissibility needs no parse of its own. Any doubt (a fatal error, a limit neared, another root) and it
 * proves nothing: admissibility then reads the document its own way, and every finding stays as it was.
 */
public interface ProvingParse {

    /**
     * Parses the invoice as its syntax. When the parse proved the document well-formed, returns the time it took
     * and keeps its check's result in the invoice (the check then returns it without parsing again); otherwise
     * returns empty and keeps nothing.
     */
    Optional<Duration> prove(ParsedInvoice invoice);
}
