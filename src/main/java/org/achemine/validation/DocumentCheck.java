package org.achemine.validation;

/**
 * One step of the validation pipeline after admissibility (XSD, EN 16931, national rules).
 * Implementations are immutable and thread-safe: one instance validates many documents at once.
 * A bad document is a result with findings, never an exception; an exception means the check broke.
 */
public interface DocumentCheck {

    CheckName name();

    CheckResult check(ParsedInvoice invoice) throws Exception;
}
