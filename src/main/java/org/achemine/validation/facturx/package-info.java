/**
 * Factur-X / ZUGFeRD 2 deposits (Chorus Pro FSO1117A): a PDF/A-3 carrying its invoice as an embedded CII file.
 * {@link org.achemine.validation.facturx.FacturXReader} takes the XML out of the PDF without rendering it or
 * following any of its actions; {@link org.achemine.validation.facturx.FacturXChecks} adds what Factur-X itself
 * requires (a complete profile, XMP metadata that agree with the XML, the file's relationship). The XML is then
 * validated like any CII flow.
 */
package org.achemine.validation.facturx;
