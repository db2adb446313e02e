package org.achemine.validation;

import java.util.Arrays;
import java.util.Optional;

/**
 * The invoice syntaxes achemine accepts, recognised by root element and namespace, with the Chorus Pro
 * flow syntax ({@code syntaxeFlux}) and interface code they map to (FACTS §1.2).
 */
public enum Syntax {
    UBL_INVOICE("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", "Invoice",
            "IN_DP_E1_UBL_INVOICE", "FSO1100A", "UBL 2.1 Invoice"),
    UBL_CREDIT_NOTE("urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", "CreditNote",
            "IN_DP_E1_UBL_INVOICE", "FSO1100A", "UBL 2.1 CreditNote"),
    CII_D16B("urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100", "CrossIndustryInvoice",
            "IN_DP_E1_CII_16B", "FSO1106A", "UN/CEFACT CII D16B");

    private final String namespace;
    private final String rootElement;
    private final String chorusSyntax;
    private final String interfaceCode;
    private final String label;

    Syntax(String namespace, String rootElement, String chorusSyntax, String interfaceCode, String label) {
        this.namespace = namespace;
        this.rootElement = rootElement;
        this.chorusSyntax = chorusSyntax;
        this.interfaceCode = interfaceCode;
        this.label = label;
    }

    public static Optional<Syntax> of(String namespace, String localName) {
        return Arrays.stream(values())
                .filter(s -> s.namespace.equals(namespace) && s.rootElement.equals(localName))
                .findFirst();
    }

    public String namespace() {
        return namespace;
    }

    public String rootElement() {
        return rootElement;
    }

    /** Chorus Pro {@code syntaxeFlux}, e.g. IN_DP_E1_UBL_INVOICE. */
    public String chorusSyntax() {
        return chorusSyntax;
    }

    /** Chorus Pro interface code, e.g. FSO1100A. */
    public String interfaceCode() {
        return interfaceCode;
    }

    /** The 4-digit interface number carried in flow ids, e.g. 1100. */
    public String interfaceNumber() {
        return interfaceCode.substring(3, 7);
    }

    public String label() {
        return label;
    }

    public boolean isUbl() {
        return this != CII_D16B;
    }
}
