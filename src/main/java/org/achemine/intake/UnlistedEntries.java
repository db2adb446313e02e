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
 * Entries of a partner's {@code in/} that Camel's file component never hands over, which would otherwise wait
 * there forever with no report: names holding a backslash ({@code a\..\..\b.xml}: Camel turns a backslash
 * into a path separator on Unix, so the mailbox route excludes them), and symbolic links that do not lead to
 * a regular file (dangling, or to a folder: Camel lists neither; a link to a file is Camel's). They are listed
 * here with NIO, without following links, and handed over to the take once their size and date have not
 * changed for {@code stableFor}. The take moves a link unread (IRR_LIEN); validation refuses a backslash name
 * (IRR_NOM_F). Not thread-safe per inbox: one poller per inbox.
 */
public class UnlistedEntries {

    private record Seen(long size, FileTime modified, Instant since) {
    }

    private final Map<Path, Seen> seen = new ConcurrentHashMap<>();
    private final Duration stableFor;
    private final Clock clock;

    public UnlistedEntries(Duration stableFor, Clock clock) {
        this.stableFor = stableFor;
        this.clock = clock;
    }

    /** The entries Camel never lists that have been stable long enough; each returned once. */
    public List<Path> stable(Path inbox) throws IOException {
        List<Path> ready = new ArrayList<>();
        Set<Path> present = new HashSet<>();
        Instant now = clock.instant();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox, UnlistedEntries::unlistedByCamel)) {
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
    private static boolean unlistedByCamel(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || lower.endsWith(".tmp") || lower.endsWith(".part")) {
            return false;
        }
        return name.indexOf('\\') >= 0 || (Files.isSymbolicLink(file) && !Files.isRegularFile(file));
    }
}
