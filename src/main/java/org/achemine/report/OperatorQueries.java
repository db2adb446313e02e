package org.achemine.report;

import java.util.List;
import java.util.Optional;
import org.achemine.report.InvoiceQueries.FlowDetail;
import org.achemine.report.InvoiceQueries.FlowFilter;
import org.achemine.report.InvoiceQueries.FlowSummary;
import org.achemine.report.InvoiceQueries.InvoiceDetail;
import org.achemine.report.InvoiceQueries.InvoiceFilter;
import org.achemine.report.InvoiceQueries.InvoiceSummary;
import org.achemine.report.InvoiceQueries.RefusalDetail;

/**
 * What the query commands ask: answered by the database ({@link InvoiceQueries}, engine stopped) or by the running
 * engine's API, with the same records either way, so the commands print the same thing.
 */
public interface OperatorQueries {

    Optional<InvoiceDetail> invoice(String invoiceId);

    Optional<RefusalDetail> refusal(String invoiceId);

    List<InvoiceSummary> list(InvoiceFilter filter);

    Optional<FlowDetail> flow(String flowId);

    List<FlowSummary> flows(FlowFilter filter);
}
