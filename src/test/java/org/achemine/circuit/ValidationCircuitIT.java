package org.achemine.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.achemine.AchemineApplication;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceLedger.StatusChange;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.lifecycle.report.StatusReportFiles.Entry;
import org.achemine.testing.SampleInvoices;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 17 part 3 on the running engine (Camel intake, routing and lifecycle-report triggers, H2 file database):
 * a subcontractor's invoice (cadre A9) naming its validator, the titulaire TIT001, goes to TIT001's out/ first;
 * TIT001 answers with a status file; only a validated invoice reaches the commune COL001. Refused → the supplier
 * is told, nothing delivered. Unanswered → the nightly run, on a platform clock moved past the delay, records 16
 * and forwards it (deemed validated, the default). Each lifecycle report the supplier gets is schema-valid.
 */
@SpringBootTest(classes = {AchemineApplication.class, CircuitEngineFixture.MovableClock.class}, properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=300ms",
        "achemine.lifecycle.trigger-delay=300ms", "achemine.delivery.durable=false",
        "achemine.partners[0].code=FOU001", "achemine.partners[0].role=ISSUER",
        "achemine.partners[1].code=TIT001", "achemine.partners[1].role=BOTH",
        "achemine.partners[1].siret=" + ValidationCircuitIT.TITULAIRE, "achemine.partners[1].delivery-format=original",
        "achemine.partners[2].code=COL001", "achemine.partners[2].role=RECIPIENT",
        "achemine.partners[2].siret=21690012600014", "achemine.partners[2].delivery-format=original"})
class ValidationCircuitIT extends CircuitEngineFixture {

    static final String TITULAIRE = "44306184100047";
    private static final String BELLERIVE = "21690012600014";

    @Test
    void aValidatedInvoiceGoesOnToItsRecipient() throws Exception {
        // given a subcontractor's invoice naming the titulaire as its validator, waiting in TIT001's out/
        String id = depositA9("ST-2026-001", "facture-st-valide.xml", TITULAIRE);
        assertThat(boxes.outFiles("COL001", id)).isEmpty();

        // when the titulaire validates it in CSV
        boxes.dropStatus("TIT001", "validation.csv", """
                id_facture;statut;date_heure;commentaire
                %s;14;2026-11-24T09:15:00+01:00;Travaux sous-traités constatés
                """.formatted(id));

        // then its status report says applied, and the invoice is delivered to the commune, byte for byte
        assertThat(Files.readString(boxes.awaitOne(boxes.out("TIT001"), "_validation.csv.cr.xml")))
                .contains("<Resultat>APPLIQUE</Resultat>");
        await().atMost(CircuitTestMailboxes.PATIENCE).until(() -> boxes.outFiles("COL001", id).size() == 1);
        assertThat(boxes.outFiles("COL001", id).get(0)).hasSameBinaryContentAs(CircuitTestMailboxes.archived(jdbc, id));
        await().atMost(CircuitTestMailboxes.PATIENCE).until(() -> ledger.status(id).orElseThrow() == InvoiceStatus.MISE_A_DISPOSITION);
        List<StatusChange> history = ledger.history(id);
        assertThat(history).extracting(c -> c.status().code()).containsExactly("01", "13", "14", "02", "03");
        assertThat(history).extracting(StatusChange::actor).containsExactly(Actor.PLATFORM, Actor.PLATFORM,
                Actor.VALIDATOR, Actor.PLATFORM, Actor.PLATFORM);
        assertThat(jdbc.queryForObject("SELECT recipient_siret FROM invoice WHERE invoice_id = ?", String.class, id))
                .isEqualTo(BELLERIVE);
        // and the supplier was told each step, in schema-valid lifecycle reports
        List<Entry> told = boxes.awaitReported("ST-2026-001", List.of("01", "13", "14", "02", "03"));
        assertThat(told.get(2).producer()).isEqualTo("VALIDATOR");
    }

