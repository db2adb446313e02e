package org.achemine.intake;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a file in {@code in/} has settled: its size and date unchanged over {@code stableFor}, measured by the
 * platform's clock from the moment we first saw them. The file's own date is only compared with itself, never
 * with now: a file dated in the future ({@code touch -d 2099-01-01}) or in the past settles like any other
 * (issue 11). Thread-safe; a file is reported settled once, then forgotten (a failed take sees it settle again).
 * A listing {@linkplain #observe observes} every file it sees, so that a whole burst settles together, not a poll's
 * worth at a time (issue 16).
 */
final class Settling {

    /** Past this many files being watched, those gone from disk are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;

    private record Seen(long size, FileTime modified, Instant since) {
    }

    private final Map<Path, Seen> seen = new ConcurrentHashMap<>();
    private final Duration stableFor;
    private final Clock clock;
    /** Raised past each prune's survivors: a burst larger than PRUNE_ABOVE is not listed again at every new file. */
    private volatile int pruneAbove = PRUNE_ABOVE;

    Settling(Duration stableFor, Clock clock) {
        this.stableFor = stableFor;
        this.clock = clock;
    }

    /** Whether the file has settled; if so, it is forgotten: the caller hands it over. */
    boolean settled(Path file, long size, FileTime modified) {
        boolean settled = observe(file, size, modified);
        if (settled) {
            seen.remove(file);
        }
        return settled;
    }

    /**
     * Whether the file has settled, remembered as seen (its clock starts now if it is new or changed) but not
     * forgotten: the listing's look, before {@link #settled} at the hand-over.
     */
    boolean observe(Path file, long size, FileTime modified) {
        Instant now = clock.instant();
        Seen before = seen.get(file);
        if (before == null || before.size() != size || !before.modified().equals(modified)) {
            if (seen.size() > pruneAbove) {
                seen.keySet().removeIf(p -> !Files.exists(p, LinkOption.NOFOLLOW_LINKS));
                pruneAbove = Math.max(PRUNE_ABOVE, 2 * seen.size());
            }
            seen.put(file, new Seen(size, modified, now));
            return false;
        }
        return !before.since().plus(stableFor).isAfter(now);
    }

    /** How many files are being watched. */
    int watched() {
        return seen.size();
    }

    /** Forgets the files of {@code folder} that are no longer there (one poller lists that folder). */
    void forgetAbsent(Path folder, Set<Path> present) {
        seen.keySet().removeIf(file -> file.startsWith(folder) && !present.contains(file));
    }
}
