package org.achemine.cli;

import static org.achemine.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.achemine.report.InvoiceQueries;
import org.achemine.report.InvoiceQueries.FlowDetail;
import org.achemine.report.InvoiceQueries.FlowDocument;
import org.achemine.report.InvoiceQueries.InvoiceDetail;
import org.achemine.report.InvoiceQueries.InvoiceFilter;
import org.achemine.report.InvoiceQueries.InvoiceSummary;
import org.achemine.report.InvoiceQueries.RefusalDetail;
import org.achemine.report.InvoiceQueries.StatusChange;
import org.achemine.testing.Commands.Run;
import org.achemine.testing.DemoEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The operator's read-only queries on a real data folder: the one the demo builds (every sample taken,
 * validated, reported and routed by the engine). The query class is checked on that database directly, then the
 * commands are run as a user would (each opens and closes its own context; H2 files are open by one at a time).
 */
class QueryCommandsIT {

    @TempDir
    static Path work;

    static Path dataDir;

    @BeforeAll
    static void buildDemoDataFolder() throws Exception {
        dataDir = DemoEngine.demoDataFolder(work);
    }

    @Test
    void queriesListShowAndFilterTheDemoInvoices() {
        SingleConnectionDataSource db = database();
        try {
            InvoiceQueries queries = new InvoiceQueries(new JdbcTemplate(db));

            // when listing every invoice, then the delivered and the duplicates refused at integration are there
            // (no status, their refusal code), newest change first
            List<InvoiceSummary> all = queries.list(new InvoiceFilter(null, null, null, null, 100));
            assertThat(all).extracting(InvoiceSummary::status).contains("03").doesNotContain("05");
            assertThat(all).filteredOn(InvoiceSummary::refusedAtIntegration).isNotEmpty()
                    .allMatch(i -> i.status() == null && i.refusalCode().equals("ROUTAGE_DOUBLON")
                            && i.reformReason().equals("DOUBLON"));
            assertThat(queries.list(new InvoiceFilter(null, null, null, null, 100, false, true)))
                    .isNotEmpty().allMatch(InvoiceSummary::refusedAtIntegration);
            assertThat(queries.list(new InvoiceFilter(null, null, "03", null, 100)))
                    .noneMatch(InvoiceSummary::refusedAtIntegration);
            assertThat(all).extracting(InvoiceSummary::statusChangedAt)
                    .isSortedAccordingTo((a, b) -> b.compareTo(a));

            // and filters combine: status, supplier, since (UTC day), limit
            List<InvoiceSummary> delivered = queries.list(new InvoiceFilter(null, null, "03", null, 100));
            assertThat(delivered).isNotEmpty().allMatch(i -> i.status().equals("03"));
            InvoiceSummary one = delivered.get(0);
            assertThat(queries.list(new InvoiceFilter(one.supplierId(), one.recipient(), "03", null, 100)))
                    .contains(one).allMatch(i -> i.supplierId().equals(one.supplierId())
                            && i.recipient().equals(one.recipient()));
            assertThat(queries.list(new InvoiceFilter("NO-SUCH-SUPPLIER", null, "03", null, 100))).isEmpty();
            LocalDate oldestDay = LocalDate.ofInstant(all.get(all.size() - 1).statusChangedAt(), ZoneOffset.UTC);
            assertThat(queries.list(new InvoiceFilter(null, null, null, oldestDay, 100))).hasSameSizeAs(all);
            LocalDate afterNewest = LocalDate.ofInstant(all.get(0).statusChangedAt(), ZoneOffset.UTC).plusDays(1);
            assertThat(queries.list(new InvoiceFilter(null, null, null, afterNewest, 100))).isEmpty();
            assertThat(queries.list(new InvoiceFilter(null, null, null, null, 1))).containsExactly(all.get(0));

            // when showing a delivered invoice, then its history is 01 → 02 → 03 and its files exist
            InvoiceDetail invoice = queries.invoice(one.invoiceId()).orElseThrow();
            assertThat(invoice.history()).extracting(StatusChange::status).containsExactly("01", "02", "03");
            assertThat(invoice.history()).extracting(StatusChange::reformCode).containsExactly("200", "202", "203");
            assertThat(invoice.history()).extracting(StatusChange::actor).containsOnly("PLATFORM");
            assertThat(Path.of(invoice.deliveryPath())).exists();
            assertThat(Path.of(invoice.archivePath())).exists();
            assertThat(Path.of(invoice.reportPath())).exists();
            assertThat(Path.of(invoice.integrationReportPath())).exists();

            // and an unknown invoice or flow is simply absent
            assertThat(queries.invoice("ACH0011100999999999999999-1")).isEmpty();
            assertThat(queries.flow("ACH0011100999999999999999")).isEmpty();

            // when showing the mixed batch, then refused documents carry their fatal codes, accepted ones their invoice
            String batchFlowId = new JdbcTemplate(db).queryForObject(
                    "SELECT flow_id FROM flow WHERE original_name LIKE '%mixed-batch.zip'", String.class);
            FlowDetail batch = queries.flow(batchFlowId).orElseThrow();
            assertThat(batch.flowState()).isEqualTo("IN_INTEGRE_PARTIEL");
            assertThat(batch.sha256()).hasSize(64);
            assertThat(batch.documents()).filteredOn(d -> d.decision().equals("REJECTED"))
                    .isNotEmpty().allMatch(d -> d.fatalCodes() != null && d.invoiceId() == null);
            // and the accepted ones, copies of invoices received before, were refused at integration: no status
            assertThat(batch.documents()).filteredOn(d -> d.decision().equals("ACCEPTED"))
                    .isNotEmpty().allMatch(d -> d.invoiceId() != null && d.invoiceStatus() == null
                            && "ROUTAGE_DOUBLON".equals(d.refusalCode()));
            RefusalDetail refused = queries.refusal(batchFlowId + "-1").orElseThrow();
            assertThat(refused.reformStatus()).isEqualTo("213");
            assertThat(refused.reformReason()).isEqualTo("DOUBLON");
            assertThat(refused.refusalMessage()).contains("FA-2026-000123");
            assertThat(queries.invoice(batchFlowId + "-1")).as("never an invoice").isEmpty();
            assertThat(queries.history(batchFlowId + "-1")).as("never 01").isEmpty();
            assertThat(batch.documents()).extracting(FlowDocument::fatalCodes)
                    .anyMatch(c -> c != null && c.contains("XSD_INVALIDE"));
        } finally {
            db.destroy();
        }
    }

