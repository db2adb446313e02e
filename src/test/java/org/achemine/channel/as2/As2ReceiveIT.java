package org.achemine.channel.as2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.helger.as2lib.client.AS2ClientResponse;
import com.helger.as2lib.util.AS2Helper;
import com.helger.as2lib.util.AS2ResourceHelper;
import com.sun.net.httpserver.HttpServer;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.achemine.directory.DirectoryImporter;
import org.achemine.testing.OwnDataFolder;
import org.achemine.testing.SampleDirectory;
import org.achemine.testing.SampleInvoices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A supplier's AS2 system (as2-lib's client) sends flows to the engine's endpoint on 127.0.0.1 (any free port),
 * signed, encrypted and compressed: each becomes a flow with the verdict the same file gets when dropped, the
 * receipt is signed and carries the right MIC, a replay makes no second flow, and whatever cannot be trusted
 * is answered a negative receipt with nothing written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet", "achemine.as2.enabled=true",
        "achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=300ms", "achemine.routing.trigger-delay=300ms",
        "achemine.partners[0].code=FOU001", "achemine.partners[0].role=ISSUER",
        "achemine.partners[1].code=FOU002", "achemine.partners[1].role=ISSUER",
        "achemine.partners[2].code=COL001", "achemine.partners[2].role=RECIPIENT",
        "achemine.partners[2].siret=21690012600014", "achemine.partners[2].delivery-format=original"})
class As2ReceiveIT extends OwnDataFolder {

    static final TestKeys OURS = TestKeys.valid("achemine");
    static final TestKeys SUPPLIER = TestKeys.valid("fou001");

    @DynamicPropertySource
    static void as2Keystore(DynamicPropertyRegistry registry) {
        OURS.writeAsEngineKeystore(dataDir.resolve("as2/keystore.p12"), "achemine");
    }

    @LocalServerPort
    int port;

    @Autowired
    As2Partners partners;

    @Autowired
    DirectoryImporter directoryImporter;

    @Autowired
    JdbcTemplate jdbc;

    private static boolean registered;

    @BeforeEach
    void registerTheSupplierOnce() throws Exception {
        if (registered) {
            return;
        }
        SampleDirectory.importInto(directoryImporter, dataDir);
        partners.set("FOU001", "FOU001-AS2", "http://127.0.0.1:9/as2", SUPPLIER.pem(), "ACHEMINE",
                OURS.certificate());
        registered = true;
    }

    PartnerAs2Client supplier() {
        return new PartnerAs2Client(SUPPLIER, "FOU001-AS2", OURS.certificate(), "http://127.0.0.1:" + port + "/as2");
    }

    @Test
    void aSignedEncryptedCompressedInvoiceBecomesAFlowAndGetsASignedReceiptWithItsMic() throws Exception {
        // given an invoice on the supplier's system
        byte[] invoice = SampleInvoices.ubl("F-AS2-001", "21690012600014", "SCE-TECH-042", null);

        // when it sends it over AS2 with a synchronous signed receipt
        PartnerAs2Client client = supplier();
        AS2ClientResponse response = client.send("facture-as2.xml", invoice, null, null);

        // then the receipt says processed, its signature is ours and its MIC is the one the client computed
        assertThat(response.hasException()).as(String.valueOf(response.getException())).isFalse();
        assertThat(response.getMDNDisposition()).isEqualTo(Receipts.PROCESSED);
        assertThat(response.getMDNVerificationCertificate()).isEqualTo(OURS.certificate());
        assertThat(client.micMatched()).isTrue();

        // and the file is taken like a dropped one: a flow, its deposit report in out/, the Message-ID kept
        String state = await().atMost(Duration.ofSeconds(60)).until(() -> flowState("facture-as2.xml"),
                s -> s != null);
        assertThat(state).isEqualTo("IN_INTEGRE");
        assertThat(messageIds("facture-as2.xml")).containsExactly(response.getOriginalMessageID());
        // the flow itself says it arrived by AS2, with that message's Message-ID as its session
        assertThat(jdbc.queryForMap("SELECT channel, channel_session FROM flow WHERE original_name = ?",
                "facture-as2.xml")).containsEntry("CHANNEL", "as2")
                .containsEntry("CHANNEL_SESSION", response.getOriginalMessageID());
        assertThat(audit("FOU001")).contains("RECEIVED");
    }

