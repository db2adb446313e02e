package org.achemine.channel.as2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.publication.PublicationKind;
import org.achemine.testing.OwnDataFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A partner whose AS2 server is down never holds back another's pushes: each round of the outbox gives a partner
 * at most one failed attempt, and picks the longest due first, so the partner that answers gets its files while
 * the other's keep backing off. The rounds are run by the test (the pusher's own schedule is an hour away).
 */
@SpringBootTest(properties = {"achemine.as2.enabled=true", "achemine.as2.outbox-interval=1h",
        "achemine.as2.retry-first=1h", "achemine.as2.retry-max=2h", "achemine.intake.enabled=false",
        "achemine.directory.watch=false",
        "achemine.partners[0].code=FOU001", "achemine.partners[0].role=ISSUER",
        "achemine.partners[1].code=COL001", "achemine.partners[1].role=RECIPIENT",
        "achemine.partners[1].siret=21690012600014"})
class As2OutboxFairnessIT extends OwnDataFolder {

    static final TestKeys OURS = TestKeys.valid("achemine");
    static final TestKeys PARTNERS = TestKeys.valid("partenaires");
    static PartnerAs2Server down;
    static PartnerAs2Server up;

    @DynamicPropertySource
    static void as2Partners(DynamicPropertyRegistry registry) throws Exception {
        OURS.writeAsEngineKeystore(dataDir.resolve("as2/keystore.p12"), "achemine");
        down = new PartnerAs2Server(PARTNERS, OURS.certificate());
        down.refuseNext.set(Integer.MAX_VALUE); // answers 503 to everything, as a server that is down
        up = new PartnerAs2Server(PARTNERS, OURS.certificate());
    }

    @AfterAll
    static void stopServers() {
        down.close();
        up.close();
    }

    @Autowired
    As2Partners partners;

    @Autowired
    As2Pusher pusher;

    @Autowired
    PublicationJournal journal;

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPartnerDownBacksOffWhileTheOtherPartnersFilesAreAcknowledged() throws Exception {
        // given the supplier's server down and the commune's up, and the supplier's 25 files queued before the
        // commune's 3 (more than a round takes: by id alone, the supplier's would fill every round)
        partners.set("FOU001", "FOU001-AS2", down.url(), PARTNERS.pem(), "ACHEMINE", OURS.certificate());
        partners.set("COL001", "COL001-AS2", up.url(), PARTNERS.pem(), "ACHEMINE", OURS.certificate());
        for (int i = 1; i <= 25; i++) {
            publish("FOU001", "compte-rendu-" + i + ".cr.xml");
        }
        for (int i = 1; i <= 3; i++) {
            publish("COL001", "livraison-" + i + ".xml");
        }

        // when the outbox runs a round
        pusher.pushDue();

        // then the commune's three files are acknowledged, the supplier's server was tried once, and its first
        // file backs off while the others wait their turn
        assertThat(states("COL001")).containsOnly(As2Outbox.ACKNOWLEDGED).hasSize(3);
        assertThat(up.received()).hasSize(3);
        assertThat(triedAtTheDownServer()).hasSize(1);
        assertThat(attempts("FOU001")).containsExactly(1);

        // and when a second round comes before the first file's back-off ends
        pusher.pushDue();

        // then the supplier's next file is the one tried, still refused; nothing of the supplier's is acknowledged
        assertThat(triedAtTheDownServer()).hasSize(2);
        assertThat(attempts("FOU001")).containsExactly(1, 1);
        assertThat(states("FOU001")).containsOnly(As2Outbox.WAITING).hasSize(25);
        assertThat(jdbc.queryForList("SELECT file_name FROM as2_outbox WHERE partner_code = 'FOU001' AND attempts > 0"
                + " ORDER BY id", String.class)).containsExactly("compte-rendu-1.cr.xml", "compte-rendu-2.cr.xml");
    }

    private void publish(String partner, String name) throws Exception {
        byte[] content = ("<compte-rendu>" + partner + " " + name + "</compte-rendu>").getBytes(StandardCharsets.UTF_8);
        journal.publishOnce(PublicationKind.DEPOSIT_REPORT, name, mailboxes.out(partner).resolve(name), () -> content);
    }

    /** The Message-IDs the down server was asked (the HTTP client itself repeats a request answered 503 once). */
    private static Set<String> triedAtTheDownServer() {
        return Set.copyOf(down.requests);
    }

    private List<String> states(String partner) {
        return jdbc.queryForList("SELECT state FROM as2_outbox WHERE partner_code = ?", String.class, partner);
    }

    /** The attempts of the partner's items tried at least once, in the order they were queued. */
    private List<Integer> attempts(String partner) {
        return jdbc.queryForList("SELECT attempts FROM as2_outbox WHERE partner_code = ? AND attempts > 0 ORDER BY id",
                Integer.class, partner);
    }
}
