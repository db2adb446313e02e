package org.achemine.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.achemine.archive.FlowArchive;

/**
 * A file left in a partner's {@code in/} is either waiting to be taken (pending; a violation once drained)
 * or, when a flow with the same partner, name and SHA-256 says its source was removed, a take that did not
 * finish removing it (it would be taken twice). Partners' own temporary names are their business: counted.
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
            DataFolder.forEachFileBatch(mailbox.resolve("in"), name -> true, files -> {
                for (Path file : files) {
                    try {
                        check(data, report, partner, file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            // folders, links and special files are taken too (unread): one left in in/ is waiting as well
            DataFolder.forEachOtherEntry(mailbox.resolve("in"), entry -> {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".tmp") || name.endsWith(".part")) {
                    report.add(PARTNER_TEMPORARY);
                } else {
                    report.pending(WAITING, ViolationCode.INV_ENTREE_NON_PRISE, (Files.isDirectory(entry,
                            LinkOption.NOFOLLOW_LINKS) ? "dossier " : "entrée ") + entry + " : pas encore prise");
                }
            });
        }
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
        String sha256 = flows.isEmpty() ? null : FlowArchive.sha256Of(file);
        if (flows.stream().anyMatch(f -> f.sourceRemoved() && f.sha256().equals(sha256))) {
            report.violation(ViolationCode.INV_SOURCE_NON_RETIREE, "fichier " + file
                    + " : encore dans in/ alors que son flux (même nom, même SHA-256) est marqué retiré");
        } else {
            report.pending(WAITING, ViolationCode.INV_ENTREE_NON_PRISE, "fichier " + file + " : pas encore pris");
        }
    }
}
