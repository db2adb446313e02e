package org.achemine.soak;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.achemine.channel.as2.PartnerAs2Server;
import org.achemine.channel.as2.TestKeys;
import org.achemine.publication.PublicationJournal;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The soak's partners receiving over AS2 ({@code scripts/soak.sh --as2}): one as2-lib server each on 127.0.0.1,
 * alive across the engine's kills, that opens what the engine pushes (our signature checked, decrypted with the
 * partner's key), keeps each Message-ID once and answers a signed receipt with the MIC. At the end,
 * {@link #check} holds what they received against what the engine published and acknowledged.
 */
final class As2PartnerServers implements AutoCloseable {

    /**
     * What the partners' servers received. {@code lost}: a file published in an AS2 partner's {@code out/} that its
     * server never received, or an outbox entry still waiting; {@code duplicated}: one file received under two
     * Message-IDs; {@code orphaned}: a Message-ID received that the outbox does not know.
     */
    record Tally(int published, int received, int resent, int waiting, int lost, int duplicated, int orphaned) {

        String describe() {
            return String.format("as2 pushes: %d files published to AS2 partners, %d received by their servers"
                            + " (each once by Message-ID), %d requests sent again under their Message-ID, %d still"
                            + " waiting in the outbox; lost %d, duplicated %d, orphaned %d",
                    published, received, resent, waiting, lost, duplicated, orphaned);
        }
    }

    private record Queued(String partner, String fileName, String sha256, String messageId, String state) {
    }

    private final Map<String, PartnerAs2Server> servers = new HashMap<>();

    /** @param keys each partner's key (the certificate registered with the engine), by partner code */
    As2PartnerServers(Map<String, TestKeys> keys, X509Certificate achemine) throws IOException {
        for (Map.Entry<String, TestKeys> key : keys.entrySet()) {
            servers.put(key.getKey(), new PartnerAs2Server(key.getValue(), achemine));
        }
    }

    String url(String partner) {
        return servers.get(partner).url();
    }

    /** Requests seen by each server: changes while the engine still pushes. */
    String requestCounts() {
        StringBuilder counts = new StringBuilder("as2 requests:");
        servers.forEach((partner, server) -> counts.append(' ').append(partner).append('=').append(server.requestCount()));
        return counts.toString();
    }

    /** Compares what each server received with the stopped engine's publication journal and AS2 outbox. */
    Tally check(JdbcTemplate jdbc) {
        List<Queued> queued = jdbc.query("SELECT partner_code, file_name, sha256, message_id, state FROM as2_outbox",
                (rs, i) -> new Queued(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
        List<String[]> published = jdbc.query("SELECT mailbox, file_name, sha256 FROM publication WHERE state ="
                        + " 'PUBLISHED' AND mailbox IN (SELECT partner_code FROM partner_as2)",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        int lost = 0;
        for (String[] file : published) {
            boolean received = queued.stream().anyMatch(q -> q.partner().equals(file[0])
                    && q.fileName().equals(file[1]) && q.sha256().equals(file[2]) && receivedAsQueued(q));
            if (!received) {
                lost++;
                System.out.println("AS2 PUSH NOT RECEIVED " + String.join("/", file));
            }
        }
        int waiting = (int) queued.stream().filter(q -> "WAITING".equals(q.state())).count();
        queued.stream().filter(q -> "WAITING".equals(q.state()))
                .forEach(q -> System.out.println("AS2 PUSH STILL WAITING " + q));
        int received = 0;
        int resent = 0;
        int duplicated = 0;
        int orphaned = 0;
        for (Map.Entry<String, PartnerAs2Server> server : servers.entrySet()) {
            Map<String, PartnerAs2Server.Delivered> delivered = server.getValue().received();
            received += delivered.size();
            resent += server.getValue().requestCount() - delivered.size();
            Set<String> files = new HashSet<>();
            for (PartnerAs2Server.Delivered file : delivered.values()) {
                String sha256 = PublicationJournal.sha256(file.content());
                if (!files.add(file.fileName() + " " + sha256)) {
                    duplicated++;
                    System.out.println("AS2 PUSH RECEIVED TWICE " + server.getKey() + "/" + file.fileName());
                }
                boolean known = queued.stream().anyMatch(q -> q.partner().equals(server.getKey())
                        && file.messageId().equals("<" + q.messageId() + ">"));
                if (!known) {
                    orphaned++;
                    System.out.println("AS2 PUSH RECEIVED, UNKNOWN TO THE OUTBOX " + file.messageId());
                }
            }
        }
        return new Tally(published.size(), received, resent, waiting, lost, duplicated, orphaned);
    }

    /** Acknowledged, and received by the partner's server under its Message-ID, byte for byte. */
    private boolean receivedAsQueued(Queued queued) {
        PartnerAs2Server.Delivered file = servers.get(queued.partner()).received().get("<" + queued.messageId() + ">");
        return "ACKNOWLEDGED".equals(queued.state()) && file != null && file.fileName().equals(queued.fileName())
                && PublicationJournal.sha256(file.content()).equals(queued.sha256());
    }

    @Override
    public void close() {
        servers.values().forEach(PartnerAs2Server::close);
    }
}
