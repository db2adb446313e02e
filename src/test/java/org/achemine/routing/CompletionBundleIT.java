package org.achemine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.lifecycle.StatusReason;
import org.achemine.lifecycle.report.StatusReportFiles;
import org.achemine.mailbox.Mailboxes;
import org.achemine.testing.CompletionBundles;
import org.achemine.testing.EngineTest;
import org.achemine.testing.SampleInvoices;
import org.achemine.verify.InvariantChecker;
import org.achemine.verify.VerificationReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A supplier completes a suspended invoice with a bundle (ADR 0023): the status line 12 and its documents in one
 * .zip. The documents reach an original-format recipient once, as files named after the invoice; a bundle naming
 * an invoice not suspended, another supplier's invoice, or carrying a bad document is refused with its code.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=1h",
        "achemine.lifecycle.trigger-delay=1h", "achemine.delivery.durable=false"})
class CompletionBundleIT extends EngineTest {

    private static final String BELLERIVE = "21690012600014";   // COL001, original format

    @Autowired
    Mailboxes mailboxes;

    @BeforeEach
    void directory() throws Exception {
        sampleDirectoryInService();
    }

    @Test
    void aSuspendedInvoiceCompletedWithABundleReachesItsRecipientWithItsDocumentsOnce() throws Exception {
        // given an invoice delivered then suspended by its recipient
        String id = suspended("FOU001", "to-complete.xml", "F-CB-001");

        // when its supplier drops a bundle: the 12 line, a delivery note (PDF) and a photo (PNG)
        dropBundle("complement-1.zip", id, "12", CompletionBundles.pdfAndPng());

        // then the invoice is completed, its documents linked to the archived bundle
        assertThat(ledger.status(id)).contains(InvoiceStatus.COMPLETEE);
        assertThat(jdbc.queryForList("SELECT entry_name FROM completion_document WHERE invoice_id = ? ORDER BY doc_rank",
                String.class, id)).containsExactly("bon-livraison.pdf", "photo chantier.png");

        // when routing runs, the recipient gets the invoice again and each document, byte for byte
        route();
        assertThat(ledger.status(id)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        Path outbox = dataDir.resolve("mailboxes/COL001/out");
        assertThat(Files.readAllBytes(outbox.resolve(id + "_COMPLETEE_PJ1_bon-livraison.pdf")))
                .isEqualTo(CompletionBundles.PDF);
        assertThat(Files.readAllBytes(outbox.resolve(id + "_COMPLETEE_PJ2_photo_chantier.png")))
                .isEqualTo(CompletionBundles.PNG);
        assertThat(outbox.resolve(id + "_COMPLETEE_to-complete.xml")).exists();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication WHERE kind = 'COMPLETION_DOCUMENT'"
                + " AND subject = ? AND state = 'PUBLISHED'", Integer.class, id)).isEqualTo(2);

        // and the notice tells the recipient which documents completed it
        assertThat(StatusReportFiles.read(outbox.resolve(id + "_COMPLETEE_to-complete.statut.xml")).entries())
                .singleElement().satisfies(e -> assertThat(e.comment())
                        .contains("bon-livraison.pdf").contains("photo chantier.png"));

