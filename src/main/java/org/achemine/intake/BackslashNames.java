package org.achemine.intake;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files of a partner's {@code in/} whose name holds a backslash ({@code a\..\..\b.xml}). Camel's file
 * component turns a backslash into a path separator on Unix, so it can neither lock nor take such a file,
 * which would wait in {@code in/} forever: the mailbox route excludes them and they are listed here with NIO
 * instead, handed over to the take once their size and date have not changed for {@code stableFor}.
 * Validation then refuses the name (IRR_NOM_F). Not thread-safe per inbox: one poller per inbox.
 */
public class BackslashNames {

    private record Seen(long size, FileTime modified, Instant since) {
    }

    private final Map<Path, Seen> seen = new ConcurrentHashMap<>();
    private final Duration stableFor;
    private final Clock clock;

    public BackslashNames(Duration stableFor, Clock clock) {
        this.stableFor = stableFor;
        this.clock = clock;
    }

    /** The files with a backslash in their name that have been stable long enough; each returned once. */
    public List<Path> stable(Path inbox) throws IOException {
        List<Path> ready = new ArrayList<>();
        Set<Path> present = new HashSet<>();
        Instant now = clock.instant();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox, BackslashNames::hasBackslash)) {
            for (Path file : files) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                if (attributes.isDirectory()) {
                    continue;
                }
                present.add(file);
                Seen before = seen.get(file);
                if (before == null || before.size() != attributes.size()
                        || !before.modified().equals(attributes.lastModifiedTime())) {
                    seen.put(file, new Seen(attributes.size(), attributes.lastModifiedTime(), now));
                } else if (!before.since().plus(stableFor).isAfter(now)) {
                    ready.add(file);
                    seen.remove(file); // a failed take leaves it in in/: it is seen, and settles, again
                }
            }
        }
        seen.keySet().removeIf(file -> file.startsWith(inbox) && !present.contains(file));
        return ready;
    }

    /** Temporary names (hidden, .tmp, .part) wait for their rename, as in the mailbox route. */
    private static boolean hasBackslash(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return name.indexOf('\\') >= 0 && !name.startsWith(".") && !lower.endsWith(".tmp") && !lower.endsWith(".part");
    }
}
