package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.achemine.mailbox.Mailboxes;
import org.achemine.testing.OwnDataFolder;
import org.achemine.testing.SampleInvoices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hand-over of a burst (issue 16): a busy mailbox's poller polls again at once while settled files wait,
 * held back only by its full deposit queue, and a quiet partner is still served meanwhile; every file is taken
 * exactly once. A real engine (Camel, H2, the mailboxes) in a temporary data folder; routing stays quiet.
 */
@SpringBootTest(properties = {"achemine.routing.trigger-delay=1h", "achemine.lifecycle.trigger-delay=1h",
        "achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=300ms"})
class IntakeHandOverIT extends OwnDataFolder {

    private static final String BUSY = "FOU001";
    private static final String QUIET = "OPE001";
    private static final int BURST = 600; // three polls' worth (maxMessagesPerPoll=200)
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aQuietPartnerIsAnsweredWhileABusyOnesBurstIsHandedOverAndEveryFileIsTakenOnce() throws Exception {
        // given a burst in the busy partner's in/, its hand-over under way
        for (int i = 0; i < BURST; i++) {
            SampleInvoices.drop(mailboxes.in(BUSY), "rafale-" + i + ".xml",
                    SampleInvoices.ubl("F-RAFALE-" + i, "21690012600014", "SCE-TECH-042", null));
        }
        await().atMost(PATIENCE).until(() -> reported(BUSY) >= 20);

        // when the quiet partner drops one file
        SampleInvoices.drop(mailboxes.in(QUIET), "seule.xml",
                SampleInvoices.ubl("F-SEULE", "21690012600014", "SCE-TECH-042", null));

        // then it is answered while the busy partner's burst is still being answered
        await().atMost(PATIENCE).until(() -> reported(QUIET) == 1);
        assertThat(reported(BUSY)).isLessThan(BURST);

        // and the whole burst is answered, each file taken once, nothing left in in/
        await().atMost(PATIENCE).until(() -> reported(BUSY) == BURST);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE partner = ?", Integer.class, BUSY))
                .isEqualTo(BURST);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT original_name) FROM flow WHERE partner = ?",
                Integer.class, BUSY)).isEqualTo(BURST);
        try (Stream<Path> left = Files.list(mailboxes.in(BUSY))) {
            assertThat(left).isEmpty();
        }
    }

    private int reported(String partner) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE partner = ? AND stage = 'REPORTED'",
                Integer.class, partner);
    }
}
