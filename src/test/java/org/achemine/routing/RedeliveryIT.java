package org.achemine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceLedger.StatusChange;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.lifecycle.StatusReason;
import org.achemine.lifecycle.report.StatusReportFiles;
import org.achemine.lifecycle.report.StatusReportFiles.Entry;
import org.achemine.testing.EngineTest;
import org.achemine.testing.SampleInvoices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Invoices delivered again: completed by the supplier after a suspension (12 → 03), or resent under the same
 * number after their recipient sent them back for recycling (04); each flagged in its file name, each
 * delivered exactly once. A resend after a refusal at integration is a first delivery.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=1h",
        "achemine.lifecycle.trigger-delay=1h", "achemine.delivery.durable=false"})
class RedeliveryIT extends EngineTest {

    private static final String BELLERIVE = "21690012600014";   // service code required: SCE-TECH-042, SCE-ECOLES-07

    @BeforeEach
    void directory() throws Exception {
        sampleDirectoryInService();
    }

    @Test
    void aCompletedInvoiceIsDeliveredAgainFlaggedWithTheSuppliersComment() throws Exception {
        // given an invoice delivered, suspended by its recipient, then completed by its supplier
        byte[] original = SampleInvoices.ubl("F-RD-001", BELLERIVE, "SCE-TECH-042", "EJ-1");
        deposit("completed.xml", original);
        route();
        String id = invoiceIdOf("completed.xml");
        ledger.change(id, InvoiceStatus.SUSPENDUE, Actor.RECIPIENT, StatusReason.JUSTIFICATIF_ABSENT.name(),
                "Joindre le bon de livraison", clock.instant());
        ledger.change(id, InvoiceStatus.COMPLETEE, Actor.SUPPLIER, null, "Bon de livraison n° 4471 joint", clock.instant());

        // when routing runs
        route();

        // then the invoice is back with its recipient (12 → 03 by the platform)
        assertThat(ledger.status(id)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        StatusChange last = ledger.history(id).get(ledger.history(id).size() - 1);
        assertThat(last.actor()).isEqualTo(Actor.PLATFORM);
        assertThat(last.message()).contains("Renvoi après complétion").contains(id + "_COMPLETEE_completed.xml");
        // and its mailbox holds the first delivery, the flagged one byte for byte, and the notice with the comment
        Path outbox = dataDir.resolve("mailboxes/COL001/out");
        Path again = outbox.resolve(id + "_COMPLETEE_completed.xml");
        assertThat(Files.readAllBytes(again)).isEqualTo(original);
        assertThat(outbox.resolve(id + "_completed.xml")).exists();
        Path notice = outbox.resolve(id + "_COMPLETEE_completed.statut.xml");
        StatusReportFiles.validate(notice);
        assertThat(StatusReportFiles.read(notice).entries()).singleElement().satisfies(e -> {
            assertThat(e.invoiceNumber()).isEqualTo(jdbc.queryForObject(
                    "SELECT invoice_number FROM invoice WHERE invoice_id = ?", String.class, id));
            assertThat(e.status()).isEqualTo("12");
            assertThat(e.producer()).isEqualTo("SUPPLIER");
            assertThat(e.comment()).isEqualTo("Bon de livraison n° 4471 joint");
        });
        assertThat(jdbc.queryForObject("SELECT delivery_path FROM invoice WHERE invoice_id = ?", String.class, id))
                .isEqualTo(again.toString());

        // when routing runs again, nothing is delivered twice
        route();
        assertThat(filesOf(outbox, id)).hasSize(3);
        assertThat(ledger.history(id)).hasSize(6);

        // when the invoice is suspended and completed a second time, the third delivery has a name of its own
        ledger.change(id, InvoiceStatus.SUSPENDUE, Actor.RECIPIENT, StatusReason.JUSTIFICATIF_ABSENT.name(), "Signature manquante",
                clock.instant());
        ledger.change(id, InvoiceStatus.COMPLETEE, Actor.SUPPLIER, null, "Signé", clock.instant());
        route();
        assertThat(Files.readAllBytes(outbox.resolve(id + "_COMPLETEE2_completed.xml"))).isEqualTo(original);
        assertThat(StatusReportFiles.read(outbox.resolve(id + "_COMPLETEE2_completed.statut.xml")).entries())
                .extracting(Entry::comment).containsExactly("Signé");
        assertThat(filesOf(outbox, id)).hasSize(5);
    }

    @Test
    void anInvoiceResentAfterItsRecipientSentItBackForRecyclingIsRoutedAndItsDeliveryFlagged() throws Exception {
        // given an invoice delivered to a service that exists, which its recipient sends back 04 À recycler
        // (routing data: 04 is the recipient's status, never the platform's)
        deposit("recycle-1.xml", SampleInvoices.ubl("F-RD-002", BELLERIVE, "SCE-TECH-042", "EJ-2"));
        route();
        String first = invoiceIdOf("recycle-1.xml");
        ledger.change(first, InvoiceStatus.A_RECYCLER, Actor.RECIPIENT, StatusReason.SE_EJ_INCORRECT.name(),
                "Adressez la facture au service des écoles", Instant.now());

        // when the supplier resends the same invoice number with the service the recipient asked for
        byte[] corrected = SampleInvoices.ubl("F-RD-002", BELLERIVE, "SCE-ECOLES-07", null);
        deposit("recycle-2.xml", corrected);
        route();

        // then it is delivered, flagged as a resend after recycling; the first one stays 04
        String second = invoiceIdOf("recycle-2.xml");
        assertThat(ledger.status(second)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        assertThat(ledger.status(first)).contains(InvoiceStatus.A_RECYCLER);
        Path delivered = dataDir.resolve("mailboxes/COL001/out/" + second + "_RECYCLEE_recycle-2.xml");
        assertThat(Files.readAllBytes(delivered)).isEqualTo(corrected);
        assertThat(ledger.history(second).get(ledger.history(second).size() - 1).message())
                .startsWith("Renvoi après recyclage");

        // and an unrelated first delivery carries no flag
        deposit("plain.xml", SampleInvoices.ubl("F-RD-003", BELLERIVE, "SCE-TECH-042", null));
        route();
        assertThat(dataDir.resolve("mailboxes/COL001/out/" + invoiceIdOf("plain.xml") + "_plain.xml")).exists();
    }

    @Test
    void anInvoiceRefusedAtIntegrationAndResentIsNotARecycling() throws Exception {
        // given an invoice refused at integration for an unknown service code: no status, the recipient never saw it
        deposit("refused-1.xml", SampleInvoices.ubl("F-RD-004", BELLERIVE, "COMPTA", null));
        route();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration_refusal r JOIN flow f ON f.flow_id = r.flow_id"
                + " WHERE f.original_name = 'refused-1.xml' AND r.refusal_code = 'ROUTAGE_SERVICE_INCONNU'", Integer.class))
                .isEqualTo(1);

        // when the supplier resends it corrected, under the same number
        deposit("refused-2.xml", SampleInvoices.ubl("F-RD-004", BELLERIVE, "SCE-ECOLES-07", null));
        route();

        // then it is a first delivery, not flagged « Recyclée » to a recipient that never saw the first
        String resent = invoiceIdOf("refused-2.xml");
        assertThat(ledger.status(resent)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        assertThat(dataDir.resolve("mailboxes/COL001/out/" + resent + "_refused-2.xml")).exists();
    }

    private void route() throws Exception {
        assertThat(run(routingJob).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private void deposit(String name, byte[] invoice) {
        deposit("FOU001", name, invoice);
    }

    private static List<Path> filesOf(Path outbox, String invoiceId) throws Exception {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().startsWith(invoiceId + "_")).toList();
        }
    }
}
