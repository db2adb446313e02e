package org.achemine.testing;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.achemine.directory.DirectoryImporter;
import org.achemine.lifecycle.InvoiceLedger;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole engine (Camel intake, jobs, H2 file) on a data folder of its own per test class ({@link OwnDataFolder}),
 * and what the tests that drive it share: the sample directory put in service, invoices deposited until answered,
 * a job run now. Each subclass declares its own {@code @SpringBootTest} properties.
 */
public abstract class EngineTest extends OwnDataFolder {

    @Autowired
    protected DirectoryImporter directoryImporter;

    @Autowired
    protected JobOperator jobOperator;

    @Autowired
    @Qualifier("routingJob")
    protected Job routingJob;

    @Autowired
    protected InvoiceLedger ledger;

    @Autowired
    protected JdbcTemplate jdbc;

    /** The platform clock: the changes a test records are dated like the engine's own. */
    @Autowired
    protected Clock clock;

    /** The sample directory in service, imported by the class's first test that asks. */
    protected void sampleDirectoryInService() throws Exception {
        SampleDirectory.inService(directoryImporter, jdbc, dataDir);
    }

    /** Runs a job now, as a new instance, and returns when it has ended. */
    protected JobExecution run(Job job) throws Exception {
        return jobOperator.start(job, new JobParametersBuilder()
                .addString("requestedAt", Instant.now().toString() + System.nanoTime()).toJobParameters());
    }

    /** Drops an invoice into a partner's in/ and waits for its deposit report. */
    protected void deposit(String partner, String name, byte[] invoice) {
        SampleInvoices.drop(dataDir.resolve("mailboxes").resolve(partner).resolve("in"), name, invoice);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM flow WHERE original_name = ? AND stage = 'REPORTED'", Long.class, name) == 1);
    }

    /** The invoice id of the (single-invoice) flow received under that name. */
    protected String invoiceIdOf(String originalName) {
        return jdbc.queryForObject("SELECT i.invoice_id FROM invoice i JOIN flow f ON f.flow_id = i.flow_id"
                + " WHERE f.original_name = ?", String.class, originalName);
    }
}
