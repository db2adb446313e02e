package org.achemine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.achemine.validation.ValidationSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * achemine's typed configuration ({@code achemine.*}); every default is in {@code application.yml}.
 *
 * @param dataDir      the data folder: mailboxes, archive, database
 * @param platformCode the 6-character platform code that starts every flow id (Chorus uses CPP001)
 * @param partners     the partners that have mailboxes
 * @param intake       how mailboxes are watched
 * @param validation   validation switches and limits
 */
@ConfigurationProperties("achemine")
public record AchemineProperties(
        Path dataDir,
        String platformCode,
        List<Partner> partners,
        Intake intake,
        Validation validation) {

    public AchemineProperties {
        partners = partners == null ? List.of() : List.copyOf(partners);
    }

    /**
     * A partner with a mailbox (also kept in the database: {@code org.achemine.partner.PartnerRegistry}).
     *
     * @param code     partner code, Chorus form AAA999 (3 letters, 3 digits)
     * @param name     a readable name, for operators
     * @param role     ISSUER (drops invoices), RECIPIENT (receives them) or BOTH
     * @param siret    for a recipient, the SIRET of the (first) public structure its mailbox serves
     * @param sirets   for a recipient serving several structures over one connection, the others
     * @param mandates for an operator, the suppliers (identifiers) it may deposit for; empty: unchecked
     * @param contact  who to call about this connection
     * @param deliveryFormat for a recipient, how its invoices are delivered: {@code pivot} (the default: the
     *                       Chorus CPPFacturePivot EDI systems read) or {@code original} (the supplier's file)
     * @param reportFormats  the reports written to it: {@code cppstatut} (Chorus's format, always written, added
     *                       if left out) and {@code detailed} (our compte rendu, its companion); default both
     */
    public record Partner(String code, String name, PartnerRole role, String siret, List<String> sirets,
                          List<String> mandates, String contact, DeliveryFormat deliveryFormat,
                          List<ReportFormat> reportFormats) {

        @ConstructorBinding
        public Partner {
            sirets = sirets == null ? List.of() : List.copyOf(sirets);
            mandates = mandates == null ? List.of() : List.copyOf(mandates);
            reportFormats = ReportFormat.withOfficial(reportFormats);
            if (deliveryFormat == null) {
                deliveryFormat = role != null && role.receives() ? DeliveryFormat.PIVOT : DeliveryFormat.ORIGINAL;
            }
        }

        /** A partner with the default delivery format of its role. */
        public Partner(String code, String name, PartnerRole role, String siret) {
            this(code, name, role, siret, List.of(), List.of(), null, null, null);
        }

        /** A partner with the default report formats. */
        public Partner(String code, String name, PartnerRole role, String siret, List<String> sirets,
                       List<String> mandates, String contact, DeliveryFormat deliveryFormat) {
            this(code, name, role, siret, sirets, mandates, contact, deliveryFormat, null);
        }

        /** Whether our detailed report (compte rendu) goes with the official one. */
        public boolean wantsDetailedReports() {
            return reportFormats.contains(ReportFormat.DETAILED);
        }

        public Partner(String code, String name, PartnerRole role, String siret, DeliveryFormat deliveryFormat) {
            this(code, name, role, siret, List.of(), List.of(), null, deliveryFormat, null);
        }

        public Partner(String code, String name, PartnerRole role, String siret, List<String> sirets,
                       List<String> mandates, String contact) {
            this(code, name, role, siret, sirets, mandates, contact, null, null);
        }

        /** Every SIRET this partner's mailbox serves, {@code siret} first. */
        public List<String> structures() {
            java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
            if (siret != null) {
                all.add(siret);
            }
            all.addAll(sirets);
            return List.copyOf(all);
        }

        public boolean serves(String structureSiret) {
            return structureSiret != null && role != null && role.receives() && structures().contains(structureSiret);
        }
    }

    /**
     * How a recipient partner wants its invoices: the supplier's file byte for byte, or Chorus Pro's
     * {@code CPPFacturePivot} (interface FEN0036A) carrying that file as its attachment. A recipient partner
     * that says nothing gets the pivot, what EDI-connected public systems read (docs/formats.md); invoices
     * for a SIRET no partner serves are delivered as deposited.
     */
    public enum DeliveryFormat {
        ORIGINAL,
        PIVOT
    }

    /**
     * The reports a partner gets (docs/formats.md): Chorus's {@code CPPStatut}, always, and our detailed compte
     * rendu beside it. Default both: the detailed one carries what the official format cannot (rule texts, checks
     * run and skipped, rule-set versions, incident ids) and is what {@code flow show} and operators quote.
     */
    public enum ReportFormat {
        CPPSTATUT,
        DETAILED;

        static List<ReportFormat> withOfficial(List<ReportFormat> asked) {
            if (asked == null || asked.isEmpty()) {
                return List.of(CPPSTATUT, DETAILED);
            }
            java.util.EnumSet<ReportFormat> formats = java.util.EnumSet.copyOf(asked);
            formats.add(CPPSTATUT); // never instead of the official one
            return List.copyOf(formats);
        }

        /** As stored: {@code CPPSTATUT,DETAILED}. */
        public static String stored(List<ReportFormat> formats) {
            return String.join(",", formats.stream().map(Enum::name).toList());
        }

        public static List<ReportFormat> fromStored(String stored) {
            return stored == null || stored.isBlank() ? null
                    : java.util.Arrays.stream(stored.split(",")).map(ReportFormat::valueOf).toList();
        }
    }

    public enum PartnerRole {
        ISSUER,
        RECIPIENT,
        BOTH;

        public boolean issues() {
            return this != RECIPIENT;
        }

        public boolean receives() {
            return this != ISSUER;
        }
    }

    /**
     * @param enabled             whether the engine watches the inbound mailboxes (off for one-shot commands)
     * @param pollInterval        how often each mailbox is listed
     * @param readLockInterval    a file is taken once its size and date are unchanged over this interval
     * @param workers             flows taken, and flows validated, in parallel
     * @param retryInterval       how often flows left unreported by a technical fault are tried again
     * @param minFreeSpace        intake pauses while the data folder's disk has less free space than this
     * @param resourceCheckInterval how often free space and the database are checked (pause and resume)
     * @param partnerWorkers      flows of one partner validated at once (at most {@code workers}): one partner
     *                            never takes every worker (ADR 0012)
     * @param checkTimeLimit      a flow in its checks longer than this shows in health (DEGRADED) and metrics
     * @param maxAttempts         attempts whose validation broke (an ERROR: our fault) before the flow is answered
     *                            with an incident report and parked until {@code flow retry}
     * @param answerGroupSize     most validated flows whose deposit reports are published together, sharing their
     *                            commits (a group is whatever is ready, never waited for: ADR 0001)
     * @param takeGroupSize       most settled files of one mailbox taken together, sharing their commits and sync
     *                            (a group is what one poll found settled, never waited for: ADR 0001)
     */
    public record Intake(boolean enabled, Duration pollInterval, Duration readLockInterval, int workers,
                         Duration retryInterval, DataSize minFreeSpace, Duration resourceCheckInterval,
                         int partnerWorkers, Duration checkTimeLimit, int maxAttempts, int answerGroupSize,
                         int takeGroupSize) {
    }

    /**
     * @param runAllChecks    run every check on a well-formed document even after one failed
     * @param maxFileSize     largest flow file taken (IRR_TAILLE_F above)
     * @param maxInvoices     most invoices in one batch flow
     * @param maxEntrySize    largest expanded archive entry
     * @param maxExpandedSize largest total expanded size of an archive
     * @param maxRatio        largest expansion ratio of an archive or entry
     * @param issueDateTolerance how many whole days an issue date may be after the deposit date (Paris)
     *                        before NAT_DATE_EMISSION_FUTURE refuses it
     */
    public record Validation(boolean runAllChecks, DataSize maxFileSize, int maxInvoices, DataSize maxEntrySize,
                             DataSize maxExpandedSize, int maxRatio, Duration issueDateTolerance) {

        public ValidationSettings toSettings() {
            return new ValidationSettings(runAllChecks, maxFileSize.toBytes(), maxInvoices, maxEntrySize.toBytes(),
                    maxExpandedSize.toBytes(), maxRatio, issueDateTolerance);
        }
    }
}
