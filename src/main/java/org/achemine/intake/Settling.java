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
 */
final class Settling {

    /** Past this many files being watched, those gone from disk are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;

    private record Seen(long size, FileTime modified, Instant since) {
    }

    private final Map<Path, Seen> seen = new ConcurrentHashMap<>();
    private final Duration stableFor;
    private final Clock clock;

    Settling(Duration stableFor, Clock clock) {
        this.stableFor = stableFor;
        this.clock = clock;
    }

    boolean settled(Path file, long size, FileTime modified) {
        Instant now = clock.instant();
        Seen before = seen.get(file);
        if (before == null || before.size() != size || !before.modified().equals(modified)) {
            if (seen.size() > PRUNE_ABOVE) {
                seen.keySet().removeIf(p -> !Files.exists(p, LinkOption.NOFOLLOW_LINKS));
            }
            seen.put(file, new Seen(size, modified, now));
            return false;
        }
        if (before.since().plus(stableFor).isAfter(now)) {
            return false;
        }
        seen.remove(file);
        return true;
    }

    /** Forgets the files of {@code folder} that are no longer there (one poller lists that folder). */
    void forgetAbsent(Path folder, Set<Path> present) {
        seen.keySet().removeIf(file -> file.startsWith(folder) && !present.contains(file));
    }
}
