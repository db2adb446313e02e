package org.achemine.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.achemine.archive.FlowArchive;

/**
 * A file left in a partner's {@code in/} is either waiting to be taken (pending; a violation once drained)
 * or, when a flow with the same partner, name and SHA-256 says its source was removed, a take that did not
 * finish removing it (it would be taken twice). Partners' own temporary names are their business: counted.
 * What the engine's permissions keep it from taking ever (an {@code in/} it may not list, a folder in it
 * without write permission, so it cannot be moved) is a violation at once, never merely pending: nothing
 * changes until its permissions do. Judged with the rights of whoever runs {@code verify} (the engine's user).
 */
final class InboxesTaken implements Invariant {

    static final String WAITING = "fichiers en attente dans in/";
    static final String PARTNER_TEMPORARY = "fichiers temporaires des partenaires dans in/";

    private record Taken(String sha256, boolean sourceRemoved) {
    }

    @Override
    public String name() {
        return "inboxes taken";
    }

    @Override
    public void check(DataFolder data, VerificationReport.Builder report) throws IOException {
        report.count(WAITING);
        for (Path mailbox : data.mailboxFolders()) {
            String partner = mailbox.getFileName().toString();
            for (Path in : DataFolder.inboxes(mailbox)) {
                try {
                    checkInbox(data, report, partner, in);
                } catch (AccessDeniedException closed) {
                    report.violation(ViolationCode.INV_ENTREE_ILLISIBLE, "dossier " + in + " : illisible (droits "
                            + permissions(in) + "), rien de ce qui y est déposé n'est pris");
                }
            }
        }
    }

    private static void checkInbox(DataFolder data, VerificationReport.Builder report, String partner, Path in)
            throws IOException {
        DataFolder.forEachFileBatch(in, name -> true, files -> {
            for (Path file : files) {
                try {
                    check(data, report, partner, file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        // folders, links and special files are taken too (unread): one left in in/ is waiting as well
        DataFolder.forEachOtherEntry(in, entry -> {
            String name = entry.getFileName().toString();
            if (name.startsWith(".") || name.endsWith(".tmp") || name.endsWith(".part")) {
                report.add(PARTNER_TEMPORARY);
            } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(entry)) {
                // a folder changes parents only with write permission on itself: the take cannot move it
                report.violation(ViolationCode.INV_ENTREE_ILLISIBLE, "dossier " + entry + " : le moteur ne peut"
                        + " pas le retirer de in/ (droits " + permissions(entry) + "), il y reste sans réponse");
            } else {
                report.pending(WAITING, ViolationCode.INV_ENTREE_NON_PRISE, (Files.isDirectory(entry,
                        LinkOption.NOFOLLOW_LINKS) ? "dossier " : "entrée ") + entry + " : pas encore prise");
            }
        });
    }

    private static void check(DataFolder data, VerificationReport.Builder report, String partner, Path file)
            throws IOException {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || name.endsWith(".tmp") || name.endsWith(".part")) {
            report.add(PARTNER_TEMPORARY);
            return;
        }
        List<Taken> flows = data.jdbc().query("SELECT sha256, source_removed FROM flow WHERE partner = ? AND original_name = ?",
                (rs, i) -> new Taken(rs.getString(1), rs.getBoolean(2)), partner, name);
        if (!flows.isEmpty() && !Files.isReadable(file)) {
            // closed to us: the engine takes it unread (IRR_FICHIER_ILLISIBLE); its content cannot be compared
            report.pending(WAITING, ViolationCode.INV_ENTREE_NON_PRISE, "fichier " + file + " : pas encore pris (droits "
                    + permissions(file) + ")");
            return;
        }
        String sha256 = flows.isEmpty() ? null : FlowArchive.sha256Of(file);
        if (flows.stream().anyMatch(f -> f.sourceRemoved() && f.sha256().equals(sha256))) {
            report.violation(ViolationCode.INV_SOURCE_NON_RETIREE, "fichier " + file
                    + " : encore dans in/ alors que son flux (même nom, même SHA-256) est marqué retiré");
        } else {
            report.pending(WAITING, ViolationCode.INV_ENTREE_NON_PRISE, "fichier " + file + " : pas encore pris");
        }
    }

    private static String permissions(Path entry) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(entry, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException unknown) {
            return "?";
        }
    }
}
