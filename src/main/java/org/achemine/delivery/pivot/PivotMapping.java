package org.achemine.delivery.pivot;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.achemine.validation.attachment.Attachment;
import org.achemine.chorus.pivot.CPPFacturePivot;
import org.achemine.chorus.pivot.CPPFacturePivotUnitaire;
import org.achemine.chorus.pivot.CPPFactures;
import org.achemine.chorus.pivot.Debiteur;
import org.achemine.chorus.pivot.DonneesFacture;
import org.achemine.chorus.pivot.Emetteur;
import org.achemine.chorus.pivot.Engagement;
import org.achemine.chorus.pivot.Enveloppe;
import org.achemine.chorus.pivot.EnveloppeUnitaire;
import org.achemine.chorus.pivot.Fournisseur;
import org.achemine.chorus.pivot.Ligne;
import org.achemine.chorus.pivot.Lignes;
import org.achemine.chorus.pivot.ModePaiement;
import org.achemine.chorus.pivot.Montants;
import org.achemine.chorus.pivot.PJ;
import org.achemine.validation.facturx.FacturXReader;
import org.achemine.chorus.pivot.ParametreIndiv;
import org.achemine.chorus.pivot.Parametres;
import org.achemine.chorus.pivot.Partenaires;
import org.achemine.chorus.pivot.Recepteur;
import org.achemine.chorus.pivot.ReferenceBancaire;
import org.achemine.chorus.pivot.TVA;
import org.achemine.chorus.pivot.TVAs;
import org.achemine.validation.InvoiceFacts;
import org.achemine.validation.Syntax;

/**
 * Maps one invoice's {@link PivotFacts} to a {@code CPPFacturePivot} holding that single invoice, the
 * supplier's document attached. The rules where the pivot is narrower than UBL/CII (docs/formats.md):
 * a mandatory element over its length limit or missing refuses the mapping (the national rules refuse such
 * invoices at validation already, so this never happens to a routed one); an optional element over its
 * limit is left out (the attachment still carries it); codes outside the pivot's lists take the nearest
 * pivot code (type 380, cadre A1, payment means 30), never a truncated value.
 */
final class PivotMapping {

    static final String VERSION = "V2_02";
    private static final int MAX_INVOICE_NUMBER = 20;
    private static final int MAX_SERVICE_CODE = 100;
    private static final int MAX_REFERENCE = 50;
    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CADRE = Pattern.compile("A([1-9]|10|1[2-9]|2[0-5])");
    private static final Set<String> EU_OUTSIDE_FRANCE = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES",
            "FI", "GR", "EL", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");
    /** UNCL 4461 codes the pivot lacks, to the pivot code of the same kind. */
    private static final Map<String, Integer> PAYMENT_MEANS = Map.of("58", 30, "59", 49, "54", 48, "55", 48, "57", 30);
    private static final Map<Integer, String> PAYMENT_LABELS = Map.of(10, "Espèces", 20, "Chèque", 30, "Virement",
            31, "Ordre de débit", 42, "Paiement sur compte bancaire", 48, "Carte bancaire", 49, "Prélèvement",
            97, "Compensation");
    private static final DatatypeFactory DATES = datatypeFactory();

    CPPFacturePivot map(PivotFacts facts, PivotContext context) throws UnmappableInvoiceException {
        CPPFacturePivotUnitaire unit = new CPPFacturePivotUnitaire();
        unit.setNumOrdre(BigInteger.ONE);
        unit.setFournisseur(supplier(facts));
        unit.setDebiteur(recipient(facts.invoice(), context));
        unit.setDonneesFacture(invoiceData(facts, context));
        unit.getPJ().add(attachment(context));
        for (Attachment each : context.attachments()) {
            unit.getPJ().add(supportingDocument(each, unit.getPJ().size() + 1));
        }
        CPPFactures invoices = new CPPFactures();
        invoices.setCompteur(BigInteger.ONE);
        invoices.getCPPFacturePivotUnitaire().add(unit);
        CPPFacturePivot pivot = new CPPFacturePivot();
        pivot.setVersion(VERSION);
        pivot.setEnveloppe(envelope(context));
        pivot.setCPPFactures(invoices);
        return pivot;
    }

    private static Enveloppe envelope(PivotContext context) {
        Parametres parameters = new Parametres();
        parameters.getParametreIndiv().add(parameter("0001", "DtPrd", context.producedOn().toString()));
        parameters.getParametreIndiv().add(parameter("0002", "IdFlx", context.flowId()));
        Recepteur recipient = new Recepteur();
        recipient.setId(context.recipientCode());
        recipient.setLibelle(context.recipientName());
        Emetteur sender = new Emetteur();
        sender.setId(context.platformCode());
        sender.setLibelle("achemine");
        Partenaires partners = new Partenaires();
        partners.setRecepteur(recipient);
        partners.setEmetteur(sender);
        EnveloppeUnitaire unit = new EnveloppeUnitaire();
        unit.setNumOrdre(BigInteger.ONE);
        unit.setParametres(parameters);
        unit.setPartenaires(partners);
        Enveloppe envelope = new Enveloppe();
        envelope.getEnveloppeUnitaire().add(unit);
        return envelope;
    }

