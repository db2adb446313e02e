package org.achemine.delivery.pivot;

import org.achemine.validation.Syntax;

/**
 * The business terms the pivot needs beyond the invoice record's ({@link org.achemine.validation.InvoiceFacts}),
 * each with its UBL and CII path and the pivot element it fills. Header terms are paths from the root
 * element; VAT breakdown and line terms are paths from their group (a {@code cac:TaxSubtotal} /
 * {@code ram:ApplicableTradeTax}, an invoice line). docs/formats.md shows the same table.
 */
enum PivotTerm {
    CONTRACT("BT-12", "cac:ContractDocumentReference/cbc:ID",
            Paths.AGREEMENT + "/ram:ContractReferencedDocument/ram:IssuerAssignedID", "Engagement/NumeroMarche"),
    SELLER_VAT_ID("BT-31", "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID",
            Paths.SELLER + "/ram:SpecifiedTaxRegistration/ram:ID[@schemeID = 'VA']",
            "Fournisseur/Identifiant (when BT-29/BT-30 is absent)"),
    SELLER_COUNTRY("BT-40", "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode",
            Paths.SELLER + "/ram:PostalTradeAddress/ram:CountryID", "Fournisseur/CodePays"),
    DELIVERY_DATE("BT-72", "cac:Delivery/cbc:ActualDeliveryDate",
            Paths.TRANSACTION + "/ram:ApplicableHeaderTradeDelivery/ram:ActualDeliverySupplyChainEvent"
                    + "/ram:OccurrenceDateTime/udt:DateTimeString", "DonneesFacture/DateLivraison"),
    PAYMENT_MEANS("BT-81", "cac:PaymentMeans/cbc:PaymentMeansCode",
            Paths.SETTLEMENT + "/ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode", "DonneesFacture/ModePaiement/Code"),
    PAYMENT_ACCOUNT("BT-84", "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID",
            "(" + Paths.SETTLEMENT + "/ram:SpecifiedTradeSettlementPaymentMeans/ram:PayeePartyCreditorFinancialAccount/ram:IBANID, "
                    + Paths.SETTLEMENT + "/ram:SpecifiedTradeSettlementPaymentMeans/ram:PayeePartyCreditorFinancialAccount/ram:ProprietaryID)",
            "Fournisseur/ReferenceBancaire/Compte"),
    TOTAL_WITHOUT_VAT("BT-109", "cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount",
            Paths.SETTLEMENT + "/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:TaxBasisTotalAmount",
            "DonneesFacture/Montants/MontantHT"),

    /** BG-23, one per VAT category and rate (in UBL the TaxTotal in the invoice currency is the one with subtotals). */
    VAT_BREAKDOWN("BG-23", "cac:TaxTotal/cac:TaxSubtotal", Paths.SETTLEMENT + "/ram:ApplicableTradeTax", "TVAs/TVA"),
    VAT_BASE("BT-116", "cbc:TaxableAmount", "ram:BasisAmount", "TVA/BaseHt"),
    VAT_AMOUNT("BT-117", "cbc:TaxAmount", "ram:CalculatedAmount", "TVA/MontantTVA"),
    VAT_RATE("BT-119", "cac:TaxCategory/cbc:Percent", "ram:RateApplicablePercent", "TVA/Taux"),

    /** BG-25, the invoice lines, in document order. */
    LINE("BG-25", "(cac:InvoiceLine | cac:CreditNoteLine)", Paths.TRANSACTION + "/ram:IncludedSupplyChainTradeLineItem",
            "Lignes/Ligne (NumOrdre = position)"),
    LINE_QUANTITY("BT-129", "(cbc:InvoicedQuantity | cbc:CreditedQuantity)",
            "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity", "Ligne/Quantite"),
    LINE_NET_AMOUNT("BT-131", "cbc:LineExtensionAmount",
            "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount",
            "Ligne/MontantHT"),
    LINE_NET_PRICE("BT-146", "cac:Price/cbc:PriceAmount",
            "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount",
            "Ligne/PrixUnitaire (divided by BT-149)"),
    LINE_PRICE_BASE_QUANTITY("BT-149", "cac:Price/cbc:BaseQuantity",
            "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:BasisQuantity", "Ligne/PrixUnitaire"),
    LINE_VAT_RATE("BT-152", "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent",
            "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent", "Ligne/TauxTVA"),
    LINE_ITEM_ID("BT-155", "cac:Item/cac:SellersItemIdentification/cbc:ID",
            "ram:SpecifiedTradeProduct/ram:SellerAssignedID", "Ligne/ReferenceProduit"),
    LINE_ITEM_NAME("BT-153", "cac:Item/cbc:Name", "ram:SpecifiedTradeProduct/ram:Name",
            "Ligne/ReferenceProduit (when BT-155 is absent)");

    private final String id;
    private final String ublPath;
    private final String ciiPath;
    private final String pivotElement;

    PivotTerm(String id, String ublPath, String ciiPath, String pivotElement) {
        this.id = id;
        this.ublPath = ublPath;
        this.ciiPath = ciiPath;
        this.pivotElement = pivotElement;
    }

    String id() {
        return id;
    }

    String path(Syntax syntax) {
        return syntax.isUbl() ? ublPath : ciiPath;
    }

    String pivotElement() {
        return pivotElement;
    }

    private static final class Paths {
        static final String TRANSACTION = "rsm:SupplyChainTradeTransaction";
        static final String AGREEMENT = TRANSACTION + "/ram:ApplicableHeaderTradeAgreement";
        static final String SETTLEMENT = TRANSACTION + "/ram:ApplicableHeaderTradeSettlement";
        static final String SELLER = AGREEMENT + "/ram:SellerTradeParty";
    }
}
