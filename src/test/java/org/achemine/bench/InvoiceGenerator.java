package org.achemine.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates realistic EN 16931-valid invoices (UBL 2.1 Invoice, UBL 2.1 CreditNote, CII D16B) of any number
 * of lines for the benchmark and the samples: French supplier and public buyer identified by SIRET, lines in
 * varied VAT categories (S at 20 %, 10 % and 5.5 %, Z, E, AE), some line allowances, a document allowance and
 * charge, totals and VAT breakdown computed exactly. The same seed gives the same bytes.
 */
public final class InvoiceGenerator {

    /** The document kinds generated. */
    public enum Kind { UBL_INVOICE, UBL_CREDIT_NOTE, CII }

    static final String SUPPLIER_SIRET = "73282932000074";
    static final String BUYER_SIRET = "11000201100044";

    private static final Category[] CATEGORIES = {
        new Category("S", "20.00", null), new Category("S", "10.00", null), new Category("S", "5.50", null),
        new Category("Z", "0.00", null), new Category("E", "0.00", "Exonération de TVA, article 261 du CGI"),
        new Category("AE", "0.00", "Autoliquidation"),
    };
    private static final Category STANDARD = CATEGORIES[0];
    private static final String[] PRODUCTS = {"Ramette papier A4", "Cartouche d'encre noire", "Classeur à levier",
        "Stylo bille bleu", "Agrafeuse de bureau", "Heure de maintenance", "Licence logicielle annuelle",
        "Câble réseau 5 m", "Écran 24 pouces", "Formation sur site (journée)"};

    private record Category(String code, String rate, String exemption) {
        String key() {
            return code + "/" + rate;
        }
    }

    private record Line(int id, String name, int quantity, BigDecimal price, BigDecimal allowance, BigDecimal net,
                        Category category) {
    }

    private InvoiceGenerator() {
    }

    public static byte[] generate(Kind kind, int lineCount, long seed) {
        return generate(kind, lineCount, seed, "FA-" + seed + "-" + lineCount);
    }

