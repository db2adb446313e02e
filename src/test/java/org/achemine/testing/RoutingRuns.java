package org.achemine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.jdbc.core.JdbcTemplate;

/** What routing tests do again and again on a running engine: deposit as FOU001, run routing, find an invoice. */
public final class RoutingRuns {

    private RoutingRuns() {
    }

    /** Drops an invoice in FOU001's inbox and waits until intake has reported its flow. */
    public static void deposit(JdbcTemplate jdbc, Path dataDir, String name, byte[] invoice) {
        SampleInvoices.drop(dataDir.resolve("mailboxes/FOU001/in"), name, invoice);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM flow WHERE original_name = ? AND stage = 'REPORTED'", Long.class, name) == 1);
    }

    /** Runs the routing job once and checks it completed. */
    public static void route(JobOperator jobOperator, Job routingJob) throws Exception {
        assertThat(start(jobOperator, routingJob)).isEqualTo(BatchStatus.COMPLETED);
    }

    /** Runs the routing job once; how it ended. */
    public static BatchStatus start(JobOperator jobOperator, Job routingJob) throws Exception {
        return jobOperator.start(routingJob, new JobParametersBuilder()
                .addString("requestedAt", Instant.now().toString() + System.nanoTime()).toJobParameters()).getStatus();
    }

    /** The invoice registered from the (one-document) flow deposited under this name. */
    public static String invoiceIdOf(JdbcTemplate jdbc, String originalName) {
        return jdbc.queryForObject("SELECT i.invoice_id FROM invoice i JOIN flow f ON f.flow_id = i.flow_id"
                + " WHERE f.original_name = ?", String.class, originalName);
    }
}