    @Test
    void aFlowSentOverAs2GetsTheVerdictOfTheSameFileDropped() throws Exception {
        // given demo samples: valid UBL and CII, an XSD error, a hostile one, a national rule broken
        List<String> samples = List.of("ubl/invoice-valid.xml", "cii/invoice-valid.xml", "invalid/xsd-error.xml",
                "invalid/billion-laughs.xml", "national/ko-numero-facture-long.xml");
        PartnerAs2Client client = supplier();
        for (String sample : samples) {
            byte[] content = Files.readAllBytes(Path.of("samples").resolve(sample));
            String name = sample.replace('/', '-');
            // when FOU001 sends each over AS2 and FOU002 drops the same bytes in its in/
            AS2ClientResponse response = client.send("as2-" + name, content, null, null);
            assertThat(response.getMDNDisposition()).as(sample).isEqualTo(Receipts.PROCESSED);
            SampleInvoices.drop(dataDir.resolve("mailboxes/FOU002/in"), "drop-" + name, content);
        }
        // then each pair of flows gets the same state and the same finding codes
        for (String sample : samples) {
            String name = sample.replace('/', '-');
            await().atMost(Duration.ofSeconds(120)).until(() -> flowState("as2-" + name) != null
                    && flowState("drop-" + name) != null);
            assertThat(flowState("as2-" + name)).as(sample).isEqualTo(flowState("drop-" + name));
            assertThat(findings("as2-" + name)).as(sample).isEqualTo(findings("drop-" + name));
        }
        assertThat(flowState("as2-invalid-xsd-error.xml")).isEqualTo("IN_REJETE");
    }

    @Test
    void anAsynchronousReceiptIsPostedToTheUrlTheSenderAsked() throws Exception {
        // given the supplier's receipt listener on 127.0.0.1
        BlockingQueue<String[]> receipts = new LinkedBlockingQueue<>();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/mdn", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            receipts.add(new String[] {exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, StandardCharsets.ISO_8859_1)});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        listener.start();
        try {
            // when it sends an invoice asking for an asynchronous receipt
            String url = "http://127.0.0.1:" + listener.getAddress().getPort() + "/mdn";
            AS2ClientResponse response = supplier().send("facture-async.xml",
                    SampleInvoices.ubl("F-AS2-ASYNC", "21690012600014", "SCE-TECH-042", null), null, url);
            assertThat(response.hasException()).as(String.valueOf(response.getException())).isFalse();

            // then a receipt signed by us arrives there, processed, for that message, once the file is stored
            String[] receipt = receipts.poll(60, TimeUnit.SECONDS);
            assertThat(receipt).isNotNull();
            assertThat(receipt[0]).startsWith("multipart/signed");
            assertThat(receipt[1]).contains("Original-Message-ID: " + response.getOriginalMessageID())
                    .contains("Disposition: " + Receipts.PROCESSED).contains("Received-Content-MIC: ");
            MimeBodyPart signed = new MimeBodyPart();
            signed.setDataHandler(new DataHandler(new ByteArrayDataSource(
                    receipt[1].getBytes(StandardCharsets.ISO_8859_1), receipt[0])));
            signed.setHeader("Content-Type", receipt[0]);
            assertThat(AS2Helper.getCryptoHelper().verify(signed, OURS.certificate(), false, true, null,
                    new AS2ResourceHelper())).isNotNull();
            assertThat(await().atMost(Duration.ofSeconds(60)).until(() -> flowState("facture-async.xml"),
                    s -> s != null)).isEqualTo("IN_INTEGRE");
        } finally {
            listener.stop(0);
        }
    }

