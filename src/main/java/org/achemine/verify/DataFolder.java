package org.achemine.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.achemine.qualification.Environment;
import org.achemine.mailbox.Mailboxes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What the invariants look at: the data folder's layout and its database, and whether the engine was
 * drained (then work still pending is a violation too). Paths recorded in the database are re-resolved
 * against the layout by their last names, so a data folder moved or restored elsewhere is still checked.
 *
 * @param drained the engine had nothing left to do when it stopped (the soak, after draining)
 */
public record DataFolder(Mailboxes mailboxes, JdbcTemplate jdbc, boolean drained) {

    /** Rows read per query: enough to be quick, few enough to stay flat on 100,000 flows. */
    static final int PAGE = 1_000;

    /**
     * Every row of a keyset-paged query, one page at a time. {@code sql} selects rows whose key (first column
     * of the mapped record, given by {@code key}) is greater than {@code ?}, ordered by it, {@code LIMIT ?}.
     */
    public <T> void forEachRow(String sql, RowMapper<T> mapper, Function<T, String> key,
                               Consumer<T> action) {
        String after = "";
        while (true) {
            List<T> page = jdbc.query(sql, mapper, after, PAGE);
            page.forEach(action);
            if (page.size() < PAGE) {
                return;
            }
            after = key.apply(page.get(page.size() - 1));
        }
    }

    /**
     * Every row of a table whose primary key is two columns (the publication journal: file name, mailbox), a page
     * at a time in the key's order. {@code rows} selects the rows after the key {@code (first, second)}, written
     * {@code first >= ? AND (first > ? OR second > ?)} (an index range on the key's first column, on H2 and
     * PostgreSQL alike), ordered by both, {@code LIMIT ?}. No query reads more than a page, however large the table.
     */
    public <T> void forEachRowByKeyPair(String rows, RowMapper<T> mapper, Function<T, String> first,
                                        Function<T, String> second, Consumer<T> action) {
        String afterFirst = "";
        String afterSecond = "";
        while (true) {
            List<T> page = jdbc.query(rows, mapper, afterFirst, afterFirst, afterSecond, PAGE);
            page.forEach(action);
            if (page.size() < PAGE) {
                return;
            }
            T last = page.get(page.size() - 1);
            afterFirst = first.apply(last);
            afterSecond = second.apply(last);
        }
    }

    /** A check of one row that reads files. */
    @FunctionalInterface
    public interface RowCheck<T> {
        void check(T row) throws IOException;
    }

    /** {@code check} as a row action for {@link #forEachRow}: a failure to read a file stops the invariant. */
    public static <T> Consumer<T> reading(RowCheck<T> check) {
        return row -> {
            try {
                check.check(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Rows whose id is among {@code ids}: {@code sql} ends with {@code IN (:ids)}. */
    public <T> List<T> rowsWithIds(String sql, Collection<String> ids, RowMapper<T> mapper) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return new NamedParameterJdbcTemplate(jdbc).query(sql, Map.of("ids", ids), mapper);
    }

    /** Every entry of {@code folder} that is not a regular file (a folder, a link, a special file), streamed. */
    public static void forEachOtherEntry(Path folder, Consumer<Path> action) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                entry -> !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS))) {
            entries.forEach(action);
        }
    }

    /**
     * The regular files of {@code folder} (not its sub-folders) whose name passes {@code filter}, handed over
     * {@link #PAGE} at a time, so a folder of 100,000 reports is never listed in memory at once.
     */
    public static void forEachFileBatch(Path folder, Predicate<String> filter, Consumer<List<Path>> batch)
            throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> files = new ArrayList<>(PAGE);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (filter.test(entry.getFileName().toString()) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(entry);
                    if (files.size() == PAGE) {
                        batch.accept(files);
                        files = new ArrayList<>(PAGE);
                    }
                }
            }
        }
        if (!files.isEmpty()) {
            batch.accept(files);
        }
    }

    /** A mailbox's {@code out/} and its qualification {@code qualif/out/} (ADR 0025), checked alike. */
    public static List<Path> outboxes(Path mailbox) {
        return List.of(mailbox.resolve("out"), mailbox.resolve(Environment.QUALIFICATION_FOLDER).resolve("out"));
    }

    /** A mailbox's {@code in/} and its qualification {@code qualif/in/}. */
    public static List<Path> inboxes(Path mailbox) {
        return List.of(mailbox.resolve("in"), mailbox.resolve(Environment.QUALIFICATION_FOLDER).resolve("in"));
    }

    /** Every mailbox folder ({@code mailboxes/<partner or SIRET>}), partners' and recipients' alike. */
    public List<Path> mailboxFolders() throws IOException {
        Path root = mailboxes.mailboxesRoot();
        List<Path> folders = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> all = Files.newDirectoryStream(root, Files::isDirectory)) {
                all.forEach(folders::add);
            }
        }
        folders.sort(null);
        return folders;
    }

    /** A file recorded in the database, found again under {@code folder} by its name. */
    public static Path underFolder(Path folder, String recordedPath) {
        return folder.resolve(Path.of(recordedPath).getFileName().toString());
    }

    /**
     * A report recorded in a partner's {@code out/} or {@code qualif/out/} (ADR 0025; which one, the recorded path
     * says), under this layout's same outbox.
     */
    public Path inOutbox(String partner, String recordedPath) {
        Path parent = Path.of(recordedPath).getParent();
        boolean qualification = parent != null && parent.getParent() != null && parent.getParent().getFileName() != null
                && Environment.QUALIFICATION_FOLDER.equals(parent.getParent().getFileName().toString());
        return underFolder(mailboxes.out(partner, Environment.of(qualification)), recordedPath);
    }

    /** An archived original recorded as {@code .../archive/yyyy/MM/dd/<flowId>}, under this layout's archive. */
    public Path archived(String recordedPath) {
        Path recorded = Path.of(recordedPath);
        int names = recorded.getNameCount();
        return names < 4 ? mailboxes.archiveRoot().resolve(recorded.getFileName())
                : mailboxes.archiveRoot().resolve(recorded.subpath(names - 4, names));
    }

    /** What the publication journal says of a file in an {@code out/}. */
    public enum Journaled {
        /** Renamed into place: in {@code out/}, or taken by the partner since. */
        PUBLISHED,
        /** Journaled, its temporary file not yet renamed. */
        PENDING,
        /** Never journaled: never published through the engine. */
        ABSENT
    }

    /** The journal's word on {@code mailboxes/<owner of folder>/out/<name>} (a recorded path, matched by its name). */
    public Journaled journaled(Path outbox, String recordedPath) {
        List<String> states = jdbc.queryForList("SELECT state FROM publication WHERE mailbox = ? AND file_name = ?",
                String.class, outbox.getParent().getFileName().toString(), Path.of(recordedPath).getFileName().toString());
        return states.isEmpty() ? Journaled.ABSENT : Journaled.valueOf(states.get(0));
    }

    /** Our own temporary files: {@code .<name>.tmp}, written then renamed (never seen by a partner). */
    public static boolean isOurTemporary(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(".tmp");
    }
}