    private static ParametreIndiv parameter(String rank, String code, String value) {
        ParametreIndiv parameter = new ParametreIndiv();
        parameter.setNumOrdre(rank);
        parameter.setCode(code);
        parameter.setValeurparametre(value);
        return parameter;
    }

    private static Fournisseur supplier(PivotFacts facts) throws UnmappableInvoiceException {
        InvoiceFacts invoice = facts.invoice();
        String country = required(facts.sellerCountry(), "BT-40 seller country");
        if (country.length() != 2) {
            throw new UnmappableInvoiceException("BT-40 seller country '" + country + "' is not a 2-letter code");
        }
        String id = invoice.supplierId() != null ? invoice.supplierId() : facts.sellerVatId();
        Fournisseur supplier = new Fournisseur();
        supplier.setTypeIdentifiant(BigInteger.valueOf(identifierType(id, country)));
        supplier.setIdentifiant(id == null ? "" : id);
        supplier.setRaisonSociale(required(invoice.supplierName(), "BT-27 seller name"));
        supplier.setCodePays(country);
        if (facts.paymentAccount() != null) {
            ReferenceBancaire account = new ReferenceBancaire();
            String compact = facts.paymentAccount().replace(" ", "");
            boolean iban = IBAN.matcher(compact).matches();
            if (iban) {
                account.setType("IBAN");
            }
            // an IBAN is written without the spaces of its printed form (FR76 3000 ... → FR763000...)
            account.setCompte(iban ? compact : facts.paymentAccount());
            supplier.setReferenceBancaire(account);
        }
        supplier.setModeEmission("flux");
        return supplier;
    }

    /** FACTS §1.8: 1 SIRET, 2 EU outside France, 3 outside the EU, 6 other (not yet registered). */
    private static int identifierType(String id, String country) {
        if (id != null && SIRET.matcher(id).matches()) {
            return 1;
        }
        if (EU_OUTSIDE_FRANCE.contains(country)) {
            return 2;
        }
        return "FR".equals(country) ? 6 : 3;
    }

    private static Debiteur recipient(InvoiceFacts invoice, PivotContext context) {
        Debiteur recipient = new Debiteur();
        recipient.setTypeIdentifiant(BigInteger.ONE);
        recipient.setIdentifiant(context.recipientSiret());
        recipient.setNom(invoice.buyerName());
        recipient.setCodeService(withinLimit(invoice.serviceCode(), MAX_SERVICE_CODE));
        return recipient;
    }

