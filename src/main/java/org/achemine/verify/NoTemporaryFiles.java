package org.achemine.verify;

import java.io.IOException;
import java.nio.file.Path;

/**
 * No temporary file of an interrupted write is left: {@code .<name>.tmp} in any {@code out/}, anything in
 * {@code archive/.staging}. The engine removes them when it starts, so after a clean stop there are none.
 */
final class NoTemporaryFiles implements Invariant {

    static final String TEMPORARY = "fichiers temporaires (out/, archive/.staging)";

    @Override
    public String name() {
        return "no temporary file left";
    }

    @Override
    public void check(DataFolder data, VerificationReport.Builder report) throws IOException {
        report.count(TEMPORARY);
        for (Path mailbox : data.mailboxFolders()) {
            for (Path out : DataFolder.outboxes(mailbox)) {
                DataFolder.forEachFileBatch(out, DataFolder::isOurTemporary,
                        files -> files.forEach(file -> temporary(report, file)));
            }
        }
        DataFolder.forEachFileBatch(data.mailboxes().archiveRoot().resolve(".staging"), name -> true,
                files -> files.forEach(file -> temporary(report, file)));
    }

    private static void temporary(VerificationReport.Builder report, Path file) {
        report.add(TEMPORARY);
        report.violation(ViolationCode.INV_FICHIER_TEMPORAIRE, "fichier " + file + " : temporaire d'une écriture interrompue");
    }
}
