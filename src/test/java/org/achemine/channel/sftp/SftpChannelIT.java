package org.achemine.channel.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.achemine.directory.DirectoryImporter;
import org.achemine.partner.PartnerRegistry;
import org.achemine.report.InvoiceQueries;
import org.achemine.report.InvoiceQueries.FlowDetail;
import org.achemine.testing.OwnDataFolder;
import org.achemine.testing.SampleDirectory;
import org.achemine.testing.SampleInvoices;
import org.apache.sshd.sftp.client.SftpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.integration.file.remote.session.Session;
import org.springframework.integration.sftp.filters.SftpSimplePatternFileListFilter;
import org.springframework.integration.sftp.inbound.SftpInboundFileSynchronizer;
import org.springframework.integration.sftp.session.DefaultSftpSessionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Partners connect over SFTP with OpenSSH's own {@code sftp} client, on 127.0.0.1, to the engine running with
 * its embedded server (any free port): deposit, collect, isolation, refusals, and the audit of each attempt.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=300ms", "achemine.routing.trigger-delay=300ms",
        "achemine.sftp.enabled=true", "achemine.sftp.port=0",
        "achemine.partners[0].code=FOU001", "achemine.partners[0].role=ISSUER",
        "achemine.partners[1].code=OPE001", "achemine.partners[1].role=ISSUER",
        "achemine.partners[1].mandates[0]=11111111111111",
        "achemine.partners[2].code=COL001", "achemine.partners[2].role=RECIPIENT",
        "achemine.partners[2].siret=21690012600014",
        // one EDI connection serving three public structures of the sample directory
        "achemine.partners[3].code=COL002", "achemine.partners[3].role=RECIPIENT",
        "achemine.partners[3].siret=23992383297190",
        "achemine.partners[3].sirets[0]=27991880965164", "achemine.partners[3].sirets[1]=22250648759988",
        // the originals, named after each uploaded file, show which structure's invoice arrived
        "achemine.partners[3].delivery-format=original"})
class SftpChannelIT extends OwnDataFolder {

    static final String SUPPLIER = "81234567600025"; // the sample invoice's seller

    @TempDir
    static Path client;

    @Autowired
    SftpServer server;

    @Autowired
    HostKey hostKey;

    @Autowired
    PartnerRegistry partners;

    @Autowired
    DirectoryImporter directoryImporter;

    @Autowired
    JdbcTemplate jdbc;

    private static boolean keysRegistered;
    private static Path supplierKey;
    private static Path operatorKey;
    private static Path recipientKey;

    @BeforeEach
    void registerEachPartnersKeyOnce() throws Exception {
        if (keysRegistered) {
            return;
        }
        SampleDirectory.importInto(directoryImporter, dataDir);
        supplierKey = OpenSshClient.newKey(client, "fou001");
        operatorKey = OpenSshClient.newKey(client, "ope001");
        recipientKey = OpenSshClient.newKey(client, "col002");
        partners.addKey("FOU001", SshKeys.read(OpenSshClient.publicKeyLine(supplierKey)));
        partners.addKey("OPE001", SshKeys.read(OpenSshClient.publicKeyLine(operatorKey)));
        partners.addKey("COL002", SshKeys.read(OpenSshClient.publicKeyLine(recipientKey)));
        keysRegistered = true;
    }

