package org.achemine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.achemine.batch.IntakeYield;
import org.achemine.directory.DirectoryImporter;
import org.achemine.testing.MovablePlatformClock;
import org.achemine.testing.HeldBurst;
import org.achemine.testing.OwnDataFolder;
import org.achemine.testing.SampleDirectory;
import org.achemine.testing.SampleInvoices;
import org.achemine.testing.ShiftableClock;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The partner's answer first (ADR 0029), on the running engine: while a burst waits at the intake (the operator
 * OPE001's flows held in their deposit queue: its workers' route is suspended, so they are taken and not
 * answered), routing starts no run for a supplier's accepted invoice; it routes it once the burst is answered, or
 * once it has waited {@code achemine.batch.yield-max} (a platform clock the test moves) though the burst goes on.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=300ms",
        "achemine.lifecycle.trigger-delay=300ms", "achemine.batch.yield-backlog=5", "achemine.batch.yield-max=1h"})
class RoutingYieldsToIntakeIT extends OwnDataFolder {

    /** achemine.batch.yield-backlog, as set above. */
    private static final int THRESHOLD = 5;

    @TestConfiguration
    static class MovableClock extends MovablePlatformClock {
    }

    @Autowired
    DirectoryImporter directoryImporter;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IntakeYield intakeYield;

    @Autowired
    CamelContext camel;

    @Autowired
    ShiftableClock clock;

    @Autowired
    RoutingTrigger trigger;

    private HeldBurst burst;

    @BeforeEach
    void directoryInService() throws Exception {
        SampleDirectory.inService(directoryImporter, jdbc, dataDir);
        burst = new HeldBurst(camel, intakeYield, jdbc, dataDir);
    }

    @Test
    void routingWaitsWhileABurstIsUnansweredThenRoutesOnceItIs() throws Exception {
        // given a burst taken at the intake and not answered yet
        burst.hold("a");
        try {
            // when a supplier's invoice is accepted meanwhile
            SampleInvoices.drop(dataDir.resolve("mailboxes/FOU001/in"), "yield-1.xml",
                    SampleInvoices.ubl("F-YIELD-1", "21690012600014", "SCE-TECH-042", null));

            // then routing yields (its trigger saw the invoice waiting) and no run has routed it
            // (the burst's flow a worker took as its route was suspended may have set routing yielding before)
            await().atMost(Duration.ofSeconds(60)).until(() -> reportedAndNotRouted("F-YIELD-1")
                    && intakeYield.pausedSince().containsKey("routing"));
            assertThat(statusOf("F-YIELD-1")).isEmpty();
            assertThat(intakeYield.backlog()).isGreaterThan(THRESHOLD);
        } finally {
            burst.release();
        }

        // and once the burst is answered, the invoice is routed and the pause is over
        await().atMost(Duration.ofSeconds(90)).until(() -> List.of("03").equals(statusOf("F-YIELD-1")));
        assertThat(intakeYield.pausedSince()).doesNotContainKey("routing");
        assertThat(burst.answered("a")).isEqualTo(HeldBurst.SIZE);
    }

    @Test
    void pastYieldMaxRoutingRunsThoughTheBurstGoesOn() throws Exception {
        // given a burst that stays unanswered, and an invoice routing yields for
        burst.hold("b");
        try {
            SampleInvoices.drop(dataDir.resolve("mailboxes/FOU001/in"), "yield-2.xml",
                    SampleInvoices.ubl("F-YIELD-2", "21690012600014", "SCE-TECH-042", null));
            // (the burst's flow a worker took as its route was suspended may have set routing yielding before)
            await().atMost(Duration.ofSeconds(60)).until(() -> reportedAndNotRouted("F-YIELD-2")
                    && intakeYield.pausedSince().containsKey("routing"));
            assertThat(statusOf("F-YIELD-2")).isEmpty();

            // when routing has waited achemine.batch.yield-max (the platform clock moved past it)
            clock.advance(Duration.ofHours(1));

            // then it routes the invoice though the burst is still there
            await().atMost(Duration.ofSeconds(60)).until(() -> List.of("03").equals(statusOf("F-YIELD-2")));
            assertThat(intakeYield.backlog()).isGreaterThan(THRESHOLD);
        } finally {
            burst.release();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> intakeYield.backlog() == 0);
    }

    @Test
    void whileRoutingYieldsItsTriggerReadsNoJobRepositoryAndItRoutesOnceTheBurstIsAnswered() throws Exception {
        // given a burst held unanswered at the intake, and a supplier's invoice waiting for routing
        burst.hold("c");
        try {
            SampleInvoices.drop(dataDir.resolve("mailboxes/FOU001/in"), "yield-3.xml",
                    SampleInvoices.ubl("F-YIELD-3", "21690012600014", "SCE-TECH-042", null));
            await().atMost(Duration.ofSeconds(60)).until(() -> reportedAndNotRouted("F-YIELD-3")
                    && intakeYield.pausedSince().containsKey("routing"));

            // when the trigger is asked, H2 counting the statements it runs
            jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
            jdbc.execute("SET QUERY_STATISTICS TRUE");
            Map<String, Long> before = jobRepositoryStatements();
            for (int poll = 0; poll < 20; poll++) {
                assertThat(trigger.launchIfWaiting()).isNull();
            }

            // then it asked the yield first and read no job repository (before: four reads per poll)
            assertThat(jobRepositoryStatements()).isEqualTo(before);
            assertThat(statusOf("F-YIELD-3")).isEmpty();
        } finally {
            jdbc.execute("SET QUERY_STATISTICS FALSE");
            burst.release();
        }

        // and once the burst is answered, it launches the run that routes the invoice
        await().atMost(Duration.ofSeconds(90)).until(() -> List.of("03").equals(statusOf("F-YIELD-3")));
    }

    /** Statements H2 ran on the job repository's tables (BATCH_*) since it began counting, each with its count. */
    private Map<String, Long> jobRepositoryStatements() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("""
                SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS
                WHERE UPPER(SQL_STATEMENT) LIKE '%BATCH_JOB%' AND SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'""",
                row -> { counts.put(row.getString(1), row.getLong(2)); });
        return counts;
    }

    private boolean reportedAndNotRouted(String invoiceNumber) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM flow f JOIN flow_document d ON d.flow_id = f.flow_id
                               WHERE d.invoice_number = ? AND f.stage = 'REPORTED' AND f.invoices_registered = FALSE)""",
                Boolean.class, invoiceNumber));
    }

    private List<String> statusOf(String invoiceNumber) {
        return jdbc.queryForList("SELECT status FROM invoice WHERE invoice_number = ?", String.class, invoiceNumber);
    }


}
