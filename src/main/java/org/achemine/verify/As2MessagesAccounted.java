package org.achemine.verify;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The AS2 channel's tables agree with the flows and the publication journal: every message we answered with a
 * receipt became a flow (or its payload still waits in {@code in/}, under its name or the receiver's temporary
 * {@code .<name>.as2}); every push a partner acknowledged was a file the journal says was published; and, once
 * drained, nothing waits in the outbox that was never even tried.
 */
final class As2MessagesAccounted implements Invariant {

    static final String RECEIVED = "messages AS2 reçus (MDN envoyé)";
    static final String RECEIVED_WAITING = "messages AS2 pas encore pris dans in/";
    static final String ACKNOWLEDGED = "envois AS2 acquittés";
    static final String RETRYING = "envois AS2 en attente de MDN (déjà tentés)";
    static final String NEVER_TRIED = "envois AS2 jamais tentés";

    private record Received(String key, String partner, String messageId, String fileName, long flows) {
    }

    private record Pushed(String messageId, String partner, String fileName, String state, int attempts,
                          long published) {
    }

    @Override
    public String name() {
        return "every AS2 message answered by a flow, every AS2 push acknowledged for a published file";
    }

    @Override
    public void check(DataFolder data, VerificationReport.Builder report) {
        report.count(RECEIVED).count(RECEIVED_WAITING).count(ACKNOWLEDGED).count(RETRYING).count(NEVER_TRIED);
        data.forEachRow("""
                SELECT r.partner_code || '/' || r.message_id, r.partner_code, r.message_id, r.file_name,
                       (SELECT COUNT(*) FROM flow f WHERE f.partner = r.partner_code AND f.original_name = r.file_name
                        AND f.sha256 = r.sha256)
                FROM as2_received r WHERE r.partner_code || '/' || r.message_id > ?
                ORDER BY r.partner_code || '/' || r.message_id LIMIT ?""",
                (rs, i) -> new Received(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)),
                Received::key,
                row -> received(data, report, row));
        data.forEachRow("""
                SELECT o.message_id, o.partner_code, o.file_name, o.state, o.attempts,
                       (SELECT COUNT(*) FROM publication p WHERE p.mailbox = o.partner_code
                        AND p.file_name = o.file_name AND p.sha256 = o.sha256 AND p.state = 'PUBLISHED')
                FROM as2_outbox o WHERE o.message_id > ? ORDER BY o.message_id LIMIT ?""",
                (rs, i) -> new Pushed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getLong(6)),
                Pushed::messageId,
                row -> pushed(report, row));
    }

    private static void received(DataFolder data, VerificationReport.Builder report, Received row) {
        report.add(RECEIVED);
        if (row.flows() > 0) {
            return;
        }
        Path in = data.mailboxes().mailboxesRoot().resolve(row.partner()).resolve("in");
        // the receiver's temporary name (As2Receiver.temporary): a start-up renames it into in/
        if (Files.exists(in.resolve(row.fileName()), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(in.resolve("." + row.fileName() + ".as2"), LinkOption.NOFOLLOW_LINKS)) {
            report.pending(RECEIVED_WAITING, ViolationCode.INV_AS2_SANS_FLUX, "message AS2 " + row.messageId()
                    + " de " + row.partner() + " : " + row.fileName() + " attend encore dans in/");
            return;
        }
        report.violation(ViolationCode.INV_AS2_SANS_FLUX, "message AS2 " + row.messageId() + " de " + row.partner()
                + " : acquitté (MDN) mais ni flux " + row.fileName() + " de ce contenu, ni fichier dans in/");
    }

    private static void pushed(VerificationReport.Builder report, Pushed row) {
        if ("ACKNOWLEDGED".equals(row.state())) {
            report.add(ACKNOWLEDGED);
            if (row.published() == 0) {
                report.violation(ViolationCode.INV_AS2_ENVOI_NON_PUBLIE, "envoi AS2 " + row.messageId() + " à "
                        + row.partner() + " : " + row.fileName() + " acquitté, sans publication journalisée de ce contenu");
            }
        } else if (row.attempts() > 0) {
            report.add(RETRYING);
        } else {
            report.pending(NEVER_TRIED, ViolationCode.INV_AS2_ENVOI_JAMAIS_TENTE, "envoi AS2 " + row.messageId()
                    + " à " + row.partner() + " : " + row.fileName() + " attend, jamais tenté");
        }
    }
}