    @Test
    void aSupplierUploadsAnInvoiceThenDownloadsAndDeletesItsDepositReport() throws Exception {
        // given an invoice on the supplier's machine
        Path invoice = Files.write(client.resolve("facture-sftp.xml"),
                SampleInvoices.ubl("F-SFTP-001", "21690012600014", "SCE-TECH-042", null));
        OpenSshClient sftp = OpenSshClient.of(supplierKey, hostKey.publicKeyLine(), server.port(), client);

        // when it uploads it with OpenSSH's sftp
        OpenSshClient.Result upload = sftp.batch("FOU001", "cd in", "put " + invoice + " facture-sftp.xml");
        assertThat(upload.exitCode()).as(upload.output()).isZero();

        // then its deposit report appears in its out/, and it downloads then deletes it
        Path out = dataDir.resolve("mailboxes/FOU001/out");
        Path report = await().atMost(Duration.ofSeconds(60)).until(() -> find(out, "_facture-sftp.xml.cr.xml"),
                found -> found != null);
        String name = report.getFileName().toString();
        OpenSshClient.Result collect = sftp.batch("FOU001", "get out/" + name + " " + client.resolve(name),
                "rm out/" + name);
        assertThat(collect.exitCode()).as(collect.output()).isZero();
        assertThat(Files.readString(client.resolve(name))).contains("<Etat>IN_INTEGRE</Etat>").contains("F-SFTP-001");
        assertThat(out.resolve(name)).doesNotExist();

        // and the audit shows the login, the upload, the download and the deletion, with sizes
        assertThat(events("FOU001")).contains("LOGIN_OK", "UPLOAD /in/facture-sftp.xml " + Files.size(invoice),
                "DOWNLOAD /out/" + name + " " + Files.size(client.resolve(name)),
                "DELETE /out/" + name + " " + Files.size(client.resolve(name)));

        // and the flow records that it arrived over SFTP, in the session the audit shows uploading it
        String flowId = name.substring(0, name.indexOf('_'));
        FlowDetail flow = new InvoiceQueries(jdbc).flow(flowId).orElseThrow();
        assertThat(flow.channel()).isEqualTo("sftp");
        assertThat(flow.channelSession()).isNotBlank().isEqualTo(jdbc.queryForObject("SELECT session_ref FROM sftp_audit"
                + " WHERE event = 'UPLOAD' AND file = '/in/facture-sftp.xml'", String.class));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM channel_arrival WHERE file_name = 'facture-sftp.xml'",
                Integer.class)).as("the arrival claimed by the intake").isZero();
    }

    @Test
    void aSupplierTestsInItsQualificationMailboxOverSftpAndItsInvoiceIsNeverDelivered() throws Exception {
        // given an invoice for COL001's structure on the supplier's machine
        Path invoice = Files.write(client.resolve("facture-qualif.xml"),
                SampleInvoices.ubl("F-QUALIF-SFTP-1", "21690012600014", "SCE-TECH-042", null));
        OpenSshClient sftp = OpenSshClient.of(supplierKey, hostKey.publicKeyLine(), server.port(), client);

        // when it sees qualif/ beside in/ and out/, and uploads into qualif/in
        OpenSshClient.Result listing = sftp.batch("FOU001", "ls -1 /", "ls -1 qualif");
        assertThat(listing.exitCode()).as(listing.output()).isZero();
        assertThat(listing.output().lines().map(String::strip).toList()).contains("/qualif", "qualif/in", "qualif/out");
        OpenSshClient.Result upload = sftp.batch("FOU001", "cd qualif/in", "put " + invoice + " facture-qualif.xml");
        assertThat(upload.exitCode()).as(upload.output()).isZero();

        // then its deposit report appears in qualif/out (never in out/), and it downloads then deletes it there
        Path qualifOut = dataDir.resolve("mailboxes/FOU001/qualif/out");
        Path report = await().atMost(Duration.ofSeconds(60)).until(() -> find(qualifOut, "_facture-qualif.xml.cr.xml"),
                found -> found != null);
        String name = report.getFileName().toString();
        assertThat(dataDir.resolve("mailboxes/FOU001/out").resolve(name)).doesNotExist();
        OpenSshClient.Result collect = sftp.batch("FOU001", "get qualif/out/" + name + " " + client.resolve(name),
                "rm qualif/out/" + name);
        assertThat(collect.exitCode()).as(collect.output()).isZero();
        assertThat(Files.readString(client.resolve(name))).contains("<Etat>IN_INTEGRE</Etat>").contains("F-QUALIF-SFTP-1");
        assertThat(qualifOut.resolve(name)).doesNotExist();
        assertThat(events("FOU001")).contains("UPLOAD /qualif/in/facture-qualif.xml " + Files.size(invoice));

        // and the flow is a qualification flow, arrived over SFTP; once routed, its invoice went to no recipient
        awaitRouted("facture-qualif.xml");
        String flowId = name.substring(0, name.indexOf('_'));
        FlowDetail flow = new InvoiceQueries(jdbc).flow(flowId).orElseThrow();
        assertThat(flow.qualification()).isTrue();
        assertThat(flow.channel()).isEqualTo("sftp");
        assertThat(jdbc.queryForList("SELECT status FROM invoice WHERE flow_id = ? AND qualification = TRUE"
                + " AND delivery_path IS NULL AND recipient_siret IS NULL", String.class, flowId)).containsExactly("01");
        try (Stream<Path> delivered = Files.list(dataDir.resolve("mailboxes/COL001/out"))) {
            assertThat(delivered.map(Path::toString)).noneMatch(file -> file.contains(flowId));
        }
    }

    @Test
    void anUploadUnderATemporaryNameThenRenamedIsStillRecordedAsArrivedOverSftp() throws Exception {
        // given a client that uploads under a temporary name, then renames (a common habit)
        Path invoice = Files.write(client.resolve("renommee.xml"),
                SampleInvoices.ubl("F-RENOM-001", "21690012600014", "SCE-TECH-042", null));
        OpenSshClient sftp = OpenSshClient.of(supplierKey, hostKey.publicKeyLine(), server.port(), client);

        // when it does
        OpenSshClient.Result put = sftp.batch("FOU001", "put " + invoice + " in/renommee.xml.tmp",
                "rename in/renommee.xml.tmp in/renommee.xml");
        assertThat(put.exitCode()).as(put.output()).isZero();

        // then the flow taken under the final name says it arrived over SFTP
        awaitRouted("renommee.xml");
        assertThat(jdbc.queryForObject("SELECT channel FROM flow WHERE original_name = 'renommee.xml'", String.class))
                .isEqualTo("sftp");
    }

    @Test
    void aFileCopiedIntoInOutsideTheServerIsRecordedAsAFolderDrop() throws Exception {
        // given an invoice copied straight into the supplier's in/ (the server knows nothing of it)
        Path in = dataDir.resolve("mailboxes/FOU001/in");
        Files.write(in.resolve(".copie.xml.part"), SampleInvoices.ubl("F-COPIE-001", "21690012600014", "SCE-TECH-042", null));
        Files.move(in.resolve(".copie.xml.part"), in.resolve("copie.xml"));

        // when the intake takes it, then its flow says it came by folder, with no session
        awaitRouted("copie.xml");
        String flowId = jdbc.queryForObject("SELECT flow_id FROM flow WHERE original_name = 'copie.xml'", String.class);
        FlowDetail flow = new InvoiceQueries(jdbc).flow(flowId).orElseThrow();
        assertThat(flow.channel()).isEqualTo("folder");
        assertThat(flow.channelSession()).isNull();
    }

    @Test
    void aRecipientPartnerServingThreeStructuresReceivesTheirInvoicesInItsOneMailbox() throws Exception {
        // given three invoices for the three structures COL002 serves, uploaded by the supplier
        List<String> structures = List.of("23992383297190", "27991880965164", "22250648759988");
        OpenSshClient supplier = OpenSshClient.of(supplierKey, hostKey.publicKeyLine(), server.port(), client);
        for (int i = 0; i < structures.size(); i++) {
            Path invoice = Files.write(client.resolve("multi-" + i + ".xml"),
                    SampleInvoices.ubl("F-MULTI-00" + i, structures.get(i), null, null));
            assertThat(supplier.batch("FOU001", "put " + invoice + " in/multi-" + i + ".xml").exitCode()).isZero();
        }

        // when they are taken and routed, then the recipient partner finds all three in its one out/
        OpenSshClient recipient = OpenSshClient.of(recipientKey, hostKey.publicKeyLine(), server.port(), client);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            OpenSshClient.Result listing = recipient.batch("COL002", "ls -1 out");
            assertThat(listing.exitCode()).as(listing.output()).isZero();
            assertThat(listing.output()).contains("_multi-0.xml", "_multi-1.xml", "_multi-2.xml");
        });
        try (Stream<Path> files = Files.list(dataDir.resolve("mailboxes/COL002/out"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.contains("_multi-"))).hasSize(3);
        }
    }

    @Test
    void anOperatorDepositingForASupplierOutsideItsMandatesIsRefusedWithTheCode() throws Exception {
        // given OPE001 holds a mandate for supplier 11111111111111 only, and the invoice's seller is another one
        Path invoice = Files.write(client.resolve("hors-mandat.xml"),
                SampleInvoices.ubl("F-MANDAT-001", "21690012600014", "SCE-TECH-042", null));
        OpenSshClient operator = OpenSshClient.of(operatorKey, hostKey.publicKeyLine(), server.port(), client);

        // when the operator uploads it
        OpenSshClient.Result put = operator.batch("OPE001", "put " + invoice + " in/hors-mandat.xml");
        assertThat(put.exitCode()).as(put.output()).isZero();

        // then its deposit report refuses the invoice with DEP_HORS_MANDAT, naming the supplier
        Path out = dataDir.resolve("mailboxes/OPE001/out");
        Path report = await().atMost(Duration.ofSeconds(60)).until(() -> find(out, "_hors-mandat.xml.cr.xml"),
                found -> found != null);
        String xml = Files.readString(report);
        assertThat(xml).contains("<Etat>IN_REJETE</Etat>").contains("code=\"DEP_HORS_MANDAT\"").contains(SUPPLIER)
                .contains("<Controle nom=\"mandats\" resultat=\"INVALID\"");
        org.achemine.report.ReportSchema.validate(report);
    }

    @Test
    void aPartnerSeesOnlyItsOwnInAndOutAndCannotReachAnythingElse() throws Exception {
        // given a file of partner COL001 and a hidden upload of FOU001's own
        Files.writeString(dataDir.resolve("mailboxes/COL001/out/secret-col001.xml"), "<x/>");
        Path file = Files.writeString(client.resolve("probe.xml"), "<probe/>");
        OpenSshClient sftp = OpenSshClient.of(supplierKey, hostKey.publicKeyLine(), server.port(), client);
        assertThat(sftp.batch("FOU001", "put " + file + " in/.probe.part").exitCode()).isZero();

        // then its root holds only in and out, whatever way it climbs
        for (String climb : List.of("ls -1a /", "cd ..\nls -1a", "cd /../..\nls -1a", "ls -1a in/../..")) {
            OpenSshClient.Result listing = sftp.batch("FOU001", climb.split("\n"));
            assertThat(listing.exitCode()).as(climb + "\n" + listing.output()).isZero();
            assertThat(listing.output()).as(climb).contains("in").contains("out")
                    .doesNotContain("COL001").doesNotContain("archive").doesNotContain("db").doesNotContain("FOU001 ");
        }

        // and every attempt to reach another mailbox, the data folder, the archive or the database is refused
        List<String> refused = List.of(
                "ls ../COL001/out",
                "ls /COL001/out",
                "get ../COL001/out/secret-col001.xml " + client.resolve("stolen.xml"),
                "get /../../COL001/out/secret-col001.xml " + client.resolve("stolen.xml"),
                "ls ../../db",
                "get ../../../db/achemine.mv.db " + client.resolve("stolen.db"),
                "ls /../../archive",
                "put " + file + " ../COL001/in/intruder.xml",
                "put " + file + " /../../intruder.xml",
                "put " + file + " out/forged.cr.xml",
                "mkdir in/sub",
                "symlink /out/secret in/link.xml",
                "symlink ../../db in/db",
                "rename in/.probe.part ../COL001/in/probe.xml",
                "rename in/.probe.part ../../probe.xml",
                "rename in/.probe.part out/probe.xml",
                "get in/" + "a".repeat(300) + " " + client.resolve("long.xml"),
                "get in/" + "../".repeat(200) + "db/achemine.mv.db " + client.resolve("stolen2.db"),
                "ls " + "x/".repeat(2000));
        for (String attempt : refused) {
            OpenSshClient.Result result = sftp.batch("FOU001", attempt);
            assertThat(result.exitCode()).as(attempt + "\n" + result.output()).isNotZero();
        }
        assertThat(client.resolve("stolen.xml")).doesNotExist();
        assertThat(client.resolve("stolen.db")).doesNotExist();
        assertThat(client.resolve("stolen2.db")).doesNotExist();
        assertThat(dataDir.resolve("mailboxes/COL001/in")).isEmptyDirectory();
        assertThat(dataDir.resolve("intruder.xml")).doesNotExist();
        assertThat(dataDir.resolve("mailboxes/intruder.xml")).doesNotExist();
        assertThat(dataDir.resolve("mailboxes/FOU001/out/forged.cr.xml")).doesNotExist();
        assertThat(dataDir.resolve("mailboxes/FOU001/in/.probe.part")).exists();
        try (Stream<Path> all = Files.walk(dataDir)) {
            assertThat(all.filter(Files::isSymbolicLink)).isEmpty();
        }

        // and the server still answers after all that
        assertThat(sftp.batch("FOU001", "ls -1 out").exitCode()).isZero();

        // and its own hidden upload it may rename within in/, then delete
        OpenSshClient.Result own = sftp.batch("FOU001", "rename in/.probe.part in/.probe2.part", "rm in/.probe2.part");
        assertThat(own.exitCode()).as(own.output()).isZero();
        assertThat(dataDir.resolve("mailboxes/FOU001/in/.probe2.part")).doesNotExist();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM channel_arrival WHERE file_name LIKE '.probe%'",
                Integer.class)).as("an upload deleted before it was taken leaves no arrival").isZero();

        // and the audit shows the refusals
        assertThat(events("FOU001")).filteredOn(e -> e.startsWith("DENIED")).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void aWrongKeyIsRefusedAndTheAttemptAudited() {
        // given a key nobody registered
        Path stranger = OpenSshClient.newKey(client, "stranger");
        long before = refusals("OPE001");

        // when it tries to log in as a partner, or as an account that does not exist
        OpenSshClient.Result asPartner = OpenSshClient.of(stranger, hostKey.publicKeyLine(), server.port(), client)
                .batch("OPE001", "ls");
        OpenSshClient.Result asNobody = OpenSshClient.of(stranger, hostKey.publicKeyLine(), server.port(), client)
                .batch("XYZ999", "ls");
        // and a partner's key is used for another partner's account
        OpenSshClient.Result otherAccount = OpenSshClient.of(supplierKey, hostKey.publicKeyLine(), server.port(), client)
                .batch("COL001", "ls");

        // then each is refused, and the audit names the account and the key
        assertThat(asPartner.exitCode()).as(asPartner.output()).isNotZero();
        assertThat(asPartner.output()).contains("Permission denied");
        assertThat(asNobody.exitCode()).isNotZero();
        assertThat(otherAccount.exitCode()).isNotZero();
        assertThat(refusals("OPE001")).isGreaterThan(before);
        assertThat(refusals("XYZ999")).isPositive();
        assertThat(refusals("COL001")).isPositive();
    }

    @Test
    void aSupplierSystemOnSpringIntegrationUploadsThenPollsItsOutAndDeletesWhatItTook() throws Exception {
        // given a supplier's system built on Spring Integration SFTP, trusting only the engine's host key
        DefaultSftpSessionFactory sessions = sessionFactory("FOU001", supplierKey);
        Path invoice = Files.write(client.resolve("si-facture.xml"),
                SampleInvoices.ubl("F-SI-001", "21690012600014", "SCE-TECH-042", null));

        // when it sends an invoice, then polls its out/ (download, then delete on the server)
        // (straight under its name: the server publishes an upload only once it is closed)
        try (Session<SftpClient.DirEntry> session = sessions.getSession();
             InputStream bytes = Files.newInputStream(invoice)) {
            session.write(bytes, "in/si-facture.xml");
        }
        SftpInboundFileSynchronizer poller = new SftpInboundFileSynchronizer(sessions);
        poller.setRemoteDirectory("out");
        poller.setDeleteRemoteFiles(true);
        poller.setFilter(new SftpSimplePatternFileListFilter("*_si-facture.xml.cr.xml"));
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory(); // what its application context would hold
        beans.registerSingleton("integrationEvaluationContext", new StandardEvaluationContext());
        poller.setBeanFactory(beans);
        poller.afterPropertiesSet();
        Path local = Files.createDirectories(client.resolve("si-local"));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            poller.synchronizeToLocalDirectory(local.toFile());
            return find(local, "_si-facture.xml.cr.xml") != null;
        });

        // then it holds its deposit report, and the server's out/ no longer has it
        assertThat(Files.readString(find(local, "_si-facture.xml.cr.xml"))).contains("<Etat>IN_INTEGRE</Etat>");
        assertThat(find(dataDir.resolve("mailboxes/FOU001/out"), "_si-facture.xml.cr.xml")).isNull();
        sessions.destroy();
    }

    @Test
    void aSlowUploadIsNeverTakenHalfWritten() throws Exception {
        // given an invoice big enough to reach the server in several writes (a comment pads it), sent by a
        // client that stalls halfway, far longer than the intake's stability interval (300 ms here)
        String xml = new String(SampleInvoices.ubl("F-LENT-001", "21690012600014", "SCE-TECH-042", null),
                StandardCharsets.UTF_8);
        int prolog = xml.indexOf("?>") + 2;
        byte[] content = (xml.substring(0, prolog) + "\n<!--" + "x".repeat(400_000) + "-->" + xml.substring(prolog))
                .getBytes(StandardCharsets.UTF_8);
        CountDownLatch resume = new CountDownLatch(1);
        InputStream stalling = new StallingStream(content, content.length / 2, resume);
        DefaultSftpSessionFactory sessions = sessionFactory("FOU001", supplierKey);
        CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> {
            try (Session<SftpClient.DirEntry> session = sessions.getSession()) {
                session.write(stalling, "in/lent.xml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        // when half of it is on the server, under its hidden temporary name
        Path in = dataDir.resolve("mailboxes/FOU001/in");
        Path partial = in.resolve(".lent.xml.upload");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(partial) && Files.size(partial) > 0);

        // then, while the client stalls, nothing is published under its name and no flow is taken
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                !Files.exists(in.resolve("lent.xml")) && flows("lent.xml") == 0);

        // and once the client finishes and closes, the whole file is taken and accepted
        resume.countDown();
        upload.get(60, TimeUnit.SECONDS);
        Path report = await().atMost(Duration.ofSeconds(60)).until(
                () -> find(dataDir.resolve("mailboxes/FOU001/out"), "_lent.xml.cr.xml"), found -> found != null);
        assertThat(Files.readString(report)).contains("<Etat>IN_INTEGRE</Etat>")
                .contains("<Taille>" + content.length + "</Taille>");
        assertThat(flows("lent.xml")).isEqualTo(1);
        sessions.destroy();
    }

    /** Gives {@code stallAt} bytes, then waits for {@code resume} before giving the rest. */
    private static final class StallingStream extends InputStream {

        private final byte[] content;
        private final int stallAt;
        private final CountDownLatch resume;
        private int position;

        StallingStream(byte[] content, int stallAt, CountDownLatch resume) {
            this.content = content;
            this.stallAt = stallAt;
            this.resume = resume;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position == stallAt) {
                try {
                    resume.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            if (position >= content.length) {
                return -1;
            }
            int end = position < stallAt ? stallAt : content.length;
            int n = Math.min(length, end - position);
            System.arraycopy(content, position, buffer, offset, n);
            position += n;
            return n;
        }
    }

    private DefaultSftpSessionFactory sessionFactory(String account, Path key) {
        return SupplierSystem.withKey(account, key, server.port(), hostKey.publicKeyLine(), client);
    }

    /** Until the flow is answered and routed: nothing of it is still being written when the class ends. */
    private void awaitRouted(String originalName) {
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM flow"
                + " WHERE original_name = ? AND integration_report_path IS NOT NULL", Long.class, originalName) == 1);
    }

    private long flows(String originalName) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE original_name = ?", Long.class, originalName);
        return count == null ? 0 : count;
    }

    private long refusals(String account) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM sftp_audit WHERE event = 'LOGIN_REFUSED' AND partner_code = ?",
                Long.class, account);
        return count == null ? 0 : count;
    }

    private List<String> events(String partner) {
        return jdbc.query("SELECT event, file, size FROM sftp_audit WHERE partner_code = ? ORDER BY id",
                (rs, n) -> (rs.getString(1) + " " + (rs.getString(2) == null ? "" : rs.getString(2)) + " "
                        + (rs.getObject(3) == null ? "" : rs.getLong(3))).strip(), partner);
    }

    static Path find(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
