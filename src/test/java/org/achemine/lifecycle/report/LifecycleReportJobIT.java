package org.achemine.lifecycle.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.lifecycle.StatusReason;
import org.achemine.lifecycle.report.LifecycleReports.PreparedReport;
import org.achemine.lifecycle.report.StatusReportFiles.Entry;
import org.achemine.lifecycle.report.StatusReportFiles.Report;
import org.achemine.testing.EngineTest;
import org.achemine.testing.SampleInvoices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The lifecycle-report job on real H2 and real files: invoices taken by intake (real Camel routes), routed by
 * the routing job, processed by their recipient through the ledger; every status change must reach its
 * supplier's out/ exactly once, even when a run stops between the stages of the report protocol.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=1h",
        "achemine.lifecycle.trigger-delay=1h", "achemine.delivery.durable=false"})
class LifecycleReportJobIT extends EngineTest {

    private static final String BELLERIVE = "21690012600014";
    private static final String NOT_IN_DIRECTORY = "73282932000074";
    private static final List<String> SUPPLIERS = List.of("FOU001", "OPE001");

    @Autowired
    @Qualifier("lifecycleReportJob")
    Job lifecycleReportJob;

    @Autowired
    LifecycleReports reports;

    @Autowired
    LifecycleReportTrigger trigger;

    @BeforeEach
    void directory() throws Exception {
        sampleDirectoryInService();
    }

    @Test
    void reportsEveryStatusChangeOnceToTheSupplierThatDepositedTheInvoice() throws Exception {
        // given invoices of two suppliers, routed (one delivered each, one refused at integration), and a recipient's suspension
        deposit("FOU001", "lr-good.xml", SampleInvoices.ubl("F-LR-001", BELLERIVE, "SCE-TECH-042", "EJ-1"));
        deposit("FOU001", "lr-unknown.xml", SampleInvoices.ubl("F-LR-002", NOT_IN_DIRECTORY, null, null));
        deposit("OPE001", "lr-operator.xml", SampleInvoices.ubl("F-LR-003", BELLERIVE, "SCE-TECH-042", "EJ-3"));
        assertThat(run(routingJob).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String good = invoiceIdOf("lr-good.xml");
        ledger.change(good, InvoiceStatus.SUSPENDUE, Actor.RECIPIENT, StatusReason.JUSTIFICATIF_ABSENT.name(),
                "Joindre le bon de livraison", clock.instant());
        List<Path> before = allReports();
        assertThat(trigger.launchIfWaiting()).as("the poller sees changes to report").isNotNull();

        // when the lifecycle-report job runs
        JobExecution run = run(lifecycleReportJob);

        // then each supplier got exactly one new report in its out/, valid, addressed to it, numbered in order
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        for (String supplier : SUPPLIERS) {
            List<Path> added = added(before, supplier);
            assertThat(added).as(supplier).hasSize(1);
            StatusReportFiles.validate(added.get(0));
            Report report = StatusReportFiles.read(added.get(0));
            assertThat(report.sender()).isEqualTo("ACH001");
            assertThat(report.receiver()).isEqualTo(supplier);
            assertThat(added.get(0).getFileName().toString()).isEqualTo("FEN1200A_ACH001_" + report.flowId() + ".xml");
            assertThat(report.flowId()).startsWith("ACH0011310");
            assertThat(report.counter()).isEqualTo(report.entries().size());
            assertThat(report.entries()).extracting(Entry::numOrdre)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, report.counter()).boxed().toList());
        }
        // and the supplier reads each invoice's history in order (by its number), with who, reasons and comments
        Report fou = StatusReportFiles.read(added(before, "FOU001").get(0));
        List<Entry> goodEntries = fou.entries().stream().filter(e -> e.invoiceNumber().equals("F-LR-001")).toList();
        assertThat(goodEntries).extracting(Entry::status).containsExactly("01", "02", "03", "06");
        assertThat(goodEntries).extracting(Entry::producer).containsExactly("PLATFORM", "PLATFORM", "PLATFORM",
                "RECIPIENT");
        assertThat(goodEntries.get(3)).satisfies(e -> {
            assertThat(e.motif()).isEqualTo("JUSTIFICATIF_ABSENT");
            assertThat(e.serviceCode()).isEqualTo("SCE-TECH-042");
            assertThat(e.comment()).isEqualTo("Joindre le bon de livraison");
            assertThat(e.invoiceNumber()).isEqualTo("F-LR-001");
            assertThat(e.recipient()).isEqualTo(BELLERIVE);
        });
        // and an invoice refused at integration (unknown SIRET) has no status to report: its integration report said it
        assertThat(fou.entries()).extracting(Entry::invoiceNumber).doesNotContain("F-LR-002");
        assertThat(jdbc.queryForObject("SELECT refusal_code FROM integration_refusal WHERE invoice_number = 'F-LR-002'",
                String.class)).isEqualTo("ROUTAGE_SIRET_INCONNU");
        assertEveryChangeReportedExactlyOnce();

        // when it runs again with nothing new, it writes nothing
        List<Path> afterFirst = allReports();
        JobExecution again = run(lifecycleReportJob);
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(again.getStepExecutions()).singleElement().extracting(s -> s.getWriteCount()).isEqualTo(0L);
        assertThat(allReports()).isEqualTo(afterFirst);
        assertThat(trigger.launchIfWaiting()).isNull();