    @Test
    void aRefusedInvoiceIsNeverDeliveredAndTheSupplierIsToldWhy() throws Exception {
        // given an A9 invoice waiting for its validator
        String id = depositA9("ST-2026-002", "facture-st-refusee.xml", TITULAIRE);

        // when the titulaire refuses it without a reason, then with one
        boxes.dropStatus("TIT001", "refus-sans-motif.csv", """
                id_facture;statut;date_heure
                %s;15;2026-11-24T10:00:00+01:00
                """.formatted(id));
        assertThat(Files.readString(boxes.awaitOne(boxes.out("TIT001"), "_refus-sans-motif.csv.cr.xml"))).contains("STA_MOTIF_ABSENT");
        boxes.dropStatus("TIT001", "refus.csv", """
                id_facture;statut;date_heure;motif;commentaire
                %s;15;2026-11-24T10:05:00+01:00;MONTANT_ERRONE;Situation de travaux surévaluée
                """.formatted(id));

        // then the invoice is refused for good, the supplier is told with the reason, the commune never gets it
        assertThat(Files.readString(boxes.awaitOne(boxes.out("TIT001"), "_refus.csv.cr.xml"))).contains("<Resultat>APPLIQUE</Resultat>");
        assertThat(ledger.status(id)).contains(InvoiceStatus.REFUSEE);
        List<Entry> told = boxes.awaitReported("ST-2026-002", List.of("01", "13", "15"));
        assertThat(told.get(2).motif()).isEqualTo("MONTANT_ERRONE");
        assertThat(nightly.runNow()).hasValueSatisfying(run -> assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        assertThat(boxes.outFiles("COL001", id)).isEmpty();
        assertThat(ledger.status(id)).contains(InvoiceStatus.REFUSEE);
    }

    @Test
    void anUnansweredValidationIsDeemedValidatedByTheNightlyRunPastTheDelay() throws Exception {
        // given an A9 invoice its validator does not answer
        String id = depositA9("ST-2026-003", "facture-st-silence.xml", TITULAIRE);

        // when the nightly runs before the delay is over, nothing changes
        assertThat(nightly.runNow()).hasValueSatisfying(run -> assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        assertThat(ledger.status(id)).contains(InvoiceStatus.A_VALIDER);

        // when the platform clock passes the 15 days and the nightly runs
        clock.advance(Duration.ofDays(15).plusMinutes(1));
        assertThat(nightly.runNow()).hasValueSatisfying(run -> assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED));

        // then the platform recorded 16 and forwarded it: deemed validated (docs/lifecycle.md#validation-circuits)
        assertThat(ledger.history(id)).extracting(c -> c.status().code()).containsExactly("01", "13", "16", "02", "03");
        assertThat(boxes.outFiles("COL001", id)).hasSize(1);
        boxes.awaitReported("ST-2026-003", List.of("01", "13", "16", "02", "03"));

        // and a late answer from the validator is refused (the invoice is the recipient's now): the platform's
        // clock decided, not the answer's declared date
        boxes.dropStatus("TIT001", "validation-tardive.csv", """
                id_facture;statut;date_heure
                %s;14;2026-11-24T11:00:00+01:00
                """.formatted(id));
        assertThat(Files.readString(boxes.awaitOne(boxes.out("TIT001"), "_validation-tardive.csv.cr.xml")))
                .contains("<Resultat>REJETE</Resultat>").contains("STA_FACTURE_NON_AUTORISEE");
        assertThat(ledger.status(id)).contains(InvoiceStatus.MISE_A_DISPOSITION);
    }

    @Test
    void anInvoiceWithoutAValidatorOrWithAnUnknownOneIsRefusedAtIntegration() throws Exception {
        // when the supplier deposits A9 invoices naming no validator, and one nobody serves
        SampleInvoices.drop(boxes.in("FOU001"), "facture-st-sans-valideur.xml", a9("ST-2026-004", null));
        SampleInvoices.drop(boxes.in("FOU001"), "facture-st-inconnu.xml", a9("ST-2026-005", "99999999999999"));

        // then both integration reports refuse them with the circuit's codes, and no invoice exists
        assertThat(Files.readString(boxes.awaitOne(boxes.out("FOU001"), "_facture-st-sans-valideur.xml.integration.xml")))
                .contains("CIRCUIT_VALIDEUR_ABSENT");
        assertThat(Files.readString(boxes.awaitOne(boxes.out("FOU001"), "_facture-st-inconnu.xml.integration.xml")))
                .contains("CIRCUIT_VALIDEUR_INCONNU");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE invoice_number IN ('ST-2026-004', 'ST-2026-005')",
                Integer.class)).isZero();
    }

    /** Deposits an A9 invoice and waits until it is held in the validator's out/; returns its id. */
    private String depositA9(String number, String name, String validator) throws Exception {
        SampleInvoices.drop(boxes.in("FOU001"), name, a9(number, validator));
        await().atMost(CircuitTestMailboxes.PATIENCE).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE invoice_number = ?",
                Integer.class, number) == 1);
        String id = jdbc.queryForObject("SELECT invoice_id FROM invoice WHERE invoice_number = ?", String.class, number);
        await().atMost(CircuitTestMailboxes.PATIENCE).until(() -> boxes.outFiles("TIT001", id).size() == 1);
        assertThat(boxes.outFiles("TIT001", id).get(0)).hasSameBinaryContentAs(CircuitTestMailboxes.archived(jdbc, id));
        assertThat(ledger.status(id)).contains(InvoiceStatus.A_VALIDER);
        assertThat(Files.readString(boxes.awaitOne(boxes.out("FOU001"), "_" + name + ".integration.xml"))).contains("<Code>13</Code>");
        return id;
    }

    /** The sample UBL invoice as a subcontractor's (BT-23 A9) naming its validator in BT-122 / BT-123 VALIDEUR. */
    static byte[] a9(String number, String validator) {
        String xml = new String(SampleInvoices.ubl(number, BELLERIVE, "SCE-TECH-042", "1300045678"), StandardCharsets.UTF_8);
        xml = xml.replace("</cbc:CustomizationID>", "</cbc:CustomizationID>\n  <cbc:ProfileID>A9</cbc:ProfileID>");
        if (validator != null) {
            xml = xml.replace("  <cac:AccountingSupplierParty>", """
                      <cac:AdditionalDocumentReference>
                        <cbc:ID>%s</cbc:ID>
                        <cbc:DocumentDescription>VALIDEUR</cbc:DocumentDescription>
                      </cac:AdditionalDocumentReference>
                      <cac:AccountingSupplierParty>""".formatted(validator));
        }
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
