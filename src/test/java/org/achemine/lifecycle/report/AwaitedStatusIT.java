package org.achemine.lifecycle.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.achemine.intake.FlowId;
import org.achemine.intake.FlowRegistry;
import org.achemine.intake.ReceivedFlow;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.lifecycle.report.DailySummaries.Audience;
import org.achemine.mailbox.Mailboxes;
import org.achemine.report.InvoiceQueries;
import org.achemine.report.InvoiceQueries.InvoiceFilter;
import org.achemine.report.InvoiceQueries.InvoiceSummary;
import org.achemine.testing.EngineTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The daily summaries and {@code invoice list} do not wait for an 11 Mise en paiement that a structure never
 * sends (directory: {@code GestionStatutMiseEnPaiement}), on a real H2 database with the sample directory in
 * service: Bellerive reports payment, the Université de Lille-Nord does not. Invoices are registered directly
 * in the status each case needs.
 */
@SpringBootTest(properties = {"achemine.intake.enabled=false", "achemine.directory.watch=false",
        "achemine.routing.trigger-delay=1h"})
class AwaitedStatusIT extends EngineTest {

    private static final String REPORTS_PAYMENT = "21690012600014";
    private static final String NEVER_REPORTS_PAYMENT = "27872412542590";
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @Autowired
    FlowRegistry registry;

    @Test
    void anInvoiceBookedByAStructureThatNeverReportsPaymentAwaitsNothingMore() throws Exception {
        // given the sample directory, and invoices of both structures in 03, 10 and 11
        sampleDirectoryInService();
        String bookedWaiting = invoice(InvoiceStatus.COMPTABILISEE, REPORTS_PAYMENT);
        String delivered = invoice(InvoiceStatus.MISE_A_DISPOSITION, REPORTS_PAYMENT);
        String paid = invoice(InvoiceStatus.MISE_EN_PAIEMENT, REPORTS_PAYMENT);
        String bookedDone = invoice(InvoiceStatus.COMPTABILISEE, NEVER_REPORTS_PAYMENT);
        String deliveredThere = invoice(InvoiceStatus.MISE_A_DISPOSITION, NEVER_REPORTS_PAYMENT);

        // when listing invoices, and only those still awaiting a status
        InvoiceQueries queries = new InvoiceQueries(jdbc);
        Map<String, Boolean> awaits = queries.list(new InvoiceFilter(null, null, null, null, 100)).stream()
                .collect(Collectors.toMap(InvoiceSummary::invoiceId, InvoiceSummary::awaitsStatus));
        List<String> waiting = queries.list(new InvoiceFilter(null, null, null, null, 100, true)).stream()
                .map(InvoiceSummary::invoiceId).toList();

        // then 10 awaits 11 only where the structure reports it
        assertThat(awaits).containsEntry(bookedWaiting, true).containsEntry(delivered, true).containsEntry(paid, false)
                .containsEntry(bookedDone, false).containsEntry(deliveredThere, true);
        assertThat(waiting).contains(bookedWaiting, delivered, deliveredThere).doesNotContain(paid, bookedDone);

        // and the daily summaries list among the invoices waiting the same ones, and count every invoice by status
        DailySummaries summaries = new DailySummaries(jdbc, new Mailboxes(dataDir, List.of()), 100, ZoneId.of("Europe/Paris"),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String there = summaries.csv(Audience.RECIPIENT, NEVER_REPORTS_PAYMENT, NOW);
        String here = summaries.csv(Audience.RECIPIENT, REPORTS_PAYMENT, NOW);
        assertThat(there).contains("ATTENTE;03;").contains(deliveredThere).doesNotContain(bookedDone)
                .contains("STATUT;10;Comptabilisée;1;");
        assertThat(here).contains(bookedWaiting).contains(delivered).doesNotContain(paid);
    }

    /** An invoice of a deposit flow of FOU001, delivered to {@code recipientSiret}, in {@code status} since 2026-11-20. */
    private String invoice(InvoiceStatus status, String recipientSiret) {
        FlowId flowId = FlowId.of("ACH001", "1100", registry.nextSequence());
        Instant since = Instant.parse("2026-11-20T10:00:00Z");
        registry.insertReceived(new ReceivedFlow(flowId, "FOU001", flowId.value() + ".xml", dataDir.resolve("in"),
                1, "0".repeat(64), since, dataDir.resolve("archive")));
        jdbc.update("INSERT INTO flow_document (flow_id, doc_rank, entry_name, decision, currency, total_with_vat)"
                + " VALUES (?, 1, 'facture.xml', 'ACCEPTED', 'EUR', ?)", flowId.value(), new BigDecimal("120.00"));
        String invoiceId = flowId.value() + "-1";
        jdbc.update("INSERT INTO invoice (invoice_id, flow_id, doc_rank, supplier_id, invoice_number, invoice_year,"
                        + " status, status_changed_at, recipient_siret) VALUES (?, ?, 1, '81234567600025', ?, 2026, ?, ?, ?)",
                invoiceId, flowId.value(), "N-" + flowId.value(), status.code(), Timestamp.from(since), recipientSiret);
        return invoiceId;
    }
}
