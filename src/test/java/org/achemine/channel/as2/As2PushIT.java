package org.achemine.channel.as2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.achemine.directory.DirectoryImporter;
import org.achemine.publication.PublicationJournal;
import org.achemine.testing.OwnDataFolder;
import org.achemine.testing.SampleDirectory;
import org.achemine.testing.SampleInvoices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reports and deliveries published in the {@code out/} of partners connected over AS2 are pushed to their AS2
 * server (one in the test, on 127.0.0.1), retried while it is down, and acknowledged by its signed receipt;
 * each file arrives under one Message-ID, byte for byte as published.
 */
@SpringBootTest(properties = {"achemine.as2.enabled=true", "achemine.as2.outbox-interval=200ms",
        "achemine.as2.retry-first=300ms", "achemine.as2.retry-max=2s",
        "achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=300ms", "achemine.routing.trigger-delay=300ms",
        "achemine.partners[0].code=FOU001", "achemine.partners[0].role=ISSUER",
        "achemine.partners[1].code=COL001", "achemine.partners[1].role=RECIPIENT",
        "achemine.partners[1].siret=21690012600014", "achemine.partners[1].delivery-format=original"})
class As2PushIT extends OwnDataFolder {

    static final TestKeys OURS = TestKeys.valid("achemine");
    static final TestKeys PARTNERS = TestKeys.valid("partenaires");
    static PartnerAs2Server server;

    @DynamicPropertySource
    static void as2Partner(DynamicPropertyRegistry registry) throws Exception {
        OURS.writeAsEngineKeystore(dataDir.resolve("as2/keystore.p12"), "achemine");
        server = new PartnerAs2Server(PARTNERS, OURS.certificate());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Autowired
    As2Partners partners;

    @Autowired
    DirectoryImporter directoryImporter;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDepositReportAndTheDeliveryArePushedRetriedWhileTheServerIsDownAndAcknowledged() throws Exception {
        // given the supplier and the commune connected over AS2, and their server down for its next requests
        SampleDirectory.importInto(directoryImporter, dataDir);
        partners.set("FOU001", "FOU001-AS2", server.url(), PARTNERS.pem(), "ACHEMINE", OURS.certificate());
        partners.set("COL001", "COL001-AS2", server.url(), PARTNERS.pem(), "ACHEMINE", OURS.certificate());
        server.refuseNext.set(2);

        // when the supplier drops an invoice for the commune
        SampleInvoices.drop(dataDir.resolve("mailboxes/FOU001/in"), "facture-poussee.xml",
                SampleInvoices.ubl("F-AS2-PUSH", "21690012600014", "SCE-TECH-042", null));

        // then its deposit report and the delivered invoice reach the server and are acknowledged
        await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged().size() >= 2
                && acknowledged().stream().anyMatch(name -> name.endsWith(".cr.xml"))
                && acknowledged().stream().anyMatch(name -> name.endsWith("_facture-poussee.xml"))
                // the refused ones too, once retried: nothing waits
                && jdbc.queryForObject("SELECT COUNT(*) FROM as2_outbox WHERE state <> 'ACKNOWLEDGED'",
                        Integer.class) == 0);
        assertThat(server.requests.size()).isGreaterThan(server.byMessageId.size()); // the refused ones came again

        // each byte for byte as journaled, under one Message-ID each, and nothing waits
        for (Map<String, Object> row : jdbc.queryForList("SELECT o.message_id, o.file_name, p.sha256, o.attempts"
                + " FROM as2_outbox o JOIN publication p ON p.mailbox = o.partner_code AND p.file_name = o.file_name"
                + " WHERE o.state = 'ACKNOWLEDGED'")) {
            PartnerAs2Server.Delivered delivered = server.byMessageId.get("<" + row.get("MESSAGE_ID") + ">");
            assertThat(delivered).as("%s", row).isNotNull();
            assertThat(delivered.fileName()).isEqualTo(row.get("FILE_NAME"));
            assertThat(PublicationJournal.sha256(delivered.content())).isEqualTo(row.get("SHA256"));
        }
        assertThat(jdbc.queryForObject("SELECT MAX(attempts) FROM as2_outbox", Integer.class)).isGreaterThan(1);
        assertThat(jdbc.queryForList("SELECT event FROM as2_audit", String.class)).contains("PUSH_FAILED", "PUSHED");
        assertThat(Files.exists(dataDir.resolve("as2/outbox"))).isTrue();
    }

    private List<String> acknowledged() {
        return jdbc.queryForList("SELECT file_name FROM as2_outbox WHERE state = 'ACKNOWLEDGED'", String.class);
    }
}
