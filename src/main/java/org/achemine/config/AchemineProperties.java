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
     * A partner with a mailbox.
     *
     * @param code  partner code, Chorus form AAA999 (3 letters, 3 digits)
     * @param name  a readable name, for operators
     * @param role  ISSUER (drops invoices), RECIPIENT (receives them) or BOTH
     * @param siret for a recipient, the SIRET of the public structure its mailbox serves
     * @param deliveryFormat for a recipient, how its invoices are delivered: {@code pivot} (the default: the
     *                       Chorus CPPFacturePivot EDI systems read) or {@code original} (the supplier's file)
     */
    public record Partner(String code, String name, PartnerRole role, String siret, DeliveryFormat deliveryFormat) {

        @ConstructorBinding
        public Partner {
            if (deliveryFormat == null) {
                deliveryFormat = role != null && role.receives() ? DeliveryFormat.PIVOT : DeliveryFormat.ORIGINAL;
            }
        }

        /** A partner with the default delivery format of its role. */
        public Partner(String code, String name, PartnerRole role, String siret) {
            this(code, name, role, siret, null);
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
     */
    public record Intake(boolean enabled, Duration pollInterval, Duration readLockInterval, int workers,
                         Duration retryInterval, DataSize minFreeSpace, Duration resourceCheckInterval) {
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
