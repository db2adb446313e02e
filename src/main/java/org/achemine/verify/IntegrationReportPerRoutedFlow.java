package org.achemine.verify;

import java.nio.file.Path;
import org.achemine.qualification.Environment;
import org.achemine.report.IntegrationReport;

/**
 * Every flow whose accepted documents have all been decided (integrated, or refused at integration) has its
 * integration report in the sender's {@code out/} (published as the journal says: the partner may have taken
 * it); there is only one, its name being fixed by the flow.
 */
final class IntegrationReportPerRoutedFlow implements Invariant {

    static final String ROUTED_FLOWS = "flux entièrement acheminés";
    static final String PENDING = "CR d'intégration en attente";

    private record RoutedFlow(String flowId, String partner, String name, String integrationReport,
                              boolean qualification) {
    }

    @Override
    public String name() {
        return "one integration report per routed flow";
    }

    @Override
    public void check(DataFolder data, VerificationReport.Builder report) {
        report.count(ROUTED_FLOWS);
        data.forEachRow("""
                SELECT f.flow_id, f.partner, f.original_name, f.integration_report_path, f.qualification FROM flow f
                WHERE f.flow_id > ? AND f.invoices_registered = TRUE
                  AND (EXISTS (SELECT 1 FROM invoice i WHERE i.flow_id = f.flow_id)
                       OR EXISTS (SELECT 1 FROM integration_refusal r WHERE r.flow_id = f.flow_id))
                ORDER BY f.flow_id LIMIT ?""",
                (rs, i) -> new RoutedFlow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)),
                RoutedFlow::flowId,
                flow -> {
                    report.add(ROUTED_FLOWS);
                    // the detailed report, or the official one for a partner who wants only that: the one recorded
                    Path expected = data.mailboxes().out(flow.partner(), Environment.of(flow.qualification()))
                            .resolve(flow.integrationReport() == null
                            ? IntegrationReport.fileName(flow.flowId(), flow.name())
                            : Path.of(flow.integrationReport()).getFileName().toString());
                    String which = "flux " + flow.flowId() + " (" + flow.partner() + "/" + flow.name() + ")";
                    if (flow.integrationReport() == null) {
                        report.pending(PENDING, ViolationCode.INV_CR_INTEGRATION_ABSENT,
                                which + " : factures toutes acheminées, compte rendu d'intégration pas encore écrit");
                    } else if (data.journaled(expected.getParent(), expected.toString()) != DataFolder.Journaled.PUBLISHED) {
                        report.violation(ViolationCode.INV_CR_INTEGRATION_ABSENT, which
                                + " : compte rendu d'intégration jamais publié (absent du journal : " + expected + ")");
                    }
                });
    }
}