    @Test
    void commandsPrintTheInvoiceListAnInvoiceAndAFlow() {
        String data = "--achemine.data-dir=" + dataDir;
        String invoiceId;
        String flowId;
        SingleConnectionDataSource db = database();
        try {
            invoiceId = new JdbcTemplate(db).queryForObject(
                    "SELECT MIN(invoice_id) FROM invoice WHERE status = '03'", String.class);
            flowId = invoiceId.substring(0, invoiceId.indexOf('-'));
        } finally {
            db.destroy();
        }

        // when listing delivered invoices, then one aligned line each, with the status label
        Run list = run("invoice", "list", "--status", "03", "--since", "2020-01-01", data);
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("dernier changement (UTC)").contains(invoiceId)
                .contains("03 Mise à disposition du destinataire").doesNotContain("05 Rejetée");

        // when showing one, then its history and its four files are printed
        Run show = run("invoice", "show", invoiceId, data);
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("Facture " + invoiceId).contains("01 Déposée").contains("200")
                .contains("02 En cours d'acheminement").contains("PLATFORM")
                .contains("original archivé").contains(".cr.xml").contains(".integration.xml")
                .contains(dataDir.resolve("mailboxes").toString());

        // when showing the credit note the recipient booked (07, 10 from its XML status file), then each change
        // names the status flow and line it came from, and the lifecycle report that told the supplier
        String creditNote;
        db = database();
        try {
            creditNote = new JdbcTemplate(db).queryForObject(
                    "SELECT invoice_id FROM invoice WHERE invoice_number = 'AV-2026-000007' AND status = '10'", String.class);
        } finally {
            db.destroy();
        }
        Run booked = run("invoice", "show", creditNote, data);
        assertThat(booked.exitCode()).as(booked.err()).isZero();
        assertThat(booked.out()).contains("reçu dans (flux:ligne)").contains("10 Comptabilisée").contains("RECIPIENT")
                .containsPattern("ACH0011300\\d{15}:\\d+").containsPattern("ACH0011310\\d{15}");

        // when showing the invoice the recipient suspended (06, JUSTIFICATIF_ABSENT, its line declared
        // 2026-11-24T10:00:00+01:00), then the change shows the platform's time and the declared one
        String suspended;
        Instant recorded;
        Instant madeAvailable;
        db = database();
        try {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            suspended = jdbc.queryForObject(
                    "SELECT invoice_id FROM invoice WHERE invoice_number = 'FA-2026-000124' AND status = '06'", String.class);
            recorded = jdbc.queryForObject("SELECT changed_at FROM invoice_status_history WHERE invoice_id = ?"
                    + " AND status = '06'", Timestamp.class, suspended).toInstant();
            madeAvailable = jdbc.queryForObject("SELECT changed_at FROM invoice_status_history WHERE invoice_id = ?"
                    + " AND status = '03'", Timestamp.class, suspended).toInstant();
        } finally {
            db.destroy();
        }
        Run suspension = run("invoice", "show", suspended, data);
        assertThat(suspension.exitCode()).as(suspension.err()).isZero();
        String line06 = suspension.out().lines().filter(l -> l.matches("\\s+\\d+ .*06 Suspendue.*")).findFirst()
                .orElseThrow();
        assertThat(suspension.out()).contains("enregistré (UTC)").contains("déclaré (UTC)");
        assertThat(line06).contains("2026-11-24 09:00:00").contains(QueryOutput.time(recorded))
                .contains("JUSTIFICATIF_ABSENT").contains("RECIPIENT");
        // the platform's clock dated it, whatever the line declared, and never before the change it follows
        assertThat(recorded).isNotEqualTo(Instant.parse("2026-11-24T09:00:00Z")).isAfterOrEqualTo(madeAvailable);

        // when showing its flow, then the reception data and the document with its invoice status
        Run flow = run("flow", "show", flowId, data);
        assertThat(flow.exitCode()).as(flow.err()).isZero();
        assertThat(flow.out()).contains("Flux " + flowId).contains("FOU001").contains("SHA-256")
                .contains("IN_INTEGRE (90)").contains("ACCEPTED").contains(invoiceId)
                .contains("03 Mise à disposition")
                .containsPattern("arrivé par +folder\\R"); // dropped in in/: no channel session

        // when showing an invoice refused at integration, then the refusal is explained: no status, 213 and its reason
        String refusedId = flowId(db = database(), "%mixed-batch.zip") + "-1";
        Run refused = run("invoice", "show", refusedId, data);
        assertThat(refused.exitCode()).as(refused.err()).isZero();
        assertThat(refused.out()).contains("Facture " + refusedId + " : refusée à l'intégration")
                .contains("213 Rejetée, motif DOUBLON").contains("ROUTAGE_DOUBLON").contains(".integration.xml")
                .doesNotContain("01 Déposée");
        Run refusedList = run("invoice", "list", "--refused", data);
        assertThat(refusedList.exitCode()).as(refusedList.err()).isZero();
        assertThat(refusedList.out()).contains(refusedId).contains("refusée à l'intégration : ROUTAGE_DOUBLON")
                .doesNotContain("03 Mise à disposition");
        Run batchFlow = run("flow", "show", refusedId.substring(0, refusedId.indexOf('-')), data);
        assertThat(batchFlow.out()).contains("refusée à l'intégration : ROUTAGE_DOUBLON");

        // when the invoice is unknown, then exit 1 with a clear message
        Run unknownInvoice = run("invoice", "show", "NOPE-1", data);
        assertThat(unknownInvoice.exitCode()).isEqualTo(1);
        assertThat(unknownInvoice.err()).contains("Facture inconnue : NOPE-1");
    }

    @Test
    void aMalformedDateIsAUsageError() {
        Run run = run("invoice", "list", "--since", "23/11/2026", "--achemine.data-dir=" + dataDir);

        assertThat(run.exitCode()).isEqualTo(2);
    }

    private static String flowId(SingleConnectionDataSource db, String namePattern) {
        try {
            return new JdbcTemplate(db).queryForObject("SELECT flow_id FROM flow WHERE original_name LIKE ?",
                    String.class, namePattern);
        } finally {
            db.destroy();
        }
    }

    /** The demo's database, opened directly (no context holds it between commands). */
    private static SingleConnectionDataSource database() {
        return new SingleConnectionDataSource("jdbc:h2:file:" + dataDir.resolve("db/achemine").toAbsolutePath(),
                "sa", "", true);
    }
}
