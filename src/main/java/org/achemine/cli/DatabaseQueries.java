package org.achemine.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.achemine.batch.JobHistory;
import org.achemine.batch.JobHistory.JobRun;
import org.achemine.partner.PartnerRegistry;
import org.achemine.partner.RegisteredPartner;
import org.achemine.report.InvoiceQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read-only commands' questions asked of the database (engine stopped), through the same query classes the
 * engine's read API uses ({@link InvoiceQueries}, {@link JobHistory}, {@link PartnerRegistry}): the same records, so
 * the same output.
 */
final class DatabaseQueries extends InvoiceQueries implements CommandQueries {

    private final JobHistory jobs;
    private final PartnerRegistry partners;

    DatabaseQueries(JdbcTemplate jdbc) {
        super(jdbc);
        this.jobs = new JobHistory(jdbc);
        // only read here: the registry's writes (and so its transactions and clock) are never called, and a clock
        // that refuses to be read makes sure of it (a date recorded here would not come from the platform's clock)
        this.partners = new PartnerRegistry(jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())), new UnreadableClock());
    }

    @Override
    public List<JobRun> jobs(int limit) {
        return jobs.recent(limit);
    }

    @Override
    public List<RegisteredPartner> partners() {
        return partners.registered();
    }

    /** The clock of a read-only registry: reading it is a fault, because nothing is recorded through it. */
    private static final class UnreadableClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            throw new UnsupportedOperationException("read-only queries record nothing: no clock to read");
        }
    }
}
