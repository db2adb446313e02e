package org.achemine.cli;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.achemine.batch.JobHistory;
import org.achemine.batch.JobHistory.JobRun;
import org.achemine.partner.PartnerRegistry;
import org.achemine.partner.RegisteredPartner;
import org.achemine.report.InvoiceQueries;
import org.achemine.report.InvoiceQueries.FlowDetail;
import org.achemine.report.InvoiceQueries.FlowFilter;
import org.achemine.report.InvoiceQueries.FlowSummary;
import org.achemine.report.InvoiceQueries.InvoiceDetail;
import org.achemine.report.InvoiceQueries.InvoiceFilter;
import org.achemine.report.InvoiceQueries.InvoiceSummary;
import org.achemine.report.InvoiceQueries.RefusalDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read-only commands' questions asked of the database (engine stopped), through the same query classes the
 * engine's read API uses: the same records, so the same output.
 */
final class DatabaseQueries implements CommandQueries {

    private final InvoiceQueries invoices;
    private final JobHistory jobs;
    private final PartnerRegistry partners;

    DatabaseQueries(JdbcTemplate jdbc) {
        this.invoices = new InvoiceQueries(jdbc);
        this.jobs = new JobHistory(jdbc);
        // only read here: the registry's writes (and so its transactions and clock) are never called
        this.partners = new PartnerRegistry(jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())), Clock.systemUTC());
    }

    @Override
    public Optional<InvoiceDetail> invoice(String invoiceId) {
        return invoices.invoice(invoiceId);
    }

    @Override
    public Optional<RefusalDetail> refusal(String invoiceId) {
        return invoices.refusal(invoiceId);
    }

    @Override
    public List<InvoiceSummary> list(InvoiceFilter filter) {
        return invoices.list(filter);
    }

    @Override
    public Optional<FlowDetail> flow(String flowId) {
        return invoices.flow(flowId);
    }

    @Override
    public List<FlowSummary> flows(FlowFilter filter) {
        return invoices.flows(filter);
    }

    @Override
    public List<JobRun> jobs(int limit) {
        return jobs.recent(limit);
    }

    @Override
    public List<RegisteredPartner> partners() {
        return partners.registered();
    }
}