    public static byte[] generate(Kind kind, int lineCount, long seed, String number) {
        Random random = new Random(seed);
        List<Line> lines = new ArrayList<>(lineCount);
        for (int i = 1; i <= lineCount; i++) {
            int quantity = 1 + random.nextInt(20);
            BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(50_000), 2);
            BigDecimal gross = price.multiply(BigDecimal.valueOf(quantity));
            BigDecimal allowance = i % 7 == 0 ? gross.multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.HALF_UP)
                    : null;
            BigDecimal net = allowance == null ? gross : gross.subtract(allowance);
            Category category = lineCount == 1 ? STANDARD : CATEGORIES[(i - 1) % CATEGORIES.length];
            lines.add(new Line(i, PRODUCTS[random.nextInt(PRODUCTS.length)], quantity, price, allowance,
                    net.setScale(2, RoundingMode.UNNECESSARY), category));
        }
        BigDecimal lineTotal = lines.stream().map(Line::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal documentAllowance = lineTotal.multiply(new BigDecimal("0.02")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal documentCharge = new BigDecimal("15.00");
        Map<String, BigDecimal> basis = new LinkedHashMap<>();
        Map<String, Category> categories = new LinkedHashMap<>();
        for (Line line : lines) {
            basis.merge(line.category().key(), line.net(), BigDecimal::add);
            categories.putIfAbsent(line.category().key(), line.category());
        }
        // The document allowance and charge are at the standard rate.
        basis.merge(STANDARD.key(), documentCharge.subtract(documentAllowance), BigDecimal::add);
        categories.putIfAbsent(STANDARD.key(), STANDARD);
        Map<String, BigDecimal> tax = new LinkedHashMap<>();
        basis.forEach((key, amount) -> tax.put(key, amount.multiply(new BigDecimal(categories.get(key).rate()))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)));
        BigDecimal taxTotal = tax.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal taxExclusive = lineTotal.subtract(documentAllowance).add(documentCharge);
        BigDecimal taxInclusive = taxExclusive.add(taxTotal);
        Totals totals = new Totals(lineTotal, documentAllowance, documentCharge, taxExclusive, taxTotal, taxInclusive,
                basis, tax, categories);
        String xml = kind == Kind.CII ? cii(number, lines, totals) : ubl(kind, number, lines, totals);
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private record Totals(BigDecimal lines, BigDecimal allowance, BigDecimal charge, BigDecimal taxExclusive,
                          BigDecimal tax, BigDecimal taxInclusive, Map<String, BigDecimal> basis,
                          Map<String, BigDecimal> taxByCategory, Map<String, Category> categories) {
    }

    private static String ubl(Kind kind, String number, List<Line> lines, Totals totals) {
        boolean credit = kind == Kind.UBL_CREDIT_NOTE;
        String root = credit ? "CreditNote" : "Invoice";
        StringBuilder x = new StringBuilder(2_000 + lines.size() * 900);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root)
                .append(" xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:").append(root).append("-2\"\n")
                .append("    xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\"\n")
                .append("    xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n")
                .append("  <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>\n")
                .append("  <cbc:ProfileID>A1</cbc:ProfileID>\n")
                .append("  <cbc:ID>").append(number).append("</cbc:ID>\n")
                .append("  <cbc:IssueDate>2026-11-02</cbc:IssueDate>\n");
        if (!credit) {
            x.append("  <cbc:DueDate>2026-12-02</cbc:DueDate>\n");
        }
        x.append("  <cbc:").append(credit ? "CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>\n" : "InvoiceTypeCode>380</cbc:InvoiceTypeCode>\n")
                .append("  <cbc:Note>Facture générée pour les essais d'achemine.</cbc:Note>\n")
                .append("  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>\n")
                .append("  <cbc:BuyerReference>SERVICE-ACHATS</cbc:BuyerReference>\n")
                .append("  <cac:OrderReference><cbc:ID>EJ-2026-0042</cbc:ID></cac:OrderReference>\n");
        if (credit) {
            x.append("  <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>FA-2026-0001</cbc:ID>")
                    .append("</cac:InvoiceDocumentReference></cac:BillingReference>\n");
        }
        x.append("  <cac:AccountingSupplierParty>\n    <cac:Party>\n")
                .append("      <cac:PartyIdentification><cbc:ID schemeID=\"0009\">").append(SUPPLIER_SIRET).append("</cbc:ID></cac:PartyIdentification>\n")
                .append("      <cac:PostalAddress><cbc:StreetName>12 rue des Fournitures</cbc:StreetName><cbc:CityName>Lyon</cbc:CityName>")
                .append("<cbc:PostalZone>69002</cbc:PostalZone><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:PostalAddress>\n")
                .append("      <cac:PartyTaxScheme><cbc:CompanyID>").append(vat(SUPPLIER_SIRET)).append("</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>\n")
                .append("      <cac:PartyLegalEntity><cbc:RegistrationName>Fournitures Exemple SARL</cbc:RegistrationName>")
                .append("<cbc:CompanyID schemeID=\"0002\">").append(SUPPLIER_SIRET, 0, 9).append("</cbc:CompanyID></cac:PartyLegalEntity>\n")
                .append("    </cac:Party>\n  </cac:AccountingSupplierParty>\n")
                .append("  <cac:AccountingCustomerParty>\n    <cac:Party>\n")
                .append("      <cac:PartyIdentification><cbc:ID schemeID=\"0009\">").append(BUYER_SIRET).append("</cbc:ID></cac:PartyIdentification>\n")
                .append("      <cac:PostalAddress><cbc:StreetName>1 place de la République</cbc:StreetName><cbc:CityName>Paris</cbc:CityName>")
                .append("<cbc:PostalZone>75003</cbc:PostalZone><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:PostalAddress>\n")
                .append("      <cac:PartyTaxScheme><cbc:CompanyID>").append(vat(BUYER_SIRET)).append("</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>\n")
                .append("      <cac:PartyLegalEntity><cbc:RegistrationName>Ministère de l'Exemple</cbc:RegistrationName></cac:PartyLegalEntity>\n")
                .append("    </cac:Party>\n  </cac:AccountingCustomerParty>\n")
                .append("  <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>")
                .append("<cac:PayeeFinancialAccount><cbc:ID>FR7630006000011234567890189</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>\n")
                .append("  <cac:PaymentTerms><cbc:Note>Paiement à 30 jours.</cbc:Note></cac:PaymentTerms>\n");
        ublAllowanceCharge(x, false, "Remise commerciale", totals.allowance());
        ublAllowanceCharge(x, true, "Frais de port", totals.charge());
        x.append("  <cac:TaxTotal>\n    <cbc:TaxAmount currencyID=\"EUR\">").append(totals.tax()).append("</cbc:TaxAmount>\n");
        totals.basis().forEach((key, amount) -> {
            Category category = totals.categories().get(key);
            x.append("    <cac:TaxSubtotal><cbc:TaxableAmount currencyID=\"EUR\">").append(amount)
                    .append("</cbc:TaxableAmount><cbc:TaxAmount currencyID=\"EUR\">").append(totals.taxByCategory().get(key))
                    .append("</cbc:TaxAmount><cac:TaxCategory><cbc:ID>").append(category.code()).append("</cbc:ID><cbc:Percent>")
                    .append(category.rate()).append("</cbc:Percent>");
            if (category.exemption() != null) {
                x.append("<cbc:TaxExemptionReason>").append(category.exemption()).append("</cbc:TaxExemptionReason>");
            }
            x.append("<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>\n");
        });
        x.append("  </cac:TaxTotal>\n  <cac:LegalMonetaryTotal>\n")
                .append("    <cbc:LineExtensionAmount currencyID=\"EUR\">").append(totals.lines()).append("</cbc:LineExtensionAmount>\n")
                .append("    <cbc:TaxExclusiveAmount currencyID=\"EUR\">").append(totals.taxExclusive()).append("</cbc:TaxExclusiveAmount>\n")
                .append("    <cbc:TaxInclusiveAmount currencyID=\"EUR\">").append(totals.taxInclusive()).append("</cbc:TaxInclusiveAmount>\n")
                .append("    <cbc:AllowanceTotalAmount currencyID=\"EUR\">").append(totals.allowance()).append("</cbc:AllowanceTotalAmount>\n")
                .append("    <cbc:ChargeTotalAmount currencyID=\"EUR\">").append(totals.charge()).append("</cbc:ChargeTotalAmount>\n")
                .append("    <cbc:PayableAmount currencyID=\"EUR\">").append(totals.taxInclusive()).append("</cbc:PayableAmount>\n")
                .append("  </cac:LegalMonetaryTotal>\n");
        String lineElement = credit ? "CreditNoteLine" : "InvoiceLine";
        String quantityElement = credit ? "CreditedQuantity" : "InvoicedQuantity";
        for (Line line : lines) {
            x.append("  <cac:").append(lineElement).append(">\n    <cbc:ID>").append(line.id()).append("</cbc:ID>\n")
                    .append("    <cbc:").append(quantityElement).append(" unitCode=\"C62\">").append(line.quantity())
                    .append("</cbc:").append(quantityElement).append(">\n")
                    .append("    <cbc:LineExtensionAmount currencyID=\"EUR\">").append(line.net()).append("</cbc:LineExtensionAmount>\n");
            if (line.allowance() != null) {
                x.append("    <cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>")
                        .append("<cbc:AllowanceChargeReason>Remise quantité</cbc:AllowanceChargeReason>")
                        .append("<cbc:Amount currencyID=\"EUR\">").append(line.allowance()).append("</cbc:Amount></cac:AllowanceCharge>\n");
            }
            x.append("    <cac:Item><cbc:Name>").append(xml(line.name())).append("</cbc:Name>")
                    .append("<cac:SellersItemIdentification><cbc:ID>REF-").append(1000 + line.id() % 97).append("</cbc:ID></cac:SellersItemIdentification>")
                    .append("<cac:ClassifiedTaxCategory><cbc:ID>").append(line.category().code()).append("</cbc:ID><cbc:Percent>")
                    .append(line.category().rate()).append("</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>\n")
                    .append("    <cac:Price><cbc:PriceAmount currencyID=\"EUR\">").append(line.price()).append("</cbc:PriceAmount></cac:Price>\n")
                    .append("  </cac:").append(lineElement).append(">\n");
        }
        return x.append("</").append(root).append(">\n").toString();
    }

    private static void ublAllowanceCharge(StringBuilder x, boolean charge, String reason, BigDecimal amount) {
        x.append("  <cac:AllowanceCharge><cbc:ChargeIndicator>").append(charge).append("</cbc:ChargeIndicator>")
                .append("<cbc:AllowanceChargeReason>").append(reason).append("</cbc:AllowanceChargeReason>")
                .append("<cbc:Amount currencyID=\"EUR\">").append(amount).append("</cbc:Amount>")
                .append("<cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20.00</cbc:Percent>")
                .append("<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:AllowanceCharge>\n");
    }

    private static String cii(String number, List<Line> lines, Totals totals) {
        StringBuilder x = new StringBuilder(2_000 + lines.size() * 1_100);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"\n")
                .append("    xmlns:ram=\"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100\"\n")
                .append("    xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\">\n")
                .append("  <rsm:ExchangedDocumentContext>\n")
                .append("    <ram:BusinessProcessSpecifiedDocumentContextParameter><ram:ID>A1</ram:ID></ram:BusinessProcessSpecifiedDocumentContextParameter>\n")
                .append("    <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>\n")
                .append("  </rsm:ExchangedDocumentContext>\n")
                .append("  <rsm:ExchangedDocument><ram:ID>").append(number).append("</ram:ID><ram:TypeCode>380</ram:TypeCode>")
                .append("<ram:IssueDateTime><udt:DateTimeString format=\"102\">20261102</udt:DateTimeString></ram:IssueDateTime>")
                .append("<ram:IncludedNote><ram:Content>Facture générée pour les essais d'achemine.</ram:Content></ram:IncludedNote></rsm:ExchangedDocument>\n")
                .append("  <rsm:SupplyChainTradeTransaction>\n");
        for (Line line : lines) {
            x.append("    <ram:IncludedSupplyChainTradeLineItem>\n")
                    .append("      <ram:AssociatedDocumentLineDocument><ram:LineID>").append(line.id()).append("</ram:LineID></ram:AssociatedDocumentLineDocument>\n")
                    .append("      <ram:SpecifiedTradeProduct><ram:SellerAssignedID>REF-").append(1000 + line.id() % 97)
                    .append("</ram:SellerAssignedID><ram:Name>").append(xml(line.name())).append("</ram:Name></ram:SpecifiedTradeProduct>\n")
                    .append("      <ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>").append(line.price())
                    .append("</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>\n")
                    .append("      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode=\"C62\">").append(line.quantity())
                    .append("</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>\n")
                    .append("      <ram:SpecifiedLineTradeSettlement>\n")
                    .append("        <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>").append(line.category().code())
                    .append("</ram:CategoryCode><ram:RateApplicablePercent>").append(line.category().rate()).append("</ram:RateApplicablePercent></ram:ApplicableTradeTax>\n");
            if (line.allowance() != null) {
                x.append("        <ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator>")
                        .append("<ram:ActualAmount>").append(line.allowance()).append("</ram:ActualAmount><ram:Reason>Remise quantité</ram:Reason></ram:SpecifiedTradeAllowanceCharge>\n");
            }
            x.append("        <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>").append(line.net())
                    .append("</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>\n")
                    .append("      </ram:SpecifiedLineTradeSettlement>\n    </ram:IncludedSupplyChainTradeLineItem>\n");
        }
        x.append("    <ram:ApplicableHeaderTradeAgreement>\n      <ram:BuyerReference>SERVICE-ACHATS</ram:BuyerReference>\n")
                .append("      <ram:SellerTradeParty><ram:Name>Fournitures Exemple SARL</ram:Name>")
                .append("<ram:SpecifiedLegalOrganization><ram:ID schemeID=\"0009\">").append(SUPPLIER_SIRET).append("</ram:ID></ram:SpecifiedLegalOrganization>")
                .append("<ram:PostalTradeAddress><ram:PostcodeCode>69002</ram:PostcodeCode><ram:LineOne>12 rue des Fournitures</ram:LineOne>")
                .append("<ram:CityName>Lyon</ram:CityName><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress>")
                .append("<ram:SpecifiedTaxRegistration><ram:ID schemeID=\"VA\">").append(vat(SUPPLIER_SIRET)).append("</ram:ID></ram:SpecifiedTaxRegistration></ram:SellerTradeParty>\n")
                .append("      <ram:BuyerTradeParty><ram:Name>Ministère de l'Exemple</ram:Name>")
                .append("<ram:SpecifiedLegalOrganization><ram:ID schemeID=\"0009\">").append(BUYER_SIRET).append("</ram:ID></ram:SpecifiedLegalOrganization>")
                .append("<ram:PostalTradeAddress><ram:PostcodeCode>75003</ram:PostcodeCode><ram:LineOne>1 place de la République</ram:LineOne>")
                .append("<ram:CityName>Paris</ram:CityName><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress>")
                .append("<ram:SpecifiedTaxRegistration><ram:ID schemeID=\"VA\">").append(vat(BUYER_SIRET)).append("</ram:ID></ram:SpecifiedTaxRegistration></ram:BuyerTradeParty>\n")
                .append("      <ram:BuyerOrderReferencedDocument><ram:IssuerAssignedID>EJ-2026-0042</ram:IssuerAssignedID></ram:BuyerOrderReferencedDocument>\n")
                .append("    </ram:ApplicableHeaderTradeAgreement>\n    <ram:ApplicableHeaderTradeDelivery/>\n")
                .append("    <ram:ApplicableHeaderTradeSettlement>\n      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>\n")
                .append("      <ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>30</ram:TypeCode><ram:PayeePartyCreditorFinancialAccount>")
                .append("<ram:IBANID>FR7630006000011234567890189</ram:IBANID></ram:PayeePartyCreditorFinancialAccount></ram:SpecifiedTradeSettlementPaymentMeans>\n");
        totals.basis().forEach((key, amount) -> {
            Category category = totals.categories().get(key);
            x.append("      <ram:ApplicableTradeTax><ram:CalculatedAmount>").append(totals.taxByCategory().get(key))
                    .append("</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>");
            if (category.exemption() != null) {
                x.append("<ram:ExemptionReason>").append(category.exemption()).append("</ram:ExemptionReason>");
            }
            x.append("<ram:BasisAmount>").append(amount).append("</ram:BasisAmount><ram:CategoryCode>").append(category.code())
                    .append("</ram:CategoryCode><ram:RateApplicablePercent>").append(category.rate()).append("</ram:RateApplicablePercent></ram:ApplicableTradeTax>\n");
        });
        ciiAllowanceCharge(x, false, "Remise commerciale", totals.allowance());
        ciiAllowanceCharge(x, true, "Frais de port", totals.charge());
        x.append("      <ram:SpecifiedTradePaymentTerms><ram:Description>Paiement à 30 jours.</ram:Description><ram:DueDateDateTime>")
                .append("<udt:DateTimeString format=\"102\">20261202</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>\n")
                .append("      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>\n")
                .append("        <ram:LineTotalAmount>").append(totals.lines()).append("</ram:LineTotalAmount>\n")
                .append("        <ram:ChargeTotalAmount>").append(totals.charge()).append("</ram:ChargeTotalAmount>\n")
                .append("        <ram:AllowanceTotalAmount>").append(totals.allowance()).append("</ram:AllowanceTotalAmount>\n")
                .append("        <ram:TaxBasisTotalAmount>").append(totals.taxExclusive()).append("</ram:TaxBasisTotalAmount>\n")
                .append("        <ram:TaxTotalAmount currencyID=\"EUR\">").append(totals.tax()).append("</ram:TaxTotalAmount>\n")
                .append("        <ram:GrandTotalAmount>").append(totals.taxInclusive()).append("</ram:GrandTotalAmount>\n")
                .append("        <ram:DuePayableAmount>").append(totals.taxInclusive()).append("</ram:DuePayableAmount>\n")
                .append("      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>\n")
                .append("    </ram:ApplicableHeaderTradeSettlement>\n  </rsm:SupplyChainTradeTransaction>\n</rsm:CrossIndustryInvoice>\n");
        return x.toString();
    }

    private static void ciiAllowanceCharge(StringBuilder x, boolean charge, String reason, BigDecimal amount) {
        x.append("      <ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>").append(charge)
                .append("</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>").append(amount).append("</ram:ActualAmount>")
                .append("<ram:Reason>").append(reason).append("</ram:Reason><ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode>")
                .append("<ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20.00</ram:RateApplicablePercent>")
                .append("</ram:CategoryTradeTax></ram:SpecifiedTradeAllowanceCharge>\n");
    }

    /** The French VAT number of a company: FR, a 2-digit key, the SIREN (FACTS §4). */
    static String vat(String siret) {
        long siren = Long.parseLong(siret.substring(0, 9));
        long key = (12 + 3 * (siren % 97)) % 97;
        return String.format("FR%02d%s", key, siret.substring(0, 9));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }
}
