package org.achemine.validation.national;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.XdmNode;
import org.achemine.validation.CheckName;
import org.achemine.validation.CheckResult;
import org.achemine.validation.DocumentCheck;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.Location;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.RuleSet;
import org.achemine.validation.Syntax;

/**
 * The Chorus Pro rules for public buyers that EN 16931 does not have (FACTS §1.5–1.8, §4), written in Java
 * (ADR 0003): the buyer is a SIRET, the supplier has an identifier of a known type, the invoice number,
 * type code, currency, amounts, billing framework, preceding-invoice reference and party names fit Chorus Pro,
 * and the invoice was not issued after its deposit (the platform clock, in Paris time). Each rule
 * reports a {@link FindingCode} naming the business term and its element, with the line. Thread-safe.
 */
public final class NationalCheck implements DocumentCheck {

    public static final String VERSION = "2026.12";
    public static final RuleSet RULE_SET = new RuleSet("achemine règles nationales", VERSION);

    static final Set<String> ACCEPTED_TYPE_CODES = Set.of("380", "381", "384", "386", "389");
    static final String SIRET_SCHEME = "0009";
    static final String LEGACY_SIRET_SCHEME = "1";
    /** Chorus identifier types 1–7 (FACTS §1.8) and the ICD schemes of the reform that map to them. */
    static final Set<String> SUPPLIER_SCHEMES =
            Set.of("0009", "0223", "0227", "0228", "0229", "1", "2", "3", "4", "5", "6", "7");
    static final int MAX_INVOICE_NUMBER = 20;
    static final int MAX_SERVICE_CODE = 100;
    static final int MAX_ENGAGEMENT_NUMBER = 50;
    /** FACTS §1.5 (buyer, BT-44); the same limit for the supplier (BT-27), see ADR 0008. */
    static final int MAX_PARTY_NAME = 99;
    /** Chorus Pro dates a deposit in French metropolitan time. */
    static final ZoneId DEPOSIT_ZONE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter CII_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern BILLING_FRAMEWORK = Pattern.compile("A([1-9]|1[02-9]|2[0-5])");
    private static final Pattern TWO_DECIMALS = Pattern.compile("[+-]?[0-9]*(\\.[0-9]{0,2})?");

    private final InvoiceTerms terms;
    private final Clock clock;
    private final long issueDateToleranceDays;

    /** Rules with the machine's clock as deposit time and a day's tolerance on the issue date. */
    public NationalCheck(InvoiceTerms terms) {
        this(terms, Clock.systemUTC(), Duration.ofDays(1));
    }

    /**
     * @param clock              the platform clock: a document is deposited when it is checked, at intake
     * @param issueDateTolerance how many whole days the issue date may be after the deposit date
     */
    public NationalCheck(InvoiceTerms terms, Clock clock, Duration issueDateTolerance) {
        this.terms = terms;
        this.clock = clock;
        this.issueDateToleranceDays = issueDateTolerance.toDays();
    }

    @Override
    public CheckName name() {
        return CheckName.NATIONAL;
    }

