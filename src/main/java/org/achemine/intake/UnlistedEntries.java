package org.achemine.intake;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
 * a regular file (dangling, or to a folder: Camel lists neither; a link to a file is Camel's), and folders (a
 * partner's {@code dossier.xml/}: refused IRR_DOSSIER, issue 11). They are listed
 * here with NIO, without following links, and handed over to the take once their size and date have not
 * changed for {@code stableFor} ({@link Settling}). The take moves a link or a folder unread (IRR_LIEN,
 * IRR_DOSSIER); validation refuses a backslash name
 * (IRR_NOM_F). An {@code in/} the engine may not list is said once ({@link UnreadableEntries}), not thrown at
 * every poll. Not thread-safe per inbox: one poller per inbox.
 */
public class UnlistedEntries {

    /**
     * Past this many entries in an {@code in/} (a burst waiting to be taken), it is listed at most once per
     * {@link #CROWDED_PAUSE}: each listing looks at every entry, so at every poll interval a burst of thousands of
     * files cost each flow a look per poll while it waited (docs/benchmarks.md, « The kernel's file work per
     * flow »). An entry Camel never lists is then found a few seconds later; it is refused all the same.
     */
    static final int CROWDED = 1_000;
    static final Duration CROWDED_PAUSE = Duration.ofSeconds(5);

    private final Settling settling;
    private final UnreadableEntries unreadable;
    private final Clock clock;
    /** Per crowded {@code in/}: not listed again before this instant. */
    private final Map<Path, Instant> crowdedUntil = new ConcurrentHashMap<>();

    public UnlistedEntries(Duration stableFor, Clock clock, UnreadableEntries unreadable) {
        this.settling = new Settling(stableFor, clock);
        this.unreadable = unreadable;
        this.clock = clock;
    }

    /** The entries Camel never lists that have been stable long enough; each returned once. */
    public List<Path> stable(String partner, Path inbox) throws IOException {
        Instant now = clock.instant();
        Instant crowded = crowdedUntil.get(inbox);
        if (crowded != null && now.isBefore(crowded)) {
            return List.of();
        }
        List<Path> ready = new ArrayList<>();
        Set<Path> present = new HashSet<>();
        int[] entries = {0};
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox, entry -> {
            entries[0]++;
            return unlistedByCamel(entry);
        })) {
            for (Path file : files) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                present.add(file);
                if (settling.settled(file, attributes.size(), attributes.lastModifiedTime())) {
                    ready.add(file); // a failed take leaves it in in/: it is seen, and settles, again
                }
            }
        } catch (AccessDeniedException closed) {
            // the partner's in/ is closed to us (Camel's own listing skips it without a word): said once
            unreadable.unlistable(partner, inbox, closed);
            return List.of();
        }
        unreadable.listed(partner, inbox);
        settling.forgetAbsent(inbox, present);
        if (entries[0] > CROWDED) {
            crowdedUntil.put(inbox, now.plus(CROWDED_PAUSE));
        } else {
            crowdedUntil.remove(inbox);
        }
        return ready;
    }

    /** Temporary names (hidden, .tmp, .part) wait for their rename, as in the mailbox route. */
    private static boolean unlistedByCamel(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || lower.endsWith(".tmp") || lower.endsWith(".part")) {
            return false;
        }
        if (name.indexOf('\\') >= 0) {
            return true;
        }
        // one look at the entry itself (every entry of in/ at every poll: in a burst, thousands), not one per question
        BasicFileAttributes entry;
        try {
            entry = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException goneOrUnreadable) {
            return false; // as the questions asked one by one answered: neither a link nor a folder
        }
        return entry.isDirectory() || (entry.isSymbolicLink() && !Files.isRegularFile(file));
    }
}