        // when the supplier completes the invoice and routing delivers it again, only the new changes go out
        ledger.change(good, InvoiceStatus.COMPLETEE, Actor.SUPPLIER, null, "Bon de livraison joint", clock.instant());
        assertThat(run(routingJob).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        run(lifecycleReportJob);
        List<Path> third = added(afterFirst, "FOU001");
        assertThat(third).hasSize(1);
        assertThat(StatusReportFiles.read(third.get(0)).entries()).extracting(Entry::invoiceNumber, Entry::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("F-LR-001", "12"),
                        org.assertj.core.groups.Tuple.tuple("F-LR-001", "03"));
        assertThat(added(afterFirst, "OPE001")).isEmpty();
        assertEveryChangeReportedExactlyOnce();
    }

    @Test
    void aRunStoppedAtAnyStageOfTheProtocolNeitherLosesNorRepeatsAChange() throws Exception {
        // given a delivered invoice whose changes are not reported yet
        deposit("FOU001", "crash.xml", SampleInvoices.ubl("F-LR-CRASH", BELLERIVE, "SCE-TECH-042", "EJ-9"));
        assertThat(run(routingJob).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String invoice = invoiceIdOf("crash.xml");

        // when a run stops after writing its temporary file, before its commit
        PreparedReport beforeCommit = reports.prepare("FOU001", maxChange());
        assertThat(beforeCommit.temporary()).exists();
        run(lifecycleReportJob);

        // then the next run drops that file and reports the changes in a report of its own
        assertThat(beforeCommit.temporary()).doesNotExist();
        assertThat(beforeCommit.file()).doesNotExist();
        assertEveryChangeReportedExactlyOnce();

        // when a run stops after its commit and its rename, and the supplier took the report at once
        ledger.change(invoice, InvoiceStatus.SERVICE_FAIT, Actor.RECIPIENT, null, null, clock.instant());
        PreparedReport committed = reports.prepare("FOU001", maxChange());
        assertThat(reports.commit(committed)).isTrue();
        Path taken = Files.move(committed.temporary(),
                Files.createDirectories(takenBySupplier()).resolve(committed.file().getFileName()));
        assertThat(trigger.launchIfWaiting()).as("a READY report is work").isNotNull();
        run(lifecycleReportJob);

        // then the next run records it written from the journal and never publishes it a second time
        assertThat(committed.file()).doesNotExist();
        assertThat(jdbc.queryForObject("SELECT stage FROM lifecycle_report WHERE report_id = ?", String.class,
                committed.reportId())).isEqualTo("WRITTEN");
        assertThat(jdbc.queryForObject("SELECT state FROM publication WHERE subject = ?", String.class,
                committed.reportId())).isEqualTo("PUBLISHED");
        Report resumed = StatusReportFiles.read(taken);
        assertThat(resumed.flowId()).isEqualTo(committed.reportId());
        assertThat(resumed.entries()).extracting(Entry::invoiceNumber, Entry::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("F-LR-CRASH", "07"));
        assertEveryChangeReportedExactlyOnce();

        // when a run stops after its commit with its temporary file still there
        ledger.change(invoice, InvoiceStatus.MANDATEE, Actor.RECIPIENT, null, "Mandat 2026-118", clock.instant());
        PreparedReport kept = reports.prepare("FOU001", maxChange());
        assertThat(reports.commit(kept)).isTrue();
        run(lifecycleReportJob);

        // then the next run renames it into place
        assertThat(kept.temporary()).doesNotExist();
        assertThat(StatusReportFiles.read(kept.file()).entries()).extracting(Entry::status).containsExactly("08");
        assertEveryChangeReportedExactlyOnce();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lifecycle_report WHERE stage <> 'WRITTEN'", Long.class))
                .isZero();
    }

    /** The invariant: the changes listed across all reports are exactly the history rows, each once. */
    private void assertEveryChangeReportedExactlyOnce() throws Exception {
        List<String> reported = new ArrayList<>();
        for (Path file : allReports()) {
            StatusReportFiles.validate(file);
            for (Entry entry : StatusReportFiles.read(file).entries()) {
                reported.add(entry.invoiceNumber() + "/" + entry.status() + "/" + entry.at());
            }
        }
        List<String> history = jdbc.query("SELECT i.invoice_number, h.status, h.changed_at FROM invoice_status_history h"
                        + " JOIN invoice i ON i.invoice_id = h.invoice_id",
                (rs, i) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getTimestamp(3).toInstant());
        assertThat(reported).containsExactlyInAnyOrderElementsOf(history);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice_status_history WHERE lifecycle_report_id IS NULL",
                Long.class)).isZero();
    }

    /** Every report published: those still in an out/, and those a supplier took. */
    private List<Path> allReports() throws Exception {
        List<Path> all = new ArrayList<>();
        for (String supplier : SUPPLIERS) {
            all.addAll(StatusReportFiles.lifecycleReports(outbox(supplier)));
        }
        if (Files.isDirectory(takenBySupplier())) {
            all.addAll(StatusReportFiles.lifecycleReports(takenBySupplier()));
        }
        return all;
    }

    private static Path takenBySupplier() {
        return dataDir.resolve("taken-by-supplier");
    }

    private List<Path> added(List<Path> before, String supplier) throws Exception {
        return StatusReportFiles.lifecycleReports(outbox(supplier)).stream().filter(f -> !before.contains(f)).toList();
    }

    private static Path outbox(String partner) {
        return dataDir.resolve("mailboxes").resolve(partner).resolve("out");
    }


    private long maxChange() {
        return jdbc.queryForObject("SELECT MAX(change_no) FROM invoice_status_history", Long.class);
    }

}
