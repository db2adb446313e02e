package org.achemine.channel.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.achemine.channel.ChannelArrivals;
import org.achemine.mailbox.Mailboxes;
import org.achemine.partner.PartnerRegistry;
import org.achemine.testing.OwnDataFolder;
import org.achemine.testing.SampleInvoices;
import org.apache.sshd.sftp.client.SftpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.integration.file.remote.session.Session;
import org.springframework.integration.sftp.session.DefaultSftpSessionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SFTP server's limits, end to end with real clients on 127.0.0.1: sessions per partner, idle timeout,
 * upload size, failed-login throttling; a disabled partner's sessions closed; optional password login.
 * Each case uses a partner of its own, so their refusals and blocks do not mix.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=300ms", "achemine.routing.trigger-delay=1h",
        "achemine.sftp.enabled=true", "achemine.sftp.port=0",
        "achemine.sftp.max-sessions-per-partner=2", "achemine.sftp.max-failed-logins=3",
        "achemine.sftp.login-block=1h", "achemine.sftp.password-login=true",
        "achemine.sftp.access-check-interval=200ms",
        "achemine.validation.max-file-size=200KB",
        "achemine.partners[0].code=FOU001", "achemine.partners[0].role=ISSUER",
        "achemine.partners[1].code=FOU002", "achemine.partners[1].role=ISSUER",
        "achemine.partners[2].code=FOU003", "achemine.partners[2].role=ISSUER",
        "achemine.partners[3].code=FOU004", "achemine.partners[3].role=ISSUER",
        "achemine.partners[4].code=FOU005", "achemine.partners[4].role=ISSUER",
        "achemine.partners[5].code=FOU006", "achemine.partners[5].role=ISSUER",
        "achemine.partners[6].code=COL001", "achemine.partners[6].role=RECIPIENT",
        "achemine.partners[6].siret=21690012600014"})
class SftpLimitsIT extends OwnDataFolder {

    @TempDir
    static Path client;

    @Autowired
    SftpServer server;

    @Autowired
    HostKey hostKey;

    @Autowired
    PartnerRegistry partners;

    @Autowired
    SftpAudit audit;

    @Autowired
    ChannelArrivals arrivals;

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    private static Path key;

    @BeforeEach
    void oneKeyForEveryPartner() {
        if (key != null) {
            return;
        }
        key = OpenSshClient.newKey(client, "partner");
        for (String code : List.of("FOU001", "FOU002", "FOU003", "FOU004", "FOU005", "FOU006")) {
            partners.addKey(code, SshKeys.read(OpenSshClient.publicKeyLine(key)));
        }
    }

