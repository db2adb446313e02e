package org.achemine.circuit;

import java.util.Optional;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmItem;
import org.achemine.validation.InvoiceDocument;
import org.achemine.xml.HardenedXml;

/**
 * Reads the validator an invoice names: EN 16931 has no validator party, so the supplier names it as an
 * additional supporting document (BG-24) whose description (BT-123) is {@code VALIDEUR} and whose reference
 * (BT-122) is the validator's SIRET — UBL {@code cac:AdditionalDocumentReference} ({@code cbc:ID},
 * {@code cbc:DocumentDescription}), CII {@code ram:AdditionalReferencedDocument} ({@code ram:IssuerAssignedID},
 * {@code ram:Name}, {@code ram:TypeCode} 916). The invoice stays a plain EN 16931 invoice. A works invoice names
 * its MOE, and its MOA when it is not the buyer, the same way with the words {@code MOE} and {@code MOA}.
 * Thread-safe.
 */
final class NamedValidator {

    /** BT-123's value that marks the validator's reference. */
    static final String DESCRIPTION = "VALIDEUR";
    /** BT-123's values that mark a works invoice's maître d'œuvre and maître d'ouvrage. */
    static final String MOE = "MOE";
    static final String MOA = "MOA";

    private static final QName ROLE = new QName("role");

    private static final XPathExecutable NAMED = compile("""
            ((/*:Invoice | /*:CreditNote)/*:AdditionalDocumentReference[normalize-space(*:DocumentDescription) = $role]/*:ID,
             /*:CrossIndustryInvoice/*:SupplyChainTradeTransaction/*:ApplicableHeaderTradeAgreement
                 /*:AdditionalReferencedDocument[normalize-space(*:Name) = $role]/*:IssuerAssignedID)[1]""");

    private NamedValidator() {
    }

    /** The validator's identifier as written (trimmed), or empty when the invoice names none or is not XML. */
    static Optional<String> of(InvoiceDocument document) {
        return named(document, DESCRIPTION);
    }

    /** The identifier of the party the invoice names under this BT-123 word (trimmed), or empty. */
    static Optional<String> named(InvoiceDocument document, String role) {
        try {
            XPathSelector selector = NAMED.load();
            selector.setVariable(ROLE, new XdmAtomicValue(role));
            selector.setContextItem(HardenedXml.buildTree(document.bytes(), document.name()));
            XdmItem found = selector.evaluateSingle();
            String value = found == null ? "" : found.getStringValue().strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (SaxonApiException notXml) {
            // a Factur-X PDF, say: its validator is not read (docs/lifecycle.md#validation-circuits)
            return Optional.empty();
        }
    }

    private static XPathExecutable compile(String xpath) {
        try {
            XPathCompiler compiler = HardenedXml.processor().newXPathCompiler();
            compiler.declareVariable(ROLE);
            return compiler.compile(xpath);
        } catch (SaxonApiException e) {
            throw new IllegalStateException("Validator path does not compile: " + xpath, e);
        }
    }
}