    private static DonneesFacture invoiceData(PivotFacts facts, PivotContext context) throws UnmappableInvoiceException {
        InvoiceFacts invoice = facts.invoice();
        String number = required(invoice.invoiceNumber(), "BT-1 invoice number");
        if (number.length() > MAX_INVOICE_NUMBER) {
            throw new UnmappableInvoiceException("BT-1 invoice number '" + number + "' is longer than the pivot's "
                    + MAX_INVOICE_NUMBER + " characters");
        }
        String currency = required(invoice.currency(), "BT-5 currency");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new UnmappableInvoiceException("BT-5 currency '" + currency + "' is not an ISO 4217 code");
        }
        DonneesFacture data = new DonneesFacture();
        data.setId(number);
        data.setIdCPRO(context.idCpro());
        data.setRenvoi(context.resend().pivotValue());
        data.setIdFactureOrigine(withinLimit(invoice.precedingInvoice(), MAX_INVOICE_NUMBER));
        data.setType(facts.syntax() == Syntax.UBL_CREDIT_NOTE || "381".equals(invoice.typeCode()) ? "381" : "380");
        data.setCadre(invoice.billingFramework() != null && CADRE.matcher(invoice.billingFramework()).matches()
                ? invoice.billingFramework() : "A1");
        data.setDateEmissionFacture(date(required(invoice.issueDate(), "BT-2 issue date")));
        if (facts.deliveryDate() != null) {
            data.setDateLivraison(date(facts.deliveryDate()));
        }
        data.setModePaiement(paymentMeans(facts.paymentMeans()));
        data.setDateReception(date(context.receivedOn()));
        data.setDevise(currency);
        Montants amounts = new Montants();
        amounts.setMontantHT(required(facts.totalWithoutVat(), "BT-109 total without VAT"));
        amounts.setMontantTTC(required(invoice.totalWithVat(), "BT-112 total with VAT"));
        amounts.setMontantNetAPayer(required(invoice.amountDue(), "BT-115 amount due"));
        data.setMontants(amounts);
        data.setTVAs(vat(facts.vat()));
        data.setEngagement(engagement(facts.contract(), invoice.engagementNumber()));
        data.setLignes(lines(facts.lines()));
        return data;
    }

    static ModePaiement paymentMeans(String code) {
        Integer pivot = code == null ? null : PAYMENT_MEANS.get(code);
        if (pivot == null && code != null && code.matches("[0-9]{1,2}")
                && PAYMENT_LABELS.containsKey(Integer.parseInt(code))) {
            pivot = Integer.parseInt(code);
        }
        ModePaiement means = new ModePaiement();
        int chosen = pivot == null ? 30 : pivot;
        means.setCode(BigInteger.valueOf(chosen));
        boolean same = code != null && code.equals(String.valueOf(chosen));
        means.setLibelle(PAYMENT_LABELS.get(chosen) + (same ? "" : code == null ? " (non précisé)" : " (code " + code + ")"));
        return means;
    }

    private static TVAs vat(List<PivotFacts.VatBreakdown> breakdown) throws UnmappableInvoiceException {
        if (breakdown.isEmpty()) {
            return null;
        }
        TVAs all = new TVAs();
        for (PivotFacts.VatBreakdown each : breakdown) {
            TVA vat = new TVA();
            // BT-119 is absent for category O (not subject to VAT): no rate is a rate of 0.
            vat.setTaux(each.rate() == null ? BigDecimal.ZERO : each.rate());
            vat.setBaseHt(required(each.base(), "BT-116 VAT category taxable amount"));
            vat.setMontantTVA(required(each.amount(), "BT-117 VAT category tax amount"));
            all.getTVA().add(vat);
        }
        return all;
    }

    private static Engagement engagement(String contract, String engagementNumber) {
        String market = withinLimit(contract, MAX_REFERENCE);
        String order = withinLimit(engagementNumber, MAX_REFERENCE);
        if (market == null && order == null) {
            return null;
        }
        Engagement engagement = new Engagement();
        engagement.setNumeroMarche(market);
        engagement.setNumeroEngagement(order);
        return engagement;
    }

    private static Lignes lines(List<PivotFacts.Line> lines) throws UnmappableInvoiceException {
        if (lines.isEmpty()) {
            return null;
        }
        Lignes all = new Lignes();
        int rank = 0;
        for (PivotFacts.Line each : lines) {
            rank++;
            Ligne line = new Ligne();
            line.setNumOrdre(BigInteger.valueOf(rank));
            line.setReferenceProduit(each.item());
            line.setPrixUnitaire(required(each.unitPrice(), "BT-146 item net price (line " + rank + ")"));
            line.setQuantite(required(each.quantity(), "BT-129 invoiced quantity (line " + rank + ")"));
            line.setMontantHT(required(each.netAmount(), "BT-131 line net amount (line " + rank + ")"));
            line.setTauxTVA(each.vatRate());
            all.getLigne().add(line);
        }
        return all;
    }

    private static PJ attachment(PivotContext context) {
        PJ attachment = new PJ();
        attachment.setNumOrdre(BigInteger.ONE);
        attachment.setContenu(Base64.getEncoder().encodeToString(context.original()));
        attachment.setNomPJ(context.attachmentName());
        attachment.setTypePJ("01");
        // a Factur-X deposit is attached as its PDF, which carries the CII
        attachment.setMimeTypePJ(FacturXReader.isPdf(context.original()) ? "application/pdf" : "application/xml");
        return attachment;
    }

    /**
     * A document the invoice carries (checked at validation: named, decoded, of an accepted type), as a
     * complementary attachment (type 02): its name cut to the pivot's 50 characters keeping the extension, the
     * name as sent in {@code NomPJOrigine} when it fits, its description in {@code CategoriePJ}.
     */
    private static PJ supportingDocument(Attachment attachment, int rank) {
        PJ document = new PJ();
        document.setNumOrdre(BigInteger.valueOf(rank));
        document.setContenu(Base64.getEncoder().encodeToString(attachment.content()));
        document.setNomPJ(PivotNames.attachmentName(attachment.fileName(), rank));
        document.setNomPJOrigine(withinLimit(attachment.fileName(), MAX_REFERENCE));
        document.setCategoriePJ(withinLimit(attachment.description(), MAX_REFERENCE));
        document.setTypePJ("02");
        document.setMimeTypePJ(attachment.declaredType());
        return document;
    }

    private static <T> T required(T value, String term) throws UnmappableInvoiceException {
        if (value == null) {
            throw new UnmappableInvoiceException(term + " is missing");
        }
        return value;
    }

    private static String withinLimit(String value, int maxLength) {
        return value == null || value.length() > maxLength ? null : value;
    }

    private static XMLGregorianCalendar date(LocalDate date) {
        return DATES.newXMLGregorianCalendar(date.toString());
    }

    private static DatatypeFactory datatypeFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("No XML date factory", e);
        }
    }

    /** An invoice the pivot cannot carry as it is (a mandatory term missing or over the pivot's limit). */
    static final class UnmappableInvoiceException extends IOException {
        UnmappableInvoiceException(String message) {
            super("Cannot map the invoice to CPPFacturePivot: " + message);
        }
    }
}