        // and routing again delivers nothing twice: first delivery, invoice again, its notice, two documents
        route();
        assertThat(filesOf(outbox, id)).hasSize(5);
        VerificationReport verification = InvariantChecker.standard().check(mailboxes, jdbc, false);
        assertThat(verification.clean()).as(verification.describe()).isTrue();
    }

    @Test
    void aBundleNamingAnInvoiceNotSuspendedIsRefusedAndDeliversNothing() throws Exception {
        deposit("FOU001", "delivered.xml", SampleInvoices.ubl("F-CB-002", BELLERIVE, "SCE-TECH-042", null));
        route();
        String id = invoiceIdOf("delivered.xml");

        dropBundle("complement-2.zip", id, "12", CompletionBundles.pdfAndPng());

        assertThat(lineCodes("complement-2.zip")).containsExactly("STA_TRANSITION_INTERDITE");
        assertThat(ledger.status(id)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM completion_document WHERE invoice_id = ?", Integer.class, id))
                .isZero();
    }

    @Test
    void aBundleNamingAnotherSuppliersInvoiceIsRefused() throws Exception {
        String theirs = suspended("OPE001", "theirs.xml", "F-CB-003");

        dropBundle("complement-3.zip", theirs, "12", CompletionBundles.pdfAndPng());

        assertThat(lineCodes("complement-3.zip")).containsExactly("STA_FACTURE_NON_AUTORISEE");
        assertThat(ledger.status(theirs)).contains(InvoiceStatus.SUSPENDUE);
    }

    @Test
    void aBundleWithABadDocumentIsRefusedWholeWithTheAttachmentCode() throws Exception {
        String id = suspended("FOU001", "bad-document.xml", "F-CB-004");
        Map<String, byte[]> documents = new LinkedHashMap<>(CompletionBundles.pdfAndPng());
        documents.put("facture-signee.pdf", CompletionBundles.PNG); // says PDF, is an image

        dropBundle("complement-4.zip", id, "12", documents);

        assertThat(lineCodes("complement-4.zip")).containsExactly("IRR_PJ_CONTENU");
        assertThat(jdbc.queryForObject("SELECT l.message FROM status_flow_line l JOIN flow f ON f.flow_id = l.flow_id"
                + " WHERE f.original_name = 'complement-4.zip'", String.class)).contains("facture-signee.pdf");
        assertThat(ledger.status(id)).contains(InvoiceStatus.SUSPENDUE);
    }

    @Test
    void aBundleWithTextNamedAsAPdfCompletesTheInvoiceAndItsReportCarriesTheWarning() throws Exception {
        String id = suspended("FOU001", "text-document.xml", "F-CB-006");
        Map<String, byte[]> documents = new LinkedHashMap<>(CompletionBundles.pdfAndPng());
        documents.put("note.pdf", "Livraison conforme".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        dropBundle("complement-6.zip", id, "12", documents);

        assertThat(ledger.status(id)).contains(InvoiceStatus.COMPLETEE);
        assertThat(lineCodes("complement-6.zip")).contains("ADM_PJ_CONTENU_TEXTE");
        assertThat(Files.readString(Path.of(jdbc.queryForObject(
                "SELECT report_path FROM flow WHERE original_name = 'complement-6.zip'", String.class))))
                .contains("ADM_PJ_CONTENU_TEXTE").contains("note.pdf");
    }

    @Test
    void aBundleWhoseLineIsNotACompletionIsRefused() throws Exception {
        String id = suspended("FOU001", "not-twelve.xml", "F-CB-005");

        dropBundle("complement-5.zip", id, "10", CompletionBundles.pdfAndPng());

        assertThat(lineCodes("complement-5.zip")).containsExactly("STA_LOT_COMPLEMENT");
        assertThat(ledger.status(id)).contains(InvoiceStatus.SUSPENDUE);
    }

    /** An invoice deposited by {@code supplier}, delivered to Bellerive, then suspended by its recipient. */
    private String suspended(String supplier, String name, String number) throws Exception {
        deposit(supplier, name, SampleInvoices.ubl(number, BELLERIVE, "SCE-TECH-042", null));
        route();
        String id = invoiceIdOf(name);
        ledger.change(id, InvoiceStatus.SUSPENDUE, Actor.RECIPIENT, StatusReason.JUSTIFICATIF_ABSENT.name(),
                "Joindre le bon de livraison", clock.instant());
        return id;
    }

    /** FOU001 drops a bundle: a CSV line asking {@code status} for the invoice, declared a minute ago, and documents. */
    private void dropBundle(String name, String invoiceId, String status, Map<String, byte[]> documents) {
        deposit("FOU001", name, CompletionBundles.zip(
                CompletionBundles.statusLine(invoiceId, status, clock.instant().minusSeconds(60)), documents));
    }

    /** The codes on the bundle's status lines, refusals and warnings alike, in line order. */
    private List<String> lineCodes(String bundle) {
        return jdbc.queryForList("SELECT l.code FROM status_flow_line l JOIN flow f ON f.flow_id = l.flow_id"
                + " WHERE f.original_name = ? AND l.code IS NOT NULL ORDER BY l.line_rank", String.class, bundle);
    }

    private void route() throws Exception {
        assertThat(run(routingJob).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private static List<Path> filesOf(Path outbox, String invoiceId) throws Exception {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().startsWith(invoiceId + "_")).toList();
        }
    }
}
