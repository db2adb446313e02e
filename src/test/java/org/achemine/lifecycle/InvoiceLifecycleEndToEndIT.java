package org.achemine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.achemine.directory.DirectoryImporter;
import org.achemine.lifecycle.InvoiceLedger.StatusChange;
import org.achemine.lifecycle.report.StatusReportFiles;
import org.achemine.lifecycle.report.StatusReportFiles.Entry;
import org.achemine.lifecycle.report.StatusReportFiles.Report;
import org.achemine.report.ReportSchema;
import org.achemine.testing.CppStatutFiles;
import org.achemine.testing.OwnDataFolder;
import org.achemine.testing.SampleDirectory;
import org.achemine.testing.SampleInvoices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 5's walk: one invoice through 01 → 02 → 03 → 07 → 10 → 11, driven only by files dropped into the
 * mailboxes of the running engine (Camel intake, routing and lifecycle-report jobs launched by their own
 * triggers, H2 file database). The supplier FOU001 deposits the invoice; the recipient partner COL001 (serving
 * the buyer's SIRET) receives it and sends its statuses in CSV, then in Chorus Pro's CPPStatut. Checked: every file the supplier
 * receives (deposit report, integration report, lifecycle reports), and that the lifecycle reports carry each
 * status change of the invoice exactly once, in order, as the history records it.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=300ms",
        "achemine.lifecycle.trigger-delay=300ms", "achemine.delivery.durable=false"})
class InvoiceLifecycleEndToEndIT extends OwnDataFolder {

    private static final String SUPPLIER = "FOU001";
    private static final String RECIPIENT = "COL001";
    private static final String BELLERIVE = "21690012600014";
    private static final String NUMBER = "FA-2026-LC-001";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    DirectoryImporter directoryImporter;

