package org.achemine.validation;

/**
 * The checks of the validation pipeline, in the order they run, then the other sources of findings. Also the
 * {@code source} of a finding.
 */
public enum CheckName {
    ADMISSIBILITY("admissibility"),
    XSD("xsd"),
    EN16931("en16931"),
    NATIONAL("national"),
    /** Not a validation check: whether the depositing operator holds a mandate for the invoice's supplier. */
    MANDATE("mandats"),
    ROUTING("routing"),
    /** Not a validation check: the processing of a status flow (status updates, completions). */
    STATUS_UPDATES("statuts"),
    /** The directory import (annuaire): not a check of flows; the source of the import report's codes. */
    DIRECTORY("directory");

    private final String token;

    CheckName(String token) {
        this.token = token;
    }

    /** The lower-case token used in reports (CR attribute {@code source}/{@code nom}, JSON {@code source}). */
    public String token() {
        return token;
    }
}
