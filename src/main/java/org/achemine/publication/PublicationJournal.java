package org.achemine.publication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.achemine.archive.AtomicFiles;
import org.achemine.archive.GroupSync;
import org.achemine.database.KeyLists;
import org.achemine.mailbox.Mailboxes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes files into the {@code out/} folders exactly once, although partners download and delete them
 * (ADR 0001, "Publication journal"). Three steps, each safe to crash after:
 * <ol>
 *   <li>the content is written under the hidden temporary name {@code .<name>.tmp} beside the target (forced
 *       to disk when asked);</li>
 *   <li>one commit journals it PENDING (mailbox, name, kind, subject, SHA-256, size, the platform's time);</li>
 *   <li>the temporary file is renamed into place in one step, then the row is marked PUBLISHED.</li>
 * </ol>
 * Only step 3 removes a journaled temporary file, so a PENDING row whose temporary file is gone WAS renamed
 * (and the partner may have taken it since): it is marked PUBLISHED, never written again. A temporary file
 * without a PENDING row is the leftover of step 1 and may be removed or overwritten. The journal commits on its
 * own (a template with REQUIRES_NEW), so a rolled-back caller (a routing chunk) cannot un-journal a file a
 * partner may already hold. A target journaled PUBLISHED is never written again, whatever is in {@code out/}.
 */
public class PublicationJournal {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationJournal.class);
    private static final String PENDING = "PENDING";
    private static final String PUBLISHED = "PUBLISHED";
    /** No record of the caller's to make with a commit of the journal. */
    public static final Runnable NO_RECORD = () -> { };
    private static final String INSERT = "INSERT INTO publication (mailbox, file_name, kind, subject, sha256,"
            + " size_bytes, state, journaled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownCommit;
    private final Mailboxes mailboxes;
    private final Clock clock;
    private final PublicationObserver observer;

    /** The bytes to publish, made only when the file was never journaled (a report may be costly to build). */
    @FunctionalInterface
    public interface Content {
        byte[] bytes() throws Exception;
    }

    /** A journal row: a file published, or about to be, in {@code mailboxes/<mailbox>/out/<fileName>}. */
    public record Entry(String mailbox, String fileName, PublicationKind kind, String subject, String sha256,
                        boolean published) {
    }

    /** @param ownCommit a template that commits on its own (REQUIRES_NEW) */
    public PublicationJournal(JdbcTemplate jdbc, TransactionTemplate ownCommit, Mailboxes mailboxes, Clock clock) {
        this(jdbc, ownCommit, mailboxes, clock, PublicationObserver.NONE);
    }

    /** @param observer told of each journaled file in the same commit as its row (the AS2 outbox) */
    public PublicationJournal(JdbcTemplate jdbc, TransactionTemplate ownCommit, Mailboxes mailboxes, Clock clock,
                              PublicationObserver observer) {
        this.jdbc = jdbc;
        this.ownCommit = ownCommit;
        this.mailboxes = mailboxes;
        this.clock = clock;
        this.observer = observer;
    }

    /** {@link #publishOnce(PublicationKind, String, Path, boolean, Content)}, forced to disk. */
    public Path publishOnce(PublicationKind kind, String subject, Path target, Content content) throws IOException {
        return publishOnce(kind, subject, target, true, content);
    }

    /**
     * Publishes {@code target} unless the journal already has it: a PUBLISHED row ends here, a PENDING one is
     * finished (renamed if still waiting), and only a target never journaled has its content made and written.
     *
     * @param durable force the temporary file to disk before it is journaled (survives a power loss once the
     *                database does); without it, a crash of the engine is survived (the system keeps the file)
     * @return the target
     */
    public Path publishOnce(PublicationKind kind, String subject, Path target, boolean durable, Content content)
            throws IOException {
        return publishAll(List.of(new Publication(kind, subject, target, content)), durable, NO_RECORD).get(0);
    }

    /**
     * {@link #publishOnce(PublicationKind, String, Path, Content)}, forced to disk, with the caller's own record
     * that the file is out (a flow REPORTED) written in the same commit as the PUBLISHED mark: one commit fewer,
     * and the record is made even when the journal had the file published already.
     */
    public Path publishOnce(PublicationKind kind, String subject, Path target, Content content,
                            Runnable recordedWithPublished) throws IOException {
        return publishAll(List.of(new Publication(kind, subject, target, content)), true, recordedWithPublished)
                .get(0);
    }

    /** One file for {@link #publishAll}: where it goes, what it is about, its content made only if needed. */
    public record Publication(PublicationKind kind, String subject, Path target, Content content) {
    }

    /**
     * {@link #publishOnce} for many files (a routing chunk's deliveries), the same three steps for each file, each
     * step done for all of them before the next (group commit): every new content written (and, when durable,
     * all forced to disk together), then ONE commit journals them all PENDING, then each is renamed, each
     * directory synced once (the directories together), and ONE commit marks them PUBLISHED. A crash between steps leaves each file exactly where a crash of
     * {@link #publishOnce} between the same steps would (ADR 0001, "Publication journal").
     *
     * @return the targets, in order
     */
    public List<Path> publishAll(List<Publication> publications, boolean durable) throws IOException {
        return publishAll(publications, durable, NO_RECORD);
    }

    /**
     * {@link #publishAll}, forced to disk, with the caller's own records in the group's two commits: what the
     * files are the answer to (a flow's verdict) in the commit that journals them {@code PENDING}, and what
     * follows their publication (the flow REPORTED) in the commit that marks them {@code PUBLISHED}. Each record
     * is made even when the journal had the files already (then in a commit of its own, before the renames).
     * A crash before the first commit leaves neither record nor row; after it, start-up renames the files and
     * the caller comes back to find them journaled (ADR 0001, "Validate and report").
     */
    public List<Path> publishAll(List<Publication> publications, Runnable recordedWithJournal,
                                 Runnable recordedWithPublished) throws IOException {
        return publishAll(publications, true, recordedWithJournal, recordedWithPublished);
    }

    private List<Path> publishAll(List<Publication> publications, boolean durable, Runnable recordedWithPublished)
            throws IOException {
        return publishAll(publications, durable, NO_RECORD, recordedWithPublished);
    }

    private List<Path> publishAll(List<Publication> publications, boolean durable, Runnable recordedWithJournal,
                                  Runnable recordedWithPublished) throws IOException {
        Prepared prepared = prepare(publications, findAll(publications.stream().map(Publication::target).toList()),
                durable);
        prepared.awaitWritten();
        journalAll(prepared.fresh, prepared, recordedWithJournal);
        finishAll(prepared.toFinish, recordedWithPublished);
        return publications.stream().map(Publication::target).toList();
    }

    /**
     * Step 1 for a group: what is new (its bytes made here, one after the other; written under its temporary
     * name, forced to disk when durable, and fingerprinted on the group threads meanwhile), what is left to finish.
     */
    private static final class Prepared {

        final List<Publication> fresh = new ArrayList<>();
        final List<Path> toFinish = new ArrayList<>();
        final Map<Path, byte[]> written = new LinkedHashMap<>();
        final Map<Path, String> digests = new ConcurrentHashMap<>();
        final GroupSync.Under writes = GroupSync.begin();

        /**
         * Waits for every write (and sync) of the group; if one failed, the group's temporary files are removed
         * (nothing of it is journaled yet: step 1's leftovers) and the failure thrown.
         */
        void awaitWritten() throws IOException {
            try {
                writes.await();
            } catch (IOException | RuntimeException failed) {
                written.keySet().forEach(target -> AtomicFiles.discard(temporary(target), failed));
                throw failed;
            }
        }

        /** Gives the group up before its commit: its writes ended, its temporary files removed. */
        void abandon(Exception cause) {
            try {
                writes.await();
            } catch (IOException | RuntimeException ignored) {
                // removed below all the same
            }
            written.keySet().forEach(target -> AtomicFiles.discard(temporary(target), cause));
        }

        String sha256(Path target) {
            return digests.get(target);
        }
    }

    /** @param journaled the journal's rows for these publications' targets (looked up once for many groups) */
    private Prepared prepare(List<Publication> publications, Map<Path, Entry> journaled, boolean durable)
            throws IOException {
        Prepared prepared = new Prepared();
        for (Publication publication : publications) {
            Optional<Entry> entry = Optional.ofNullable(journaled.get(publication.target()));
            if (entry.isPresent() && entry.get().published()) {
                continue;
            }
            if (entry.isEmpty() && !prepared.written.containsKey(publication.target())) {
                byte[] bytes;
                try {
                    bytes = make(publication.content(), publication.target());
                } catch (IOException | RuntimeException failed) {
                    // nothing of the group is journaled yet: its temporary files are step 1's leftovers, removed
                    prepared.abandon(failed);
                    throw failed;
                }
                prepared.written.put(publication.target(), bytes);
                // the file goes to disk on a group thread while the next content is made here (ADR 0001, "Group
                // publication"): every write and sync has returned before the group's PENDING commit
                prepared.writes.add(publication.target(), target -> {
                    writeTemporary(target, bytes, durable);
                    prepared.digests.put(target, sha256(bytes));
                });
                prepared.fresh.add(publication);
            }
            prepared.toFinish.add(publication.target());
        }
        return prepared;
    }

    /**
     * One answer of {@link #publishGroups}: its files, the caller's record committed with their journaling (a
     * flow's verdict) and the one committed with their {@code PUBLISHED} mark (the flow REPORTED).
     */
    public record Group(List<Publication> publications, Runnable recordedWithJournal, Runnable recordedWithPublished) {
    }

    /**
     * {@link #publishAll(List, Runnable, Runnable)} for several answers at once (several flows' deposit reports),
     * sharing each step between them: one look-up of the journal for them all, every group's new files written,
     * all forced to disk together, ONE commit journals them all {@code PENDING} with every group's first record,
     * the renames, one sync per folder
     * renamed into, ONE commit marks them all {@code PUBLISHED} with every group's second record. Each group
     * keeps its own fate: one whose content cannot be made or written is left out (its temporary files removed)
     * and the others go on; if a shared step fails, every group still standing is done again on its own with
     * {@link #publishAll} from where the shared steps left it (a commit that failed rolled back whole; after the
     * first commit, the groups' rows are {@code PENDING} and are only finished). A crash between steps leaves
     * each group exactly where a crash of {@link #publishAll} between the same steps would (ADR 0001).
     *
     * @return for each group, in order: null if its files are published and its records made, or what failed it
     */
    public List<Exception> publishGroups(List<Group> groups) {
        Answered answered = publishGroups(groups, Renamed.NONE);
        List<Exception> failures = new ArrayList<>(answered.failures());
        try {
            markPublished(answered.renamed());
        } catch (RuntimeException shared) {
            // the marks' commit rolled back whole: each group still standing is finished on its own
            LOG.debug("The PUBLISHED commit of {} answers failed; each is finished on its own", groups.size(), shared);
            for (int i = 0; i < groups.size(); i++) {
                if (failures.get(i) == null) {
                    Group group = groups.get(i);
                    try {
                        publishAll(group.publications(), true, NO_RECORD, group.recordedWithPublished());
                    } catch (IOException | RuntimeException failed) {
                        failures.set(i, failed);
                    }
                }
            }
        }
        return failures;
    }

    /**
     * Files renamed into place whose {@code PUBLISHED} marks, and the callers' records that go with them (flows
     * {@code REPORTED}), still wait for their commit: the next group's {@code PENDING} commit carries them
     * ({@link #publishGroups(List, Renamed)}), or {@link #markPublished} commits them alone. Until then their rows
     * are {@code PENDING} with no temporary file left: a stop there is finished at start-up like any rename whose
     * mark was not committed (ADR 0001, "One commit per answer group").
     */
    public static final class Renamed {

        public static final Renamed NONE = new Renamed(List.of(), List.of());

        private final List<Path> targets;
        private final List<Runnable> records;

        private Renamed(List<Path> targets, List<Runnable> records) {
            this.targets = List.copyOf(targets);
            this.records = List.copyOf(records);
        }

        public boolean isEmpty() {
            return targets.isEmpty() && records.isEmpty();
        }
    }

    /**
     * What {@link #publishGroups(List, Renamed)} did.
     *
     * @param failures for each group, in order: null if its files are renamed into place and its first record
     *                 committed (its marks then in {@code renamed}, or already committed if {@code renamed} is
     *                 empty), or what failed it
     * @param renamed the groups' marks and second records still to commit
     * @param owedFailure null if the marks owed by the previous group were committed, else what failed them
     */
    public record Answered(List<Exception> failures, Renamed renamed, Exception owedFailure) {
    }

    /**
     * {@link #publishGroups(List)} with one commit per group instead of two: the {@code PUBLISHED} marks and
     * second records the previous group left ({@code owed}) are committed in this group's {@code PENDING}
     * commit, and this group's own are returned, renamed but not marked, for the next group's commit (or
     * {@link #markPublished} when none follows). If the shared steps fail before that commit, the owed marks are
     * committed alone and each group is done on its own, both commits included, as {@link #publishGroups(List)}
     * does; if the owed marks cannot be committed either, every group fails with them (none is journaled before
     * the marks it follows). A caller must not count a group's records made (release a flow's claim) before its
     * marks committed.
     */
    public Answered publishGroups(List<Group> groups, Renamed owed) {
        return stage(groups).publish(owed);
    }

    /**
     * The first step of {@link #publishGroups(List, Renamed)} alone: the journal looked up once, every group's new
     * files written under their temporary names and their syncs begun, nothing journaled. The caller may then do
     * what does not need the files on disk (a routing chunk's rows, in its own transaction, not committed before
     * the journal's) while the disk answers; {@link Staged#publish} does the rest exactly as publishGroups does.
     * A caller that gives up before publish leaves only step 1's leftovers (temporary files without rows).
     */
    public Staged stage(List<Group> groups) {
        return stage(groups, true);
    }

    /**
     * {@link #stage(List)}, the files forced to disk only when {@code durable} (without it, a crash of the engine is
     * survived, the system keeping the files, not a power loss).
     */
    public Staged stage(List<Group> groups, boolean durable) {
        Exception[] failures = new Exception[groups.size()];
        List<Integer> standing = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>();
        Map<Path, Entry> journaledBefore = findAll(groups.stream()
                .flatMap(g -> g.publications().stream().map(Publication::target)).toList());
        for (int i = 0; i < groups.size(); i++) {
            try {
                prepared.add(prepare(groups.get(i).publications(), journaledBefore, durable));
                standing.add(i);
            } catch (IOException | RuntimeException failed) {
                failures[i] = failed;
            }
        }
        return new Staged(groups, failures, standing, prepared);
    }

    /** Groups whose new files are written and being forced to disk ({@link #stage}), waiting to be journaled. */
    public final class Staged {

        private final List<Group> groups;
        private final Exception[] failures;
        private final List<Integer> standing;
        private final List<Prepared> prepared;

        private Staged(List<Group> groups, Exception[] failures, List<Integer> standing, List<Prepared> prepared) {
            this.groups = groups;
            this.failures = failures;
            this.standing = standing;
            this.prepared = prepared;
        }

        /**
         * The rest of {@link #publishGroups(List, Renamed)}: once every group's files are written and synced (a
         * group whose write or sync failed fails alone, its temporary files removed), the journal's commit, the
         * renames.
         */
        public Answered publish(Renamed owed) {
            List<Integer> written = new ArrayList<>();
            List<Prepared> ready = new ArrayList<>();
            for (int n = 0; n < standing.size(); n++) {
                try {
                    prepared.get(n).awaitWritten();
                    written.add(standing.get(n));
                    ready.add(prepared.get(n));
                } catch (IOException | RuntimeException failed) {
                    failures[standing.get(n)] = failed;
                }
            }
            return publishWritten(groups, failures, written, ready, owed);
        }

        /** Gives the groups up before their commit (the caller failed meanwhile): nothing journaled, no file left. */
        public void abandon(Exception cause) {
            prepared.forEach(p -> p.abandon(cause));
        }

        /**
         * The rest of the publication with the journal's rows in the CALLER's transaction, as {@link
         * #journalWithCaller(PublicationKind, String, Path)} does for a lifecycle report (a routing chunk's
         * deliveries, ADR 0031): once every file is written (and synced when durable), the marks owed by the
         * previous call and every group's rows {@code PENDING} are written in that transaction, not committed here.
         * The caller commits them with its own rows, then renames the files ({@link Journaled#rename}); if it rolls
         * back, it gives them up ({@link Journaled#abandon}). Never a rename before that commit: a caller that rolls
         * back cannot un-journal a file a partner may hold. Unlike {@link #publish}, any failure fails the whole
         * call (every group's temporary files removed) and the caller's transaction must roll back.
         *
         * @param owed the marks the previous call left ({@link Renamed#NONE} for the first), made in this transaction
         */
        public Journaled journalWithCaller(Renamed owed) throws IOException {
            try {
                for (Exception failed : failures) {
                    if (failed != null) {
                        throw failed;
                    }
                }
                for (Prepared p : prepared) {
                    p.awaitWritten();
                }
                journalRows(groups, standing, prepared, owed, Timestamp.from(clock.instant()));
            } catch (IOException | RuntimeException failed) {
                abandon(failed);
                throw failed;
            } catch (Exception failed) {
                abandon(failed);
                throw new IOException(failed.getMessage(), failed);
            }
            return new Journaled(prepared.stream().flatMap(p -> p.toFinish.stream()).toList(),
                    standing.stream().map(i -> groups.get(i).recordedWithPublished()).toList(), this);
        }
    }

    /**
     * Groups journaled in their caller's transaction ({@link Staged#journalWithCaller}), not renamed yet: renamed
     * once that transaction has committed, given up if it rolled back.
     */
    public static final class Journaled {

        private final List<Path> targets;
        private final List<Runnable> records;
        private final Staged staged;

        private Journaled(List<Path> targets, List<Runnable> records, Staged staged) {
            this.targets = List.copyOf(targets);
            this.records = List.copyOf(records);
            this.staged = staged;
        }

        /**
         * Step 3, once the caller's transaction (which journaled the files) has committed: each file renamed into
         * place if its temporary file still waits, each folder synced once. Idempotent (a file already renamed is
         * left as it is), so a failed call may be made again.
         *
         * @return the marks now owed: the next {@link Staged#journalWithCaller} or {@link #markPublished} commits them
         */
        public Renamed rename() throws IOException {
            renameAll(targets);
            return new Renamed(targets, records);
        }

        /** The caller's transaction rolled back: nothing of these groups is journaled, their temporary files removed. */
        public void abandon(Exception cause) {
            staged.abandon(cause);
        }
    }

    /**
     * In the current transaction: the marks owed, then every group's new rows {@code PENDING} in one batch (one
     * statement sent for all of them), each noted as observed, and each standing group's own rows recorded with them.
     */
    private void journalRows(List<Group> groups, List<Integer> standing, List<Prepared> prepared, Renamed owed,
                             Timestamp now) {
        mark(owed);
        jdbc.batchUpdate(INSERT, prepared.stream().flatMap(p -> p.fresh.stream()
                .map(f -> row(f.kind(), f.subject(), f.target(), p.written.get(f.target()), p.sha256(f.target()),
                        now))).toList());
        for (Prepared p : prepared) {
            p.fresh.forEach(f -> observed(f.kind(), f.target(), p.written.get(f.target()), p.sha256(f.target())));
        }
        standing.forEach(i -> groups.get(i).recordedWithJournal().run());
    }

    private Answered publishWritten(List<Group> groups, Exception[] failures, List<Integer> standing,
                                    List<Prepared> prepared, Renamed owed) {
        boolean journaled = false;
        try {
            Timestamp now = Timestamp.from(clock.instant());
            ownCommit.executeWithoutResult(status -> journalRows(groups, standing, prepared, owed, now));
            journaled = true;
            List<Path> toFinish = prepared.stream().flatMap(p -> p.toFinish.stream()).toList();
            renameAll(toFinish);
            return new Answered(Arrays.asList(failures), new Renamed(toFinish,
                    standing.stream().map(i -> groups.get(i).recordedWithPublished()).toList()), null);
        } catch (IOException | RuntimeException shared) {
            LOG.debug("A shared step of {} answers failed; each is done on its own", standing.size(), shared);
            if (!journaled) {
                try {
                    markPublished(owed);
                } catch (RuntimeException failed) {
                    // no group is journaled before the marks it follows (ADR 0026: an official report PUBLISHED
                    // before its detailed one is journaled): the groups fail with the marks, their temporary files
                    // left (the commit's outcome is unknown), finished or swept as any unjournaled write
                    standing.forEach(i -> failures[i] = failed);
                    return new Answered(Arrays.asList(failures), Renamed.NONE, failed);
                }
            }
            for (int i : standing) {
                Group group = groups.get(i);
                try {
                    publishAll(group.publications(), true, journaled ? NO_RECORD : group.recordedWithJournal(),
                            group.recordedWithPublished());
                } catch (IOException | RuntimeException failed) {
                    failures[i] = failed;
                }
            }
            return new Answered(Arrays.asList(failures), Renamed.NONE, null);
        }
    }

    /** Commits alone the marks and records a group left ({@link Renamed}); nothing if there are none. */
    public void markPublished(Renamed renamed) {
        if (renamed.isEmpty()) {
            return;
        }
        ownCommit.executeWithoutResult(status -> mark(renamed));
    }

    /**
     * Step 4 in the caller's commit: the renamed files' rows PUBLISHED, one statement for them all (a key list on
     * the primary key, not one update per file), then the records that follow them.
     */
    private void mark(Renamed renamed) {
        KeyLists.inSlices(renamed.targets, slice -> jdbc.update("UPDATE publication SET state = '" + PUBLISHED
                + "' WHERE state = '" + PENDING + "' AND (mailbox, file_name) IN ("
                + KeyLists.placeholders(slice.size(), 2) + ")", keys(slice)));
        renamed.records.forEach(Runnable::run);
    }

    /** The journal's keys of these targets, two values each, for {@link KeyLists#placeholders}. */
    private static Object[] keys(List<Path> targets) {
        List<Object> keys = new ArrayList<>(2 * targets.size());
        for (Path target : targets) {
            keys.add(mailbox(target));
            keys.add(target.getFileName().toString());
        }
        return keys.toArray();
    }

    /**
     * Publishes a new version of a snapshot (a daily summary) whether or not an earlier one was published under
     * the same name: the row is journaled again with the new fingerprint, then renamed over the old file.
     */
    public Path publishVersion(PublicationKind kind, String subject, Path target, byte[] bytes) throws IOException {
        writeTemporary(target, bytes, true);
        ownCommit.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM publication WHERE mailbox = ? AND file_name = ?", mailbox(target),
                    target.getFileName().toString());
            insert(kind, subject, target, bytes);
        });
        finish(target);
        return target;
    }

    /**
     * Journals a file whose temporary name is already written, in the CALLER's transaction: for a publication
     * that must be recorded atomically with the caller's own rows (a lifecycle report and the changes it lists).
     * The caller then calls {@link #finish}.
     */
    public void journalWithCaller(PublicationKind kind, String subject, Path target) throws IOException {
        insert(kind, subject, target, Files.readAllBytes(temporary(target)));
    }

    /**
     * Step 3: renames the journaled temporary file into place if it is still waiting (if it is gone, the rename
     * happened), then marks the row PUBLISHED. Does nothing for a target the journal does not have.
     */
    public void finish(Path target) throws IOException {
        finishAll(List.of(target), NO_RECORD);
    }

    /**
     * {@link #finish(Path)} with the caller's own record that the file is out (a lifecycle report WRITTEN) in
     * the same commit as the PUBLISHED mark: one commit fewer.
     */
    public void finish(Path target, Runnable recordedWithPublished) throws IOException {
        finishAll(List.of(target), recordedWithPublished);
    }

    /**
     * {@link #finish} for many targets: renamed one by one, each directory synced once, one commit (with the
     * caller's record, if any).
     */
    private void finishAll(List<Path> targets, Runnable recordedWithPublished) throws IOException {
        if (targets.isEmpty() && recordedWithPublished == NO_RECORD) {
            return;
        }
        renameAll(targets);
        markPublished(new Renamed(targets, recordedWithPublished == NO_RECORD ? List.of()
                : List.of(recordedWithPublished)));
    }

    /**
     * Step 3 for many targets: each renamed if its temporary file still waits, then each directory synced once.
     * The rename is tried rather than the temporary file looked for first: a rename that finds none fails on its
     * own, and a look before each was a system call per file (docs/benchmarks.md, « The kernel's file work per
     * flow »).
     */
    private static void renameAll(List<Path> targets) throws IOException {
        Set<Path> renamedInto = new LinkedHashSet<>();
        for (Path target : targets) {
            try {
                Files.move(temporary(target), target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                renamedInto.add(target.getParent());
            } catch (NoSuchFileException renamedBefore) {
                // no temporary file: renamed already (before a stop, or by another worker); the partner may have
                // taken the file since, so it is never written again
            }
        }
        GroupSync.syncDirectories(renamedInto);
    }

    /** The journal's row for this target, if it was ever journaled. */
    public Optional<Entry> find(Path target) {
        return jdbc.query("SELECT mailbox, file_name, kind, subject, sha256, state FROM publication"
                        + " WHERE mailbox = ? AND file_name = ?",
                (rs, i) -> entry(rs), mailbox(target), target.getFileName().toString()).stream().findFirst();
    }

    /**
     * {@link #find} for many targets (a routing chunk's deliveries) in one statement: the rows the journal
     * has, by target; a target never journaled is absent ({@link KeyLists}).
     */
    public Map<Path, Entry> findAll(Collection<Path> targets) {
        Map<Path, Entry> found = new HashMap<>();
        KeyLists.inSlices(targets, slice -> {
            Map<String, Path> byKey = new HashMap<>();
            slice.forEach(target -> byKey.put(mailbox(target) + '/' + target.getFileName(), target));
            jdbc.query("SELECT mailbox, file_name, kind, subject, sha256, state FROM publication"
                            + " WHERE (mailbox, file_name) IN (" + KeyLists.placeholders(slice.size(), 2) + ")",
                    (RowCallbackHandler) rs -> found.put(byKey.get(rs.getString(1) + '/' + rs.getString(2)), entry(rs)),
                    keys(slice));
        });
        return found;
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getString(1), rs.getString(2), PublicationKind.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), PUBLISHED.equals(rs.getString(6)));
    }

    /** Whether the target was journaled (published, or about to be: then it will be, never written anew). */
    public boolean isJournaled(Path target) {
        return find(target).isPresent();
    }

    /**
     * Finishes every PENDING publication a stop left (start-up, before anything writes): each is renamed if its
     * temporary file still waits, and marked PUBLISHED.
     *
     * @return how many were finished
     */
    public int finishPending() throws IOException {
        List<Path> pending = jdbc.query("SELECT mailbox, file_name FROM publication WHERE state = ? ORDER BY 1, 2",
                (rs, i) -> mailboxes.mailboxesRoot().resolve(rs.getString(1)).resolve("out").resolve(rs.getString(2)),
                PENDING);
        for (Path target : pending) {
            finish(target);
        }
        if (!pending.isEmpty()) {
            LOG.info("Recovery: {} publications journaled before a stop finished", pending.size());
        }
        return pending.size();
    }

    /** The temporary files that PENDING rows still wait on: never to be removed by a sweep. */
    public Set<Path> pendingTemporaries() {
        return jdbc.query("SELECT mailbox, file_name FROM publication WHERE state = ?",
                (rs, i) -> temporary(mailboxes.mailboxesRoot().resolve(rs.getString(1)).resolve("out")
                        .resolve(rs.getString(2))), PENDING).stream().collect(Collectors.toSet());
    }

    /** {@code .<name>.tmp} beside the target: hidden, so partners' systems never take it. */
    public static Path temporary(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    /** The owner of the {@code out/} a target is in: {@code mailboxes/<owner>/out/<name>}. */
    static String mailbox(Path target) {
        return target.getParent().getParent().getFileName().toString();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Step 2 for many files in one commit, with the caller's record; if another worker journaled one of them
     * first, one by one, the caller's record then in a commit of its own.
     */
    private void journalAll(List<Publication> fresh, Prepared written, Runnable recordedWithJournal) {
        if (fresh.isEmpty()) {
            if (recordedWithJournal != NO_RECORD) {
                ownCommit.executeWithoutResult(status -> recordedWithJournal.run());
            }
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try {
            ownCommit.executeWithoutResult(status -> {
                jdbc.batchUpdate(INSERT, fresh.stream().map(p -> row(p.kind(), p.subject(), p.target(),
                        written.written.get(p.target()), written.sha256(p.target()), now)).toList());
                fresh.forEach(p -> observed(p.kind(), p.target(), written.written.get(p.target()),
                        written.sha256(p.target())));
                recordedWithJournal.run();
            });
        } catch (DuplicateKeyException journaledMeanwhile) {
            for (Publication p : fresh) {
                try {
                    ownCommit.executeWithoutResult(status -> insert(p.kind(), p.subject(), p.target(),
                            written.written.get(p.target())));
                } catch (DuplicateKeyException another) {
                    // another worker journaled the same file first: its row (and temporary file) are the ones that count
                    LOG.debug("Publication {} journaled by another worker", p.target());
                }
            }
            if (recordedWithJournal != NO_RECORD) {
                ownCommit.executeWithoutResult(status -> recordedWithJournal.run());
            }
        }
    }

    private void insert(PublicationKind kind, String subject, Path target, byte[] bytes) {
        String sha256 = sha256(bytes);
        jdbc.update(INSERT, row(kind, subject, target, bytes, sha256, Timestamp.from(clock.instant())));
        observed(kind, target, bytes, sha256);
    }

    /** The observer (the AS2 outbox) hears of a journaled file in the commit that journals it. */
    private void observed(PublicationKind kind, Path target, byte[] bytes, String sha256) {
        observer.journaled(kind, mailbox(target), target.getFileName().toString(), sha256, bytes);
    }

    private static Object[] row(PublicationKind kind, String subject, Path target, byte[] bytes, String sha256,
                                Timestamp at) {
        return new Object[] {mailbox(target), target.getFileName().toString(), kind.name(), subject, sha256,
            (long) bytes.length, PENDING, at};
    }

    /**
     * Step 1: the temporary file written, and forced to disk when {@code durable} through the same open file (one
     * open and close per file, not one to write and another to force).
     */
    private static void writeTemporary(Path target, byte[] bytes, boolean durable) throws IOException {
        Path temporary = temporary(target);
        try {
            // the folder is created when it is missing, not checked before each file (a mkdir per file was a
            // system call that waits on the file system's journal: routing's profile, docs/benchmarks.md)
            AtomicFiles.inFolderMadeWhenMissing(target.getParent(), () -> {
                write(temporary, bytes, durable);
                return temporary;
            });
        } catch (IOException | RuntimeException failed) {
            AtomicFiles.discard(temporary, failed);
            throw failed;
        }
    }

    private static void write(Path file, byte[] bytes, boolean durable) throws IOException {
        if (durable) {
            AtomicFiles.writeDurably(file, bytes);
        } else {
            Files.write(file, bytes);
        }
    }

    private static byte[] make(Content content, Path target) throws IOException {
        try {
            return content.bytes();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Could not make the content of " + target + ": " + e.getMessage(), e);
        }
    }
}
