package org.achemine.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The longest value the platform stores for each business term it keeps (the columns of {@code flow_document}
 * and {@code invoice}). An invoice carrying a longer value is refused with {@code IRR_VALEUR_TROP_LONGUE}
 * whatever the other checks found, and what is stored of it is cut to fit: an over-long value is a finding,
 * never a database error that would leave the flow unanswered (issue 11). The national rules are stricter
 * for some terms (BT-1 at 20 characters); these bounds hold for every document, refused ones included.
 */
public final class StoredValues {

    /** DECIMAL(21, 6): 15 digits before the decimal point, 6 after. */
    static final int AMOUNT_INTEGER_DIGITS = 15;
    static final int AMOUNT_SCALE = 6;

    private record Bound(String term, int max, Function<InvoiceFacts, String> value) {
    }

    private static final List<Bound> BOUNDS = List.of(
            new Bound("BT-1 numéro de facture", 200, InvoiceFacts::invoiceNumber),
            new Bound("BT-3 code de type de facture", 8, InvoiceFacts::typeCode),
            new Bound("BT-5 code de devise", 8, InvoiceFacts::currency),
            new Bound("BT-29 identifiant du fournisseur", 200, InvoiceFacts::supplierId),
            new Bound("BT-46/BT-47 identifiant de l'acheteur", 200, InvoiceFacts::buyerId),
            new Bound("BT-10 code service", 200, InvoiceFacts::serviceCode),
            new Bound("BT-13 numéro d'engagement", 200, InvoiceFacts::engagementNumber));

    private StoredValues() {
    }

    /** One finding per value the platform cannot store whole; none when facts are null (unreadable document). */
    public static List<Finding> findings(InvoiceFacts facts) {
        List<Finding> findings = new ArrayList<>();
        if (facts == null) {
            return findings;
        }
        for (Bound bound : BOUNDS) {
            String value = bound.value().apply(facts);
            if (value != null && value.length() > bound.max()) {
                findings.add(Finding.of(FindingCode.IRR_VALEUR_TROP_LONGUE, Location.NONE, bound.term(),
                        PartnerText.shown(value, 40), value.length() + " caractères", bound.max() + " caractères"));
            }
        }
        if (!fits(facts.totalWithVat())) {
            findings.add(Finding.of(FindingCode.IRR_VALEUR_TROP_LONGUE, Location.NONE, "BT-112 montant TTC",
                    PartnerText.shown(facts.totalWithVat().toPlainString(), 40),
                    facts.totalWithVat().precision() + " chiffres",
                    AMOUNT_INTEGER_DIGITS + " chiffres avant la virgule et " + AMOUNT_SCALE + " après"));
        }
        return findings;
    }

    /** The facts as stored: each value cut to its bound, an amount that does not fit left out. */
    public static InvoiceFacts bounded(InvoiceFacts facts) {
        if (facts == null || findings(facts).isEmpty()) {
            return facts;
        }
        return new InvoiceFacts(cut(facts.invoiceNumber(), 200), facts.issueDate(), cut(facts.typeCode(), 8),
                cut(facts.currency(), 8), cut(facts.supplierId(), 200), facts.supplierIdScheme(), facts.supplierName(),
                cut(facts.buyerId(), 200), facts.buyerIdScheme(), facts.buyerName(), cut(facts.serviceCode(), 200),
                cut(facts.engagementNumber(), 200), facts.billingFramework(), facts.precedingInvoice(),
                fits(facts.totalWithVat()) ? facts.totalWithVat() : null, facts.amountDue());
    }

    private static boolean fits(BigDecimal amount) {
        return amount == null || (amount.precision() - amount.scale() <= AMOUNT_INTEGER_DIGITS
                && amount.scale() <= AMOUNT_SCALE);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
