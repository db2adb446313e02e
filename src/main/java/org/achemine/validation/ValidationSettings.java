package org.achemine.validation;

import java.time.Duration;

/**
 * The knobs validation needs, independent of Spring so the offline {@code validate} command can use them.
 *
 * @param runAllChecks     run every check that can run on a well-formed document, even after one failed
 * @param maxFileSize      largest flow file taken, in bytes (IRR_TAILLE_F above)
 * @param maxInvoices      most documents in one batch flow (Chorus: 500)
 * @param maxEntrySize     largest expanded size of one archive entry, in bytes
 * @param maxExpandedSize  largest total expanded size of an archive, in bytes
 * @param maxRatio         largest expansion ratio (expanded / compressed) of an archive or an entry
 * @param issueDateTolerance how many whole days the issue date may be after the deposit date (Paris time)
 *                         before the national rules refuse it (a supplier overseas is up to a day ahead)
 */
public record ValidationSettings(
        boolean runAllChecks,
        long maxFileSize,
        int maxInvoices,
        long maxEntrySize,
        long maxExpandedSize,
        int maxRatio,
        Duration issueDateTolerance) {

    public ValidationSettings {
        issueDateTolerance = issueDateTolerance == null ? Duration.ofDays(1) : issueDateTolerance;
    }

    public static ValidationSettings defaults() {
        return new ValidationSettings(false, 100L * 1024 * 1024, 500, 50L * 1024 * 1024, 500L * 1024 * 1024, 100,
                Duration.ofDays(1));
    }

    public ValidationSettings withRunAllChecks(boolean all) {
        return new ValidationSettings(all, maxFileSize, maxInvoices, maxEntrySize, maxExpandedSize, maxRatio,
                issueDateTolerance);
    }
}
