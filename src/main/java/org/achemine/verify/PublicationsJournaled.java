package org.achemine.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.achemine.archive.FlowArchive;

/**
 * The publication journal and the {@code out/} folders agree: every journaled file was renamed into place
 * (PENDING only while work is pending), a journaled file still in {@code out/} has the SHA-256 it was
 * published with, one no longer there was taken by its partner (counted, never a violation), and every file
 * in an {@code out/} was journaled (published by the engine, not dropped there by hand).
 */
final class PublicationsJournaled implements Invariant {

    static final String JOURNALED = "publications journalisées";
    static final String STILL_THERE = "publications encore dans out/";
    static final String TAKEN = "publications prises par le partenaire";
    static final String PENDING = "publications journalisées pas encore renommées";

    private record Row(String mailbox, String fileName, String sha256, String state) {
    }

    @Override
    public String name() {
        return "every publication journaled, once";
    }

    @Override
    public void check(DataFolder data, VerificationReport.Builder report) throws IOException {
        report.count(JOURNALED).count(STILL_THERE).count(TAKEN).count(PENDING);
        // by the primary key (file_name, mailbox), a range of it per page: never the whole journal per page
        data.forEachRowByKeyPair("""
                SELECT mailbox, file_name, sha256, state FROM publication
                WHERE file_name >= ? AND (file_name > ? OR mailbox > ?) ORDER BY file_name, mailbox LIMIT ?""",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                Row::fileName, Row::mailbox,
                DataFolder.reading(row -> check(data, report, row)));
        for (Path mailbox : data.mailboxFolders()) {
            String owner = mailbox.getFileName().toString();
            DataFolder.forEachFileBatch(mailbox.resolve("out"), name -> !DataFolder.isOurTemporary(name),
                    files -> unjournaled(data, report, owner, files));
        }
    }

    private static void check(DataFolder data, VerificationReport.Builder report, Row row) throws IOException {
        Path file = data.mailboxes().mailboxesRoot().resolve(row.mailbox()).resolve("out").resolve(row.fileName());
        report.add(JOURNALED);
        if ("PENDING".equals(row.state())) {
            report.pending(PENDING, ViolationCode.INV_PUBLICATION_INACHEVEE, "fichier " + file
                    + " : journalisé, jamais renommé en place (le prochain démarrage le termine)");
            return;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            report.add(TAKEN);
            return;
        }
        report.add(STILL_THERE);
        if (row.sha256() != null && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            String sha256 = FlowArchive.sha256Of(file);
            if (!sha256.equals(row.sha256())) {
                report.violation(ViolationCode.INV_PUBLICATION_ALTEREE, "fichier " + file + " : SHA-256 " + sha256
                        + ", " + row.sha256() + " publié");
            }
        }
    }

    private static void unjournaled(DataFolder data, VerificationReport.Builder report, String owner, List<Path> files) {
        Set<String> known = data.rowsWithIds("SELECT file_name FROM publication WHERE mailbox = '"
                        + owner.replace("'", "''") + "' AND file_name IN (:ids)",
                files.stream().map(f -> f.getFileName().toString()).toList(), (rs, i) -> rs.getString(1))
                .stream().collect(Collectors.toSet());
        for (Path file : files) {
            if (!known.contains(file.getFileName().toString())) {
                report.violation(ViolationCode.INV_PUBLICATION_NON_JOURNALISEE, "fichier " + file
                        + " : dans out/ sans publication journalisée");
            }
        }
    }
}