    @Test
    void aReplayedMessageMakesNoSecondFlowAndGetsTheSameReceipt() throws Exception {
        // given a message sent and answered
        byte[] invoice = SampleInvoices.ubl("F-AS2-REPLAY", "21690012600014", "SCE-TECH-042", null);
        PartnerAs2Client client = supplier();
        AS2ClientResponse first = client.send("facture-rejouee.xml", invoice, "replay-1@FOU001-AS2", null);
        assertThat(first.getMDNDisposition()).isEqualTo(Receipts.PROCESSED);
        await().atMost(Duration.ofSeconds(60)).until(() -> flowState("facture-rejouee.xml") != null);

        // when the supplier's system, which lost the receipt, sends it again with the same Message-ID
        AS2ClientResponse again = client.send("facture-rejouee.xml", invoice, "replay-1@FOU001-AS2", null);

        // then it gets a processed receipt with a matching MIC, and no second file or flow is made
        assertThat(again.getMDNDisposition()).isEqualTo(Receipts.PROCESSED);
        assertThat(client.micMatched()).isTrue();
        assertThat(again.getMDNText()).isEqualTo(first.getMDNText());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM as2_received WHERE message_id = ?", Integer.class,
                first.getOriginalMessageID())).isEqualTo(1);
        assertThat(Files.list(dataDir.resolve("mailboxes/FOU001/in"))
                .filter(p -> p.getFileName().toString().contains("facture-rejouee"))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE original_name LIKE 'facture-rejouee%'",
                Integer.class)).isEqualTo(1);
        assertThat(audit("FOU001")).contains("REPLAYED");
    }

    @Test
    void whatCannotBeTrustedGetsANegativeReceiptAndNothingIsWritten() throws Exception {
        RawAs2Sender raw = new RawAs2Sender("http://127.0.0.1:" + port + "/as2");
        byte[] invoice = SampleInvoices.ubl("F-AS2-REFUS", "21690012600014", "SCE-TECH-042", null);
        long filesBefore = filesIn("FOU001");

        // an unknown sender
        assertThat(raw.post("NOBODY-AS2", "<refus-1@x>", invoice, SUPPLIER, s -> s, OURS.certificate()).body())
                .contains("processed/error: authentication-failed");
        // the supplier's AS2 id, signed with a key that is not its registered certificate's
        assertThat(raw.post("FOU001-AS2", "<refus-2@x>", invoice, TestKeys.valid("intrus"), s -> s,
                OURS.certificate()).body()).contains("processed/error: integrity-check-failed");
        // its signature, over content changed on the way
        assertThat(raw.post("FOU001-AS2", "<refus-3@x>", invoice, SUPPLIER,
                s -> s.replace("F-AS2-REFUS", "F-AS2-REFUX"), OURS.certificate()).body())
                .contains("processed/error: integrity-check-failed");
        // encrypted for another certificate than ours
        assertThat(raw.post("FOU001-AS2", "<refus-4@x>", invoice, SUPPLIER, s -> s,
                TestKeys.valid("autre").certificate()).body()).contains("processed/error: decryption-failed");
        // and, as a control, the same message untouched is accepted
        assertThat(raw.post("FOU001-AS2", "<refus-5@x>", invoice, SUPPLIER, s -> s, OURS.certificate()).body())
                .contains("Disposition: " + Receipts.PROCESSED + "\r\n");

        assertThat(jdbc.queryForList("SELECT message_id FROM as2_audit WHERE event = 'REFUSED' ORDER BY id",
                String.class)).contains("<refus-1@x>", "<refus-2@x>", "<refus-3@x>", "<refus-4@x>");
        assertThat(jdbc.queryForList("SELECT message_id FROM as2_received", String.class))
                .doesNotContain("<refus-1@x>", "<refus-2@x>", "<refus-3@x>", "<refus-4@x>").contains("<refus-5@x>");
        assertThat(filesIn("FOU001")).isLessThanOrEqualTo(filesBefore + 1);
    }

    @Test
    void anExpiredCertificateIsRefusedAtRegistration() {
        assertThatThrownBy(() -> partners.set("FOU002", "FOU002-AS2", "http://127.0.0.1:9/as2",
                TestKeys.expired("fou002").pem(), "ACHEMINE", OURS.certificate()))
                .isInstanceOf(As2RefusedException.class).hasMessageContaining("a expiré le");
        assertThat(partners.find("FOU002")).isEmpty();
    }

    private String flowState(String name) {
        return jdbc.query("SELECT flow_state FROM flow WHERE original_name = ? AND stage = 'REPORTED'",
                (rs, n) -> rs.getString(1), name).stream().findFirst().orElse(null);
    }

    private List<String> messageIds(String name) {
        Map<String, Object> flow = jdbc.queryForMap("SELECT partner, sha256 FROM flow WHERE original_name = ?", name);
        return new ReceivedMessages(jdbc).messageIdsOf((String) flow.get("PARTNER"), name, (String) flow.get("SHA256"));
    }

    private List<String> findings(String name) {
        return jdbc.queryForList("SELECT f.code FROM flow_finding f JOIN flow w ON w.flow_id = f.flow_id"
                + " WHERE w.original_name = ? ORDER BY f.doc_rank, f.finding_rank", String.class, name);
    }

    private long filesIn(String partner) throws java.io.IOException {
        try (var files = Files.list(dataDir.resolve("mailboxes").resolve(partner).resolve("in"))) {
            return files.count();
        }
    }

    private List<String> audit(String partner) {
        return jdbc.queryForList("SELECT event FROM as2_audit WHERE partner_code = ? ORDER BY id", String.class, partner);
    }
}
