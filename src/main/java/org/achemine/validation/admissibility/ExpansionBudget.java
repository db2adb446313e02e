package org.achemine.validation.admissibility;

import java.io.IOException;
import java.util.function.LongSupplier;
import org.achemine.validation.ValidationSettings;

/**
 * Counts the bytes really produced while an archive is expanded and stops as soon as a limit is passed:
 * per-entry size, total size, expansion ratio. Headers are never trusted for this: a zip bomb lies in them.
 * One budget per archive, used by one thread.
 */
final class ExpansionBudget {

    /**
     * The ratio is judged only past this many expanded bytes: small, repetitive XML legitimately compresses
     * far beyond any sensible bomb ratio, and a few megabytes cost nothing to hold.
     */
    static final long RATIO_GRACE = 4L * 1024 * 1024;

    private final ValidationSettings settings;
    private final LongSupplier compressedSoFar;
    private long total;

    /** @param compressedSoFar compressed bytes behind what was expanded so far (the file size when unknown) */
    ExpansionBudget(ValidationSettings settings, LongSupplier compressedSoFar) {
        this.settings = settings;
        this.compressedSoFar = compressedSoFar;
    }

    /** Adds to the archive's total and checks the total limits. */
    void addTotal(long bytes) throws LimitExceeded {
        total += bytes;
        if (total > settings.maxExpandedSize()) {
            throw new LimitExceeded("plus de " + bytes(settings.maxExpandedSize()) + " une fois décompressée");
        }
        long compressed = Math.max(1, compressedSoFar.getAsLong());
        if (total > RATIO_GRACE && total / compressed > settings.maxRatio()) {
            throw new LimitExceeded("taux de compression supérieur à " + settings.maxRatio() + " pour 1");
        }
    }

    /** Checks one entry's limits, from the bytes expanded so far and its compressed size when known (else -1). */
    void checkEntry(String name, long expanded, long compressed) throws LimitExceeded {
        if (expanded > settings.maxEntrySize()) {
            throw new LimitExceeded("l'entrée « " + name + " » dépasse " + bytes(settings.maxEntrySize())
                    + " une fois décompressée");
        }
        if (compressed > 0 && expanded > RATIO_GRACE && expanded / compressed > settings.maxRatio()) {
            throw new LimitExceeded("l'entrée « " + name + " » a un taux de compression supérieur à "
                    + settings.maxRatio() + " pour 1");
        }
    }

    /** "52428800 octets (50 Mo)": the exact figure, and one a person reads at a glance. */
    static String bytes(long count) {
        String exact = count + " octets";
        if (count >= 1024L * 1024 * 1024) {
            return exact + String.format(java.util.Locale.FRANCE, " (%.1f Go)", count / (1024.0 * 1024 * 1024));
        }
        if (count >= 1024L * 1024) {
            return exact + String.format(java.util.Locale.FRANCE, " (%.1f Mo)", count / (1024.0 * 1024));
        }
        return exact;
    }

    /** A limit was passed; an IOException so it can cross the archive libraries' streams unchanged. */
    static final class LimitExceeded extends IOException {

        LimitExceeded(String reason) {
            super(reason);
        }
    }
}
