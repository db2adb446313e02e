package org.achemine.validation;

/** The admissibility check's result on one document, with its syntax when it may go on (null otherwise). */
public record AdmissibilityResult(CheckResult result, Syntax syntax) {

    public boolean admitted() {
        return syntax != null && result.outcome() != Outcome.INVALID && result.outcome() != Outcome.ERROR;
    }
}