    @Override
    public CheckResult check(ParsedInvoice invoice) throws Exception {
        long start = System.nanoTime();
        XdmNode tree = invoice.tree();
        Syntax syntax = invoice.syntax();
        Map<BusinessTerm, XdmNode> found = terms.read(invoice);
        List<Finding> findings = new ArrayList<>();
        Rules rules = new Rules(syntax, found, findings);
        LocalDate deposited = LocalDate.ofInstant(clock.instant(), DEPOSIT_ZONE);
        rules.buyerSiret();
        rules.supplierIdentifier();
        rules.maxLength(BusinessTerm.INVOICE_NUMBER, MAX_INVOICE_NUMBER, FindingCode.NAT_NUMERO_FACTURE_LONG);
        rules.maxLength(BusinessTerm.SERVICE_CODE, MAX_SERVICE_CODE, FindingCode.NAT_CODE_SERVICE_LONG);
        rules.maxLength(BusinessTerm.ENGAGEMENT_NUMBER, MAX_ENGAGEMENT_NUMBER, FindingCode.NAT_ENGAGEMENT_LONG);
        rules.maxLength(BusinessTerm.BUYER_NAME, MAX_PARTY_NAME, FindingCode.NAT_NOM_ACHETEUR_LONG);
        rules.maxLength(BusinessTerm.SUPPLIER_NAME, MAX_PARTY_NAME, FindingCode.NAT_NOM_FOURNISSEUR_LONG);
        rules.issuedBy(deposited.plusDays(issueDateToleranceDays), deposited);
        rules.typeCode();
        rules.billingFramework();
        rules.precedingInvoice();
        InvoiceTerms.AmountsAndCurrencies amounts = terms.amountsAndCurrencies(tree, syntax);
        rules.oneCurrency(amounts.withCurrency());
        rules.twoDecimals(amounts.amounts());
        return CheckResult.of(CheckName.NATIONAL, findings, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The rules applied to one document; collects into the given list. */
    private record Rules(Syntax syntax, Map<BusinessTerm, XdmNode> found, List<Finding> findings) {

        void buyerSiret() {
            BusinessTerm term = BusinessTerm.BUYER_ID;
            XdmNode node = found.get(term);
            String value = SaxonInvoiceFactsReader.text(found, term);
            if (value == null) {
                report(FindingCode.NAT_SIRET_ACHETEUR_ABSENT, term, node);
                return;
            }
            String scheme = SaxonInvoiceFactsReader.scheme(node);
            if (LEGACY_SIRET_SCHEME.equals(scheme)) {
                report(FindingCode.NAT_SIRET_ACHETEUR_SCHEMA_ANCIEN, term, node);
            } else if (!SIRET_SCHEME.equals(scheme)) {
                report(FindingCode.NAT_SIRET_ACHETEUR_SCHEMA, term, node, scheme == null ? "(absent)" : scheme);
            }
            if (!Siret.isWellFormed(value)) {
                report(FindingCode.NAT_SIRET_ACHETEUR_FORMAT, term, node, value);
            } else if (!Siret.hasValidKey(value)) {
                report(FindingCode.NAT_SIRET_ACHETEUR_CLE, term, node, value);
            }
        }

        void supplierIdentifier() {
            BusinessTerm term = BusinessTerm.SUPPLIER_ID;
            XdmNode node = found.get(term);
            String value = SaxonInvoiceFactsReader.text(found, term);
            if (value == null) {
                report(FindingCode.NAT_FOURNISSEUR_ID_ABSENT, term, node);
                return;
            }
            String scheme = SaxonInvoiceFactsReader.scheme(node);
            if (scheme == null || !SUPPLIER_SCHEMES.contains(scheme)) {
                report(FindingCode.NAT_FOURNISSEUR_ID_TYPE, term, node, scheme == null ? "(absent)" : scheme);
            } else if ((SIRET_SCHEME.equals(scheme) || LEGACY_SIRET_SCHEME.equals(scheme))
                    && Siret.parse(value).isEmpty()) {
                report(FindingCode.NAT_FOURNISSEUR_SIRET_INVALIDE, term, node, value);
            }
        }

        void maxLength(BusinessTerm term, int max, FindingCode code) {
            String value = SaxonInvoiceFactsReader.text(found, term);
            if (value != null && value.codePointCount(0, value.length()) > max) {
                report(code, term, found.get(term), value.codePointCount(0, value.length()));
            }
        }

        /** The issue date is not after the deposit date, give or take the tolerance (latest accepted date). */
        void issuedBy(LocalDate latest, LocalDate deposited) {
            String value = SaxonInvoiceFactsReader.text(found, BusinessTerm.ISSUE_DATE);
            LocalDate issued = value == null ? null : date(value);
            if (issued != null && issued.isAfter(latest)) {
                report(FindingCode.NAT_DATE_EMISSION_FUTURE, BusinessTerm.ISSUE_DATE,
                        found.get(BusinessTerm.ISSUE_DATE), issued, deposited);
            }
        }

        /** The date in this syntax's form (UBL 2026-11-02, CII format 102 20261102); null when malformed (XSD says so). */
        private LocalDate date(String value) {
            try {
                return syntax.isUbl() ? LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value)
                        : LocalDate.parse(value, CII_DATE);
            } catch (DateTimeParseException malformed) {
                return null;
            }
        }

        void typeCode() {
            String value = SaxonInvoiceFactsReader.text(found, BusinessTerm.TYPE_CODE);
            if (value != null && !ACCEPTED_TYPE_CODES.contains(value)) {
                report(FindingCode.NAT_TYPE_FACTURE_REFUSE, BusinessTerm.TYPE_CODE,
                        found.get(BusinessTerm.TYPE_CODE), value);
            }
        }

        void billingFramework() {
            String value = SaxonInvoiceFactsReader.text(found, BusinessTerm.BILLING_FRAMEWORK);
            if (value != null && !BILLING_FRAMEWORK.matcher(value).matches()) {
                report(FindingCode.NAT_CADRE_INCONNU, BusinessTerm.BILLING_FRAMEWORK,
                        found.get(BusinessTerm.BILLING_FRAMEWORK), value);
            }
        }

        void precedingInvoice() {
            BusinessTerm term = BusinessTerm.PRECEDING_INVOICE;
            String reference = SaxonInvoiceFactsReader.text(found, term);
            String type = SaxonInvoiceFactsReader.text(found, BusinessTerm.TYPE_CODE);
            XdmNode typeNode = found.get(BusinessTerm.TYPE_CODE);
            if (reference == null && "381".equals(type)) {
                report(FindingCode.NAT_AVOIR_SANS_FACTURE_ORIGINE, term, typeNode);
            } else if (reference == null && "384".equals(type)) {
                report(FindingCode.NAT_RECTIFICATIVE_SANS_FACTURE_ORIGINE, term, typeNode);
            }
            maxLength(term, MAX_INVOICE_NUMBER, FindingCode.NAT_FACTURE_ORIGINE_LONGUE);
        }

        void oneCurrency(List<XdmNode> withCurrency) {
            String currency = SaxonInvoiceFactsReader.text(found, BusinessTerm.CURRENCY);
            if (currency == null) {
                return; // EN 16931 BR-05 reports it
            }
            Set<String> others = new LinkedHashSet<>();
            XdmNode firstOther = null;
            String taxCurrency = SaxonInvoiceFactsReader.text(found, BusinessTerm.TAX_CURRENCY);
            if (taxCurrency != null && !taxCurrency.equals(currency)) {
                others.add(taxCurrency);
                firstOther = found.get(BusinessTerm.TAX_CURRENCY);
            }
            for (XdmNode element : withCurrency) {
                String value = InvoiceTerms.AmountsAndCurrencies.currencyOf(element).strip();
                if (!value.equals(currency) && others.add(value) && firstOther == null) {
                    firstOther = element;
                }
            }
            if (!others.isEmpty()) {
                findings.add(Finding.of(FindingCode.NAT_DEVISE_MULTIPLE, where(firstOther), currency,
                        String.join(", ", others)));
            }
        }

        void twoDecimals(List<XdmNode> amounts) {
            for (XdmNode amount : amounts) {
                String value = amount.getStringValue().strip();
                if (!TWO_DECIMALS.matcher(value).matches()) {
                    findings.add(Finding.of(FindingCode.NAT_MONTANT_DECIMALES, where(amount),
                            amount.getNodeName().toString(), value));
                }
            }
        }

        private void report(FindingCode code, BusinessTerm term, XdmNode node, Object... details) {
            Object[] arguments = new Object[details.length + 1];
            arguments[0] = term.describe(syntax);
            System.arraycopy(details, 0, arguments, 1, details.length);
            Location location = where(node);
            if (location.path() == null) {
                location = location.withPath(term.element(syntax));
            }
            findings.add(Finding.of(code, location, arguments));
        }

        private static Location where(XdmNode node) {
            if (node == null) {
                return Location.NONE;
            }
            return new Location(Math.max(node.getLineNumber(), 0), Math.max(node.getColumnNumber(), 0),
                    NodePaths.of(node));
        }
    }
}
