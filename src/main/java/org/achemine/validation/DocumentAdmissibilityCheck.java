package org.achemine.validation;

/**
 * The first check of every document: UTF-8 encoding, no DTD, well-formed XML, a known root element.
 * It decides the document's {@link Syntax}; the other checks run only on documents it admits.
 */
public interface DocumentAdmissibilityCheck {

    AdmissibilityResult check(InvoiceDocument document);
}
