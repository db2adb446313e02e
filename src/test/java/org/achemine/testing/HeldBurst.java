package org.achemine.testing;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.achemine.batch.IntakeYield;
import org.achemine.intake.IntakeRoutes;
import org.apache.camel.CamelContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A burst held at the intake on a running engine, for the tests of the partners' answer first (ADR 0029): the
 * operator OPE001's workers suspended, then {@link #SIZE} of its files taken into its deposit queue and left
 * unanswered until {@link #release}. Its files are named {@code burst-<tag>-<n>.xml}.
 */
public final class HeldBurst {

    /** Files in a burst: well over the tests' {@code achemine.batch.yield-backlog}. */
    public static final int SIZE = 20;

    private static final String WORKERS = IntakeRoutes.depositRouteId("OPE001");

    private final CamelContext camel;
    private final IntakeYield intakeYield;
    private final JdbcTemplate jdbc;
    private final Path dataDir;

    public HeldBurst(CamelContext camel, IntakeYield intakeYield, JdbcTemplate jdbc, Path dataDir) {
        this.camel = camel;
        this.intakeYield = intakeYield;
        this.jdbc = jdbc;
        this.dataDir = dataDir;
    }

    /** Once no job runs (what an earlier test left is done), a burst taken and held unanswered. */
    public void hold(String tag) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> runsInProgress() == 0);
        camel.getRouteController().suspendRoute(WORKERS);
        Path inbox = dataDir.resolve("mailboxes/OPE001/in");
        for (int i = 0; i < SIZE; i++) {
            SampleInvoices.drop(inbox, "burst-" + tag + "-" + i + ".xml",
                    ("<not-an-invoice n=\"" + i + "\"/>").getBytes(StandardCharsets.UTF_8));
        }
        // (a worker already waiting on the queue may take one more flow as its route is suspended)
        await().atMost(Duration.ofSeconds(60)).until(() -> intakeYield.backlog() >= SIZE - 1);
    }

    /** The workers resumed: the held flows are answered. */
    public void release() throws Exception {
        camel.getRouteController().resumeRoute(WORKERS);
    }

    /** How many of the burst {@code tag}'s flows are answered (reported or parked). */
    public int answered(String tag) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM flow WHERE original_name LIKE ? AND stage IN ('REPORTED', 'PARKED')""",
                Integer.class, "burst-" + tag + "-%");
    }

    /** Spring Batch runs starting or started. */
    public int runsInProgress() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM batch_job_execution WHERE status IN ('STARTING', 'STARTED')",
                Integer.class);
    }
}