    @Test
    void aPartnersSessionOverTheLimitIsRefusedWithTheReasonAndAudited() throws Exception {
        // given FOU001 holds the two sessions it is allowed
        DefaultSftpSessionFactory system = SupplierSystem.withKey("FOU001", key, server.port(), hostKey.publicKeyLine(),
                client);
        Session<SftpClient.DirEntry> first = system.getSession();
        Session<SftpClient.DirEntry> second = system.getSession();
        assertThat(first.list("out")).isNotNull();
        assertThat(second.list("out")).isNotNull();

        // when a third connects with the right key
        OpenSshClient.Result third = sftp().batch("FOU001", "ls out");

        // then it is refused, told why, and the audit says so
        assertThat(third.exitCode()).as(third.output()).isNotZero();
        assertThat(third.output()).contains("too many sessions");
        assertThat(details("FOU001", "LOGIN_REFUSED")).anyMatch(d -> d.startsWith("too many sessions: 2 already open"));

        // and once one of the two is closed, a new session is let in
        first.close();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(sftp().batch("FOU001", "ls out").exitCode()).isZero());
        second.close();
        system.destroy();
    }

    @Test
    void aSessionIdlePastTheTimeoutIsClosedByTheServerAndAudited() throws Exception {
        // given a server of the same engine (same partners, audit and mailboxes) whose idle timeout is one second
        SftpProperties quick = new SftpProperties(true, 0, InetAddress.getLoopbackAddress(), dataDir.resolve("k.pem"),
                4, Duration.ofSeconds(1), 5, Duration.ofMinutes(15), false, Duration.ofMinutes(10));
        SftpServer impatient = new SftpServer(quick, hostKey, mailboxes.mailboxesRoot(), partners, audit,
                new LoginThrottle(5, Duration.ofMinutes(15), Clock.systemUTC()), 1_000_000, arrivals);
        impatient.start();
        try {
            DefaultSftpSessionFactory system = SupplierSystem.withKey("FOU002", key, impatient.port(),
                    hostKey.publicKeyLine(), client);
            Session<SftpClient.DirEntry> session = system.getSession();
            assertThat(session.list("in")).isNotNull();

            // when the client does nothing more, then the server closes the session and audits why
            await().atMost(Duration.ofSeconds(60)).until(() -> !session.isOpen());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(details("FOU002", "CLOSED")).anyMatch(d -> d.contains("Idle")));
            system.destroy();
        } finally {
            impatient.stop();
        }
    }

    @Test
    void anUploadOverTheIntakeLimitIsCutOffAuditedAndNothingIsTaken() throws Exception {
        // given a file of 300 KB, over the intake's 200 KB limit
        Path big = Files.write(client.resolve("enorme.xml"), new byte[300 * 1024]);

        // when FOU003 uploads it
        OpenSshClient.Result put = sftp().batch("FOU003", "put " + big + " in/enorme.xml");

        // then the upload fails (OpenSSH prints only the status, "Failure"; a client that shows the server's
        // message, here MINA SSHD's under Spring Integration, reads the reason)
        assertThat(put.exitCode()).as(put.output()).isNotZero();
        assertThat(put.output()).contains("write remote \"/in/enorme.xml\": Failure");
        DefaultSftpSessionFactory system = SupplierSystem.withKey("FOU003", key, server.port(), hostKey.publicKeyLine(),
                client);
        try (Session<SftpClient.DirEntry> session = system.getSession()) {
            assertThatThrownBy(() -> session.write(Files.newInputStream(big), "in/enorme.xml"))
                    .hasStackTraceContaining("over the size limit of 204800 bytes");
        }
        system.destroy();

        // and the audit records it, and nothing is left in in/ or taken
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(details("FOU003", "DENIED"))
                .anyMatch(d -> d.startsWith("upload over the intake's size limit of 204800 bytes")));
        assertThat(dataDir.resolve("mailboxes/FOU003/in")).isEmptyDirectory();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE partner = 'FOU003'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM channel_arrival", Integer.class)).isZero();

        // and a file under the limit still goes through
        Path small = Files.write(client.resolve("petite.xml"),
                SampleInvoices.ubl("F-PETITE-001", "21690012600014", "SCE-TECH-042", null));
        assertThat(sftp().batch("FOU003", "put " + small + " in/petite.xml").exitCode()).isZero();
        awaitReported("FOU003");
    }

    @Test
    void afterTooManyRefusedLoginsEvenTheRightKeyIsRefusedAndTheBlockAudited() {
        // given three logins of FOU004 with a key nobody registered (the limit is three)
        Path stranger = OpenSshClient.newKey(client, "stranger");
        OpenSshClient guesser = OpenSshClient.of(stranger, hostKey.publicKeyLine(), server.port(), client);
        for (int i = 0; i < 3; i++) {
            assertThat(guesser.batch("FOU004", "ls").exitCode()).isNotZero();
        }

        // when the partner's real key logs in from the same address
        OpenSshClient.Result real = sftp().batch("FOU004", "ls");

        // then it is refused too, and the audit shows the three refusals then the block
        assertThat(real.exitCode()).as(real.output()).isNotZero();
        List<String> refusals = details("FOU004", "LOGIN_REFUSED");
        assertThat(refusals).filteredOn(d -> d.startsWith("key not registered")).hasSize(3);
        assertThat(refusals).last().asString().startsWith("too many refused logins");
        assertThat(details("FOU004", "LOGIN_OK")).isEmpty();
    }

    @Test
    void aDisabledPartnersLiveSessionIsClosedItsLoginsRefusedUntilEnabledAgain() throws Exception {
        // given FOU005 connected
        DefaultSftpSessionFactory system = SupplierSystem.withKey("FOU005", key, server.port(), hostKey.publicKeyLine(),
                client);
        Session<SftpClient.DirEntry> session = system.getSession();
        assertThat(session.list("out")).isNotNull();

        // when the operator disables it, then its session is closed by the server, and audited
        partners.disable("FOU005");
        await().atMost(Duration.ofSeconds(30)).until(() -> !session.isOpen());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(details("FOU005", "CLOSED")).contains("partner FOU005 disabled"));

        // and its logins are refused
        OpenSshClient.Result refused = sftp().batch("FOU005", "ls");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(details("FOU005", "LOGIN_REFUSED")).anyMatch(d -> d.startsWith("unknown or disabled account"));

        // and once enabled again, it logs in; a key removed no longer does
        partners.enable("FOU005");
        assertThat(sftp().batch("FOU005", "ls").exitCode()).isZero();
        partners.removeKey("FOU005", SshKeys.read(OpenSshClient.publicKeyLine(key)).fingerprint());
        assertThat(sftp().batch("FOU005", "ls").exitCode()).isNotZero();
        system.destroy();
    }

    @Test
    void aPartnerWithAPasswordLogsInWithItWhenEnabledAndAWrongOneIsRefusedAndThrottled() throws Exception {
        // given FOU006 has a password (stored hashed)
        partners.setPassword("FOU006", "un mot de passe solide");
        assertThat(jdbc.queryForObject("SELECT password_hash FROM partner WHERE code = 'FOU006'", String.class))
                .doesNotContain("un mot de passe solide");

        // when its system logs in with it and uploads an invoice
        DefaultSftpSessionFactory system = SupplierSystem.withPassword("FOU006", "un mot de passe solide",
                server.port(), hostKey.publicKeyLine(), client);
        try (Session<SftpClient.DirEntry> session = system.getSession()) {
            session.write(new ByteArrayInputStream(SampleInvoices.ubl("F-MDP-001", "21690012600014", "SCE-TECH-042",
                    null)), "in/mot-de-passe.xml");
        }

        // then the flow is taken, recorded as arrived over SFTP
        awaitReported("FOU006");
        assertThat(jdbc.queryForObject("SELECT channel FROM flow WHERE partner = 'FOU006'", String.class))
                .isEqualTo("sftp");
        assertThat(meters.get("achemine.flows.arrived").tag("channel", "sftp").counter().count()).isPositive();

        // and a wrong password is refused and audited, then counts toward the block like a wrong key
        DefaultSftpSessionFactory guesser = SupplierSystem.withPassword("FOU006", "pas le bon mot de passe",
                server.port(), hostKey.publicKeyLine(), client);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(guesser::getSession).isInstanceOf(Exception.class);
        }
        assertThat(details("FOU006", "LOGIN_REFUSED")).filteredOn(d -> d.startsWith("password refused")).isNotEmpty();
        assertThatThrownBy(system::getSession).isInstanceOf(Exception.class);
        assertThat(details("FOU006", "LOGIN_REFUSED")).last().asString().startsWith("too many refused logins");
        system.destroy();
        guesser.destroy();
    }

    /** Until the partner's one flow is answered: nothing of it is still being written when the class ends. */
    private void awaitReported(String partner) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM flow WHERE partner = ? AND stage = 'REPORTED'", Integer.class, partner) == 1);
    }

    private OpenSshClient sftp() {
        return OpenSshClient.of(key, hostKey.publicKeyLine(), server.port(), client);
    }

    private List<String> details(String partner, String event) {
        return jdbc.queryForList("SELECT COALESCE(detail, '') FROM sftp_audit WHERE partner_code = ? AND event = ?"
                + " ORDER BY id", String.class, partner, event);
    }
}
