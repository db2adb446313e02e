package org.achemine.lifecycle.updates;

import static org.achemine.lifecycle.updates.StatusReports.awaitReport;
import static org.achemine.lifecycle.updates.StatusReports.outcomes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceLedger.StatusChange;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.report.xml.CompteRenduType;
import org.achemine.report.xml.EtatFlux;
import org.achemine.report.xml.TypeCompteRendu;
import org.achemine.testing.EngineTest;
import org.achemine.testing.SampleDirectory;
import org.achemine.testing.SampleInvoices;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The samples of samples/status/ through the real engine: invoices deposited by FOU001 (Camel intake),
 * routed by the routing job to the recipient partner COL001, then status files dropped by COL001 and a
 * completion dropped by FOU001, each taken by the same intake and answered with a STATUTS report.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=1h"})
class StatusFlowsIT extends EngineTest {

    private static final Path SAMPLES = Path.of("samples");

    @Test
    void appliesRecipientsStatusFilesAndSuppliersCompletionsLineByLineAndNeverTwice() throws Exception {
        // given the three sample invoices deposited by FOU001 and routed to COL001 (serving the buyer's SIRET)
        SampleDirectory.importInto(directoryImporter, dataDir);
        Path supplierIn = dataDir.resolve("mailboxes/FOU001/in");
        for (String invoice : List.of("ubl/invoice-valid.xml", "cii/invoice-valid.xml", "ubl/creditnote-valid.xml")) {
            SampleInvoices.drop(supplierIn, invoice.replace('/', '-'), Files.readAllBytes(SAMPLES.resolve(invoice)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT COUNT(*) FROM flow WHERE stage = 'REPORTED'") == 3);
        assertThat(jobOperator.start(routingJob, new JobParametersBuilder().addLong("run", 1L).toJobParameters())
                .getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String invoiceA = invoiceId("FA-2026-000123");
        String invoiceB = invoiceId("FA-2026-000124");
        String creditNote = invoiceId("AV-2026-000007");
        assertThat(List.of(invoiceA, invoiceB, creditNote)).allSatisfy(id ->
                assertThat(ledger.status(id)).contains(InvoiceStatus.MISE_A_DISPOSITION));
        assertThat(Files.list(dataDir.resolve("mailboxes/COL001/out")).count()).isEqualTo(3);
        Path recipientIn = dataDir.resolve("mailboxes/COL001/in");
        Path recipientOut = dataDir.resolve("mailboxes/COL001/out");

        // when the recipient sends its CSV status file: 07 then 10 for A, 06 with its reason for B
        drop(recipientIn, "status/statuts-service-fait.csv");
        CompteRenduType serviceDone = awaitReport(recipientOut, "statuts-service-fait.csv", 1);

        // then every line is applied, in order, with its reason and comment, dated by the platform; the sample's
        // fixed dates precede the delivery (it happened now), which each line's warning says
        assertThat(serviceDone.getType()).isEqualTo(TypeCompteRendu.STATUTS);
        assertThat(serviceDone.getStatut().getEtat()).isEqualTo(EtatFlux.IN_INTEGRE);
        String earlierThanDelivery = " STA_DATE_ANTERIEURE_MISE_A_DISPOSITION";
        assertThat(outcomes(serviceDone)).containsExactly("2:APPLIQUE" + earlierThanDelivery,
                "3:APPLIQUE" + earlierThanDelivery, "4:APPLIQUE" + earlierThanDelivery);
        assertThat(serviceDone.getFlux().getIdFlux()).startsWith("ACH0011301");
        assertThat(ledger.history(invoiceA)).extracting(StatusChange::status).containsExactly(InvoiceStatus.DEPOSEE,
                InvoiceStatus.EN_COURS_ACHEMINEMENT, InvoiceStatus.MISE_A_DISPOSITION, InvoiceStatus.SERVICE_FAIT,
                InvoiceStatus.COMPTABILISEE);
        StatusChange serviceFait = ledger.history(invoiceA).get(3);
        assertThat(serviceFait.actor()).isEqualTo(Actor.RECIPIENT);
        assertThat(serviceFait.declaredAt()).isEqualTo("2026-11-24T08:15:00Z");
        assertThat(serviceFait.at()).isAfterOrEqualTo(ledger.history(invoiceA).get(2).at());
        assertThat(serviceFait.message()).isEqualTo("Service fait constaté par le service technique");
        assertThat(ledger.history(invoiceB)).last().satisfies(change -> {
            assertThat(change.status()).isEqualTo(InvoiceStatus.SUSPENDUE);
            assertThat(change.reasonCode()).isEqualTo("JUSTIFICATIF_ABSENT");
            assertThat(change.message()).isEqualTo("Bon de livraison du 3 novembre manquant ; merci de le joindre");
        });

        // when its software sends a CPPStatut file (NumOrdre 1 and 2: 07 then 10 with its mandate number, for the
        // credit note, declared by its SIRET and by its partner code)
        drop(recipientIn, "status/statuts-comptabilite.xml");
        CompteRenduType accounting = awaitReport(recipientOut, "statuts-comptabilite.xml", 1);
        assertThat(accounting.getStatut().getEtat()).isEqualTo(EtatFlux.IN_INTEGRE);
        assertThat(accounting.getFlux().getIdFlux()).startsWith("ACH0011300");
        assertThat(accounting.getStatuts().getLigne()).extracting(l -> l.getLigne() + "/" + l.getNumOrdre())
                .containsExactly("18/1", "30/2");
        assertThat(ledger.status(creditNote)).contains(InvoiceStatus.COMPTABILISEE);
        assertThat(ledger.history(creditNote)).last().extracting(StatusChange::actor).isEqualTo(Actor.RECIPIENT);
        assertThat(jdbc.queryForObject("SELECT mandate_id FROM invoice_status_history WHERE invoice_id = ? AND status = '10'",
                String.class, creditNote)).isEqualTo("M-2026-004512");

        // when it sends a file with one good line and seven bad ones
        drop(recipientIn, "status/statuts-lignes-erronees.csv");
        CompteRenduType mixed = awaitReport(recipientOut, "statuts-lignes-erronees.csv", 1);

        // then the good one is applied, each bad one reported with its line number and code, nothing else changed
        assertThat(mixed.getStatut().getEtat()).isEqualTo(EtatFlux.IN_INTEGRE_PARTIEL);
        assertThat(outcomes(mixed)).containsExactly("2:APPLIQUE" + earlierThanDelivery, "3:STA_MOTIF_ABSENT", "4:STA_FACTURE_INCONNUE",
                "5:STA_STATUT_INCONNU", "6:STA_DATE_INVALIDE", "7:STA_MOTIF_INCONNU", "8:STA_LIGNE_MALFORMEE",
                "9:STA_TRANSITION_INTERDITE");
        assertThat(mixed.getStatuts().getAppliquees()).isEqualTo(1);
        assertThat(mixed.getStatuts().getRejetees()).isEqualTo(7);
        // (line N of the file is the (N - 1)th status line: line 1 is the header)
        assertThat(mixed.getStatuts().getLigne().get(6).getConstat().getMessage())
                .contains("l'en-tête en annonce 8");
        assertThat(mixed.getStatuts().getLigne().get(7).getConstat().getMessage())
                .contains("10 Comptabilisée").contains("06 Suspendue").contains("11 Mise en paiement");
        assertThat(ledger.status(invoiceA)).contains(InvoiceStatus.MISE_EN_PAIEMENT);
        assertThat(ledger.status(invoiceB)).contains(InvoiceStatus.SUSPENDUE);
        assertThat(ledger.status(creditNote)).contains(InvoiceStatus.COMPTABILISEE);

        // when the supplier completes the suspended invoice in CPPStatut, saying what it added
        drop(supplierIn, "status/completion-fournisseur.xml");
        CompteRenduType completion = awaitReport(dataDir.resolve("mailboxes/FOU001/out"), "completion-fournisseur.xml", 1);

        // then it is 12 Complétée, by the supplier, with both kept in the history
        assertThat(completion.getStatut().getEtat()).isEqualTo(EtatFlux.IN_INTEGRE);
        assertThat(ledger.history(invoiceB)).last().satisfies(change -> {
            assertThat(change.status()).isEqualTo(InvoiceStatus.COMPLETEE);
            assertThat(change.actor()).isEqualTo(Actor.SUPPLIER);
            assertThat(change.message()).contains("Bon de livraison signé").contains("BL-2026-1103.pdf");
        });

        // when the recipient drops its first file again
        int historyBefore = count("SELECT COUNT(*) FROM invoice_status_history");
        drop(recipientIn, "status/statuts-service-fait.csv");
        CompteRenduType again = awaitReport(recipientOut, "statuts-service-fait.csv", 2);

        // then nothing is applied twice, and the report says so for each line
        assertThat(again.getStatut().getEtat()).isEqualTo(EtatFlux.IN_REJETE);
        assertThat(outcomes(again)).containsExactly("2:STA_DEJA_APPLIQUE", "3:STA_DEJA_APPLIQUE", "4:STA_DEJA_APPLIQUE");
        assertThat(again.getStatuts().getLigne().get(0).getConstat().getMessage())
                .contains(serviceDone.getFlux().getIdFlux()).contains("pas appliqué une seconde fois");
        assertThat(count("SELECT COUNT(*) FROM invoice_status_history")).isEqualTo(historyBefore);

        // when it drops a CPPStatut file that breaks AIFE's schema (a status in letters)
        String invalid = Files.readString(SAMPLES.resolve("status/statuts-comptabilite.xml"), StandardCharsets.UTF_8)
                .replace("<IdStatut>07</IdStatut>", "<IdStatut>SF</IdStatut>");
        SampleInvoices.drop(recipientIn, "statuts-invalides.xml", invalid.getBytes(StandardCharsets.UTF_8));
        CompteRenduType refused = awaitReport(recipientOut, "statuts-invalides.xml", 1);

        // then the whole file is refused with the error's line, and nothing is applied
        assertThat(refused.getStatut().getEtat()).isEqualTo(EtatFlux.IN_REJETE);
        assertThat(refused.getStatuts()).isNull();
        assertThat(refused.getErreursFlux().getConstat()).first().satisfies(error -> {
            assertThat(error.getCode()).isEqualTo("XSD_INVALIDE");
            assertThat(error.getEmplacement().getLigne()).isEqualTo(22);
        });
        assertThat(count("SELECT COUNT(*) FROM invoice_status_history")).isEqualTo(historyBefore);
    }

    private static void drop(Path inbox, String sample) throws Exception {
        Path file = SAMPLES.resolve(sample);
        SampleInvoices.drop(inbox, file.getFileName().toString(), Files.readAllBytes(file));
    }

    private String invoiceId(String number) {
        return jdbc.queryForObject("SELECT invoice_id FROM invoice WHERE invoice_number = ?", String.class, number);
    }

    private int count(String sql) {
        Integer count = jdbc.queryForObject(sql, Integer.class);
        return count == null ? 0 : count;
    }
}
