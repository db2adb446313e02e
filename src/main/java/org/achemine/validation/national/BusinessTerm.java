package org.achemine.validation.national;

import org.achemine.validation.Syntax;

/**
 * The EN 16931 business terms the national rules and the invoice record read, each with where it sits in UBL
 * and in CII (paths from the root element, for the tree and for messages). Where a term may be given in
 * several places, the first present wins (e.g. the buyer's identifier with a SIRET scheme before any other).
 */
public enum BusinessTerm {
    INVOICE_NUMBER("BT-1", "numéro de facture",
            "cbc:ID", "cbc:ID",
            "rsm:ExchangedDocument/ram:ID", "rsm:ExchangedDocument/ram:ID"),
    ISSUE_DATE("BT-2", "date d'émission",
            "cbc:IssueDate", "cbc:IssueDate",
            "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString",
            "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString"),
    TYPE_CODE("BT-3", "code de type de facture",
            "(cbc:InvoiceTypeCode | cbc:CreditNoteTypeCode)", "cbc:InvoiceTypeCode",
            "rsm:ExchangedDocument/ram:TypeCode", "rsm:ExchangedDocument/ram:TypeCode"),
    CURRENCY("BT-5", "code devise de la facture",
            "cbc:DocumentCurrencyCode", "cbc:DocumentCurrencyCode",
            Paths.SETTLEMENT + "/ram:InvoiceCurrencyCode", "ram:InvoiceCurrencyCode"),
    TAX_CURRENCY("BT-6", "code devise de comptabilisation de la TVA",
            "cbc:TaxCurrencyCode", "cbc:TaxCurrencyCode",
            Paths.SETTLEMENT + "/ram:TaxCurrencyCode", "ram:TaxCurrencyCode"),
    SERVICE_CODE("BT-10", "code service",
            "cbc:BuyerReference", "cbc:BuyerReference",
            Paths.AGREEMENT + "/ram:BuyerReference", "ram:BuyerReference"),
    ENGAGEMENT_NUMBER("BT-13", "numéro d'engagement juridique",
            "cac:OrderReference/cbc:ID", "cac:OrderReference/cbc:ID",
            Paths.AGREEMENT + "/ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID",
            "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID"),
    BILLING_FRAMEWORK("BT-23", "cadre de facturation",
            "cbc:ProfileID", "cbc:ProfileID",
            "rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID",
            "ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID"),
    PRECEDING_INVOICE("BT-25", "référence de la facture antérieure",
            "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID",
            "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID",
            Paths.SETTLEMENT + "/ram:InvoiceReferencedDocument/ram:IssuerAssignedID",
            "ram:InvoiceReferencedDocument/ram:IssuerAssignedID"),
    SUPPLIER_NAME("BT-27", "raison sociale du vendeur",
            Paths.UBL_SUPPLIER + "/cac:PartyLegalEntity/cbc:RegistrationName",
            "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName",
            Paths.SELLER + "/ram:Name", "ram:SellerTradeParty/ram:Name"),
    SUPPLIER_ID("BT-29", "identifiant du fournisseur",
            "(" + Paths.UBL_SUPPLIER + "/cac:PartyIdentification/cbc:ID, "
                    + Paths.UBL_SUPPLIER + "/cac:PartyLegalEntity/cbc:CompanyID)",
            "cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification/cbc:ID",
            "(" + Paths.SELLER + "/ram:SpecifiedLegalOrganization/ram:ID, " + Paths.SELLER + "/ram:ID, "
                    + Paths.SELLER + "/ram:GlobalID)",
            "ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID"),
    BUYER_NAME("BT-44", "nom de l'acheteur",
            Paths.UBL_BUYER + "/cac:PartyLegalEntity/cbc:RegistrationName",
            "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName",
            Paths.BUYER + "/ram:Name", "ram:BuyerTradeParty/ram:Name"),
    BUYER_ID("BT-46", "SIRET de l'acheteur public",
            "(" + Paths.UBL_BUYER + "/cac:PartyIdentification/cbc:ID[@schemeID = ('0009', '1')], "
                    + Paths.UBL_BUYER + "/cac:PartyIdentification/cbc:ID)",
            "cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID",
            Paths.BUYER + "/ram:SpecifiedLegalOrganization/ram:ID",
            "ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID"),
    TOTAL_WITH_VAT("BT-112", "montant total TTC",
            "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount", "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount",
            Paths.SUMMATION + "/ram:GrandTotalAmount", "ram:GrandTotalAmount"),
    AMOUNT_DUE("BT-115", "montant à payer",
            "cac:LegalMonetaryTotal/cbc:PayableAmount", "cac:LegalMonetaryTotal/cbc:PayableAmount",
            Paths.SUMMATION + "/ram:DuePayableAmount", "ram:DuePayableAmount");

    private final String id;
    private final String label;
    private final String ublPath;
    private final String ublElement;
    private final String ciiPath;
    private final String ciiElement;

    BusinessTerm(String id, String label, String ublPath, String ublElement, String ciiPath, String ciiElement) {
        this.id = id;
        this.label = label;
        this.ublPath = ublPath;
        this.ublElement = ublElement;
        this.ciiPath = ciiPath;
        this.ciiElement = ciiElement;
    }

    /** The business term id, e.g. BT-10. */
    public String id() {
        return id;
    }

    /** Its French name, e.g. « code service ». */
    public String label() {
        return label;
    }

    /** The XPath of the term from the root element of a document of this syntax. */
    String path(Syntax syntax) {
        return syntax.isUbl() ? ublPath : ciiPath;
    }

    /** The element as a supplier looks for it, e.g. {@code cbc:BuyerReference}. */
    public String element(Syntax syntax) {
        return syntax.isUbl() ? ublElement : ciiElement;
    }

    /** The term id in this syntax: the buyer's SIRET is BT-46 in UBL but BT-47 in CII, the supplier's BT-29 / BT-30. */
    public String id(Syntax syntax) {
        if (syntax.isUbl()) {
            return id;
        }
        return switch (this) {
            case BUYER_ID -> "BT-47";
            case SUPPLIER_ID -> "BT-30";
            default -> id;
        };
    }

    /** How messages name it: « BT-10 code service (cbc:BuyerReference) ». */
    public String describe(Syntax syntax) {
        return id(syntax) + " " + label + " (" + element(syntax) + ")";
    }

    /** Path fragments shared by several terms. */
    private static final class Paths {
        static final String TRANSACTION = "rsm:SupplyChainTradeTransaction";
        static final String AGREEMENT = TRANSACTION + "/ram:ApplicableHeaderTradeAgreement";
        static final String SETTLEMENT = TRANSACTION + "/ram:ApplicableHeaderTradeSettlement";
        static final String SUMMATION = SETTLEMENT + "/ram:SpecifiedTradeSettlementHeaderMonetarySummation";
        static final String SELLER = AGREEMENT + "/ram:SellerTradeParty";
        static final String BUYER = AGREEMENT + "/ram:BuyerTradeParty";
        static final String UBL_SUPPLIER = "cac:AccountingSupplierParty/cac:Party";
        static final String UBL_BUYER = "cac:AccountingCustomerParty/cac:Party";
    }
}