    @Autowired
    InvoiceLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oneInvoiceWalksFromDepositToPaymentAndTheSupplierIsToldEachStepOnce() throws Exception {
        // given the sample directory in service
        SampleDirectory.importInto(directoryImporter, dataDir);
        Path supplierOut = dataDir.resolve("mailboxes").resolve(SUPPLIER).resolve("out");
        Path recipientOut = dataDir.resolve("mailboxes").resolve(RECIPIENT).resolve("out");

        // when the supplier drops an invoice for Bellerive's technical service
        SampleInvoices.drop(dataDir.resolve("mailboxes").resolve(SUPPLIER).resolve("in"), "facture-lc.xml",
                SampleInvoices.ubl(NUMBER, BELLERIVE, "SCE-TECH-042", "1300045678"));

        // then it gets its deposit report: accepted (90, IN_INTEGRE)
        Path deposit = awaitOne(supplierOut, "_facture-lc.xml.cr.xml");
        ReportSchema.validate(deposit);
        assertThat(Files.readString(deposit)).contains("<Etat>IN_INTEGRE</Etat>").doesNotContain("gravite=\"fatal\"");
        // (registered as an invoice, 01, by the routing run the deposit triggers)
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE invoice_number = ?",
                Integer.class, NUMBER) == 1);
        String invoiceId = jdbc.queryForObject("SELECT invoice_id FROM invoice WHERE invoice_number = ?", String.class,
                NUMBER);

        // and, once routing ran by itself, its integration report (03) and the invoice in COL001's out/
        Path integration = awaitOne(supplierOut, "_facture-lc.xml.integration.xml");
        ReportSchema.validate(integration);
        assertThat(Files.readString(integration)).contains(invoiceId).contains("<Code>03</Code>");
        assertThat(awaitOne(recipientOut, invoiceId + "_facture-lc.xml")).hasSameBinaryContentAs(
                Path.of(jdbc.queryForObject("SELECT f.archive_path FROM flow f JOIN invoice i ON i.flow_id = f.flow_id"
                        + " WHERE i.invoice_id = ?", String.class, invoiceId)));
        awaitReported(supplierOut, invoiceId, List.of("01", "02", "03"));

        // when the recipient says « service fait » in CSV
        dropStatus("service-fait.csv", """
                id_facture;statut;date_heure;commentaire
                %s;07;2026-11-24T09:15:00+01:00;Service fait constaté le 24/11
                """.formatted(invoiceId));
        // then its status report says the line was applied, and the supplier is told
        assertThat(Files.readString(awaitOne(recipientOut, "_service-fait.csv.cr.xml")))
                .contains("<Etat>IN_INTEGRE</Etat>").contains("<Resultat>APPLIQUE</Resultat>");
        awaitReported(supplierOut, invoiceId, List.of("01", "02", "03", "07"));

        // when the recipient's accountant (Hélios) sends « comptabilisée » in CSV, saying it is the accountant
        dropStatus("comptabilite.csv", """
                id_facture;statut;date_heure;producteur
                %s;10;2026-11-26T16:40:00+01:00;ACCOUNTANT
                """.formatted(invoiceId));
        assertThat(Files.readString(awaitOne(recipientOut, "_comptabilite.csv.cr.xml")))
                .contains("<Etat>IN_INTEGRE</Etat>").doesNotContain("<Resultat>REJETE</Resultat>");
        // and the ordonnateur's software reports « mise en paiement » in Chorus Pro's CPPStatut, with its mandate
        dropStatus("paiement.xml", CppStatutFiles.file(RECIPIENT, List.of(new CppStatutFiles.Unit(
                CppStatutFiles.SAMPLE_SUPPLIER, BELLERIVE, "11", null, "Virement émis le 27/11",
                "2026-11-27T08:00:00+01:00", RECIPIENT, NUMBER, null, "MDT-2026-4471"))));
        assertThat(Files.readString(awaitOne(recipientOut, "_paiement.xml.cr.xml")))
                .contains("<Etat>IN_INTEGRE</Etat>").doesNotContain("<Resultat>REJETE</Resultat>");
        List<Entry> told = awaitReported(supplierOut, invoiceId, List.of("01", "02", "03", "07", "10", "11"));

        // then the history is 01 → 02 → 03 → 07 → 10 → 11, with its actors and reform codes, in the platform's order
        List<StatusChange> history = ledger.history(invoiceId);
        assertThat(history).extracting(change -> change.status().code()).containsExactly("01", "02", "03", "07", "10", "11");
        assertThat(history).extracting(StatusChange::actor).containsExactly(Actor.PLATFORM, Actor.PLATFORM,
                Actor.PLATFORM, Actor.RECIPIENT, Actor.ACCOUNTANT, Actor.RECIPIENT);
        assertThat(history).extracting(StatusChange::reformCode).containsExactly("200", "202", "203", "204", "205", "211");
        assertThat(history).extracting(StatusChange::at).isSorted();
        // (the lines' November dates are kept as declared, not as the time of the change)
        assertThat(history.get(4).declaredAt()).isEqualTo("2026-11-26T15:40:00Z");
        assertThat(history.get(4).at()).isAfterOrEqualTo(history.get(3).at()).isNotEqualTo(history.get(4).declaredAt());
        assertThat(ledger.status(invoiceId)).contains(InvoiceStatus.MISE_EN_PAIEMENT);
        assertThat(jdbc.queryForObject("SELECT mandate_id FROM invoice_status_history WHERE invoice_id = ? AND status = '11'",
                String.class, invoiceId)).isEqualTo("MDT-2026-4471");
        // and the supplier was told each change once, in Chorus's lifecycle flow: who made it and when
        for (int i = 0; i < history.size(); i++) {
            StatusChange change = history.get(i);
            Entry entry = told.get(i);
            assertThat(entry.status()).isEqualTo(change.status().code());
            assertThat(entry.producer()).isEqualTo(change.actor().name());
            assertThat(entry.at()).isEqualTo(change.at());
            assertThat(entry.invoiceNumber()).isEqualTo(NUMBER);
        }
        assertThat(told.get(5).comment()).isEqualTo("Virement émis le 27/11 (déclaré le 2026-11-27T07:00:00Z)");
        assertThat(told.get(5).mandateId()).as("IdMandatDP, as the recipient gave it").isEqualTo("MDT-2026-4471");
        StringBuilder reportsText = new StringBuilder();
        for (Path lifecycle : StatusReportFiles.lifecycleReports(supplierOut)) {
            reportsText.append(Files.readString(lifecycle, StandardCharsets.UTF_8));
        }
        assertThat(reportsText).contains("(déclaré le 2026-11-26T15:40:00Z)").contains("Producteur Id=\"ACCOUNTANT\"");
        // and every report the supplier received is one of: its deposit report, its integration report, the
        // lifecycle reports (each valid against the schema, addressed from the platform to FOU001)
        try (Stream<Path> files = Files.list(supplierOut)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .allMatch(name -> name.endsWith(".cr.xml") || name.endsWith(".integration.xml")
                            || name.matches("(FSO|CSO)[0-9]{4}A_ACH001_[A-Z0-9]{25}\\.xml")
                            || name.matches("FEN1200A_ACH001_[A-Z0-9]{25}\\.xml"));
        }
        for (Path lifecycle : StatusReportFiles.lifecycleReports(supplierOut)) {
            StatusReportFiles.validate(lifecycle);
            Report report = StatusReportFiles.read(lifecycle);
            assertThat(report.receiver()).isEqualTo(SUPPLIER);
            assertThat(report.counter()).isEqualTo(report.entries().size());
        }
        assertThat(new String(Files.readAllBytes(deposit), StandardCharsets.UTF_8)).contains(SUPPLIER);
    }

    private void dropStatus(String name, String content) throws Exception {
        SampleInvoices.drop(dataDir.resolve("mailboxes").resolve(RECIPIENT).resolve("in"), name,
                content.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits until exactly one file ending with {@code suffix} is in {@code out}, and returns it. */
    private static Path awaitOne(Path out, String suffix) throws Exception {
        await().atMost(PATIENCE).until(() -> matching(out, suffix).size() == 1);
        return matching(out, suffix).get(0);
    }

    private static List<Path> matching(Path out, String suffix) throws Exception {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    /**
     * Waits until the lifecycle reports in the supplier's out/ list exactly {@code statuses} for the invoice
     * (named by its number, IdFacture, as Chorus does),
     * each once, in order (reports are read in the order of their ids); returns those entries.
     */
    private static List<Entry> awaitReported(Path supplierOut, String invoiceId, List<String> statuses) {
        await().atMost(PATIENCE).until(() -> told(supplierOut, invoiceId).size() >= statuses.size());
        List<Entry> told = told(supplierOut, invoiceId);
        assertThat(told).extracting(Entry::status).containsExactlyElementsOf(statuses);
        return told;
    }

    private static List<Entry> told(Path supplierOut, String invoiceId) {
        try {
            List<Entry> entries = new ArrayList<>();
            for (Path report : StatusReportFiles.lifecycleReports(supplierOut)) {
                StatusReportFiles.read(report).entries().stream()
                        .filter(entry -> NUMBER.equals(entry.invoiceNumber())).forEach(entries::add);
            }
            return entries;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
