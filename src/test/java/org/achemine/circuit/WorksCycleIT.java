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
 * Issue 17 part 4 on the running engine: a works invoice (cadre A4, projet de décompte mensuel) to the commune
 * COL001 names its maître d'œuvre MOE001 and its maître d'ouvrage, the region served by MOA001 (EstMOA), in
 * BG-24. It walks supplier → MOE → MOA → recipient, each step from a dropped status file, each lifecycle report
 * the supplier gets schema-valid. A refusal by the MOE stops it for good; silences past each delay are recorded
 * by the nightly run on a moved platform clock; a MOA-only structure is refused as a direct recipient.
 */
@SpringBootTest(classes = {AchemineApplication.class, CircuitEngineFixture.MovableClock.class}, properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=300ms",
        "achemine.lifecycle.trigger-delay=300ms", "achemine.delivery.durable=false",
        "achemine.partners[0].code=FOU001", "achemine.partners[0].role=ISSUER",
        "achemine.partners[1].code=MOE001", "achemine.partners[1].role=RECIPIENT",
        "achemine.partners[1].siret=" + WorksCycleIT.MOE, "achemine.partners[1].delivery-format=original",
        "achemine.partners[2].code=MOA001", "achemine.partners[2].role=RECIPIENT",
        "achemine.partners[2].siret=" + WorksCycleIT.MOA, "achemine.partners[2].delivery-format=original",
        "achemine.partners[3].code=COL001", "achemine.partners[3].role=RECIPIENT",
        "achemine.partners[3].siret=21690012600014", "achemine.partners[3].delivery-format=original"})
class WorksCycleIT extends CircuitEngineFixture {

    static final String MOE = "73282932000074";
    /** REGION BRETAGNE-OUEST in the sample directory: EstMOA. */
    static final String MOA = "27991880965164";
    private static final String BELLERIVE = "21690012600014";
    /** SYNDICAT MIXTE DES EAUX DU VAL DE SAONE in the sample directory: EstMOAUniquement. */
    private static final String MOA_ONLY = "22543801985816";

    @Test
    void aWorksInvoiceWalksFromTheMoeToTheMoaToItsRecipient() throws Exception {
        // given a projet de décompte mensuel held in the MOE's out/
        String id = depositWorks("DM-2026-001", "decompte-1.xml", MOE, MOA);
        assertThat(boxes.outFiles("MOA001", id)).isEmpty();
        assertThat(boxes.outFiles("COL001", id)).isEmpty();

        // when the MOE takes it into account, the MOA gets it and nobody else
        boxes.dropStatus("MOE001", "prise-en-compte.csv", """
                id_facture;statut;date_heure;commentaire
                %s;19;2026-11-24T09:15:00+01:00;Situation vérifiée
                """.formatted(id));
        assertThat(Files.readString(boxes.awaitOne(boxes.out("MOE001"), "_prise-en-compte.csv.cr.xml")))
                .contains("<Resultat>APPLIQUE</Resultat>");
        await().atMost(CircuitTestMailboxes.PATIENCE).until(() -> boxes.outFiles("MOA001", id).size() == 1);
        assertThat(boxes.outFiles("MOA001", id).get(0)).hasSameBinaryContentAs(CircuitTestMailboxes.archived(jdbc, id));
        await().atMost(CircuitTestMailboxes.PATIENCE).until(() -> ledger.status(id).orElseThrow() == InvoiceStatus.TRANSMISE_MOA);
        assertThat(boxes.outFiles("COL001", id)).isEmpty();

        // when the MOA takes it into account, the commune gets it, byte for byte
        boxes.dropStatus("MOA001", "prise-en-compte-moa.csv", """
                id_facture;statut;date_heure
                %s;22;2026-11-25T10:00:00+01:00
                """.formatted(id));
        assertThat(Files.readString(boxes.awaitOne(boxes.out("MOA001"), "_prise-en-compte-moa.csv.cr.xml")))
                .contains("<Resultat>APPLIQUE</Resultat>");
        await().atMost(CircuitTestMailboxes.PATIENCE).until(() -> boxes.outFiles("COL001", id).size() == 1);
        assertThat(boxes.outFiles("COL001", id).get(0)).hasSameBinaryContentAs(CircuitTestMailboxes.archived(jdbc, id));
        await().atMost(CircuitTestMailboxes.PATIENCE).until(() -> ledger.status(id).orElseThrow() == InvoiceStatus.MISE_A_DISPOSITION);
        List<StatusChange> history = ledger.history(id);
        assertThat(history).extracting(c -> c.status().code())
                .containsExactly("01", "17", "19", "20", "22", "02", "03");
        assertThat(history).extracting(StatusChange::actor).containsExactly(Actor.PLATFORM, Actor.PLATFORM,
                Actor.MOE, Actor.PLATFORM, Actor.MOA, Actor.PLATFORM, Actor.PLATFORM);
        assertThat(jdbc.queryForObject("SELECT recipient_siret FROM invoice WHERE invoice_id = ?", String.class, id))
                .isEqualTo(BELLERIVE);

        // and the supplier was told each step, in schema-valid lifecycle reports
        List<Entry> told = boxes.awaitReported("DM-2026-001", List.of("01", "17", "19", "20", "22", "02", "03"));
        assertThat(told.get(2).producer()).isEqualTo("MOE");
        assertThat(told.get(4).producer()).isEqualTo("MOA");
    }

    @Test
    void aBuyerThatIsItsOwnMoaGetsTheInvoiceToTakeIntoAccountThenToProcess() throws Exception {
        // given a works invoice to the region (EstMOA) naming no MOA: the buyer is the MOA
        SampleInvoices.drop(boxes.in("FOU001"), "decompte-8.xml",
                works(SampleInvoices.ubl("DM-2026-008", MOA, null, null), MOE, null));
        await().atMost(CircuitTestMailboxes.PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM invoice WHERE invoice_number = 'DM-2026-008'", Integer.class) == 1);
        String id = jdbc.queryForObject("SELECT invoice_id FROM invoice WHERE invoice_number = 'DM-2026-008'", String.class);
        await().atMost(CircuitTestMailboxes.PATIENCE).until(() -> boxes.outFiles("MOE001", id).size() == 1);

        // when the MOE, then the region as MOA, take it into account
        boxes.dropStatus("MOE001", "prise-en-compte-8.csv", "id_facture;statut;date_heure\n%s;19;2026-11-24T09:15:00+01:00\n"
                .formatted(id));
        await().atMost(CircuitTestMailboxes.PATIENCE).until(() -> ledger.status(id).orElseThrow() == InvoiceStatus.TRANSMISE_MOA);
        boxes.dropStatus("MOA001", "prise-en-compte-moa-8.csv", "id_facture;statut;date_heure\n%s;22;2026-11-25T10:00:00+01:00\n"
                .formatted(id));

        // then the region is delivered the invoice to process, as its recipient
        await().atMost(CircuitTestMailboxes.PATIENCE).until(() -> ledger.status(id).orElseThrow() == InvoiceStatus.MISE_A_DISPOSITION);
        assertThat(ledger.history(id)).extracting(c -> c.status().code())
                .containsExactly("01", "17", "19", "20", "22", "02", "03");
        assertThat(boxes.outFiles("MOA001", id)).isNotEmpty();
        assertThat(jdbc.queryForObject("SELECT recipient_siret FROM invoice WHERE invoice_id = ?", String.class, id))
                .isEqualTo(MOA);
    }

    @Test
    void anInvoiceTheMoeRefusesNeverReachesTheMoaNorTheRecipient() throws Exception {
        // given a works invoice waiting for its MOE
        String id = depositWorks("DM-2026-002", "decompte-2.xml", MOE, MOA);

        // when the MOA tries to answer first, it is refused: the invoice is not its yet
        boxes.dropStatus("MOA001", "trop-tot.csv", """
                id_facture;statut;date_heure
                %s;22;2026-11-24T09:00:00+01:00
                """.formatted(id));
        assertThat(Files.readString(boxes.awaitOne(boxes.out("MOA001"), "_trop-tot.csv.cr.xml")))
                .contains("<Resultat>REJETE</Resultat>");

        // when the MOE refuses it with a reason
        boxes.dropStatus("MOE001", "refus.csv", """
                id_facture;statut;date_heure;motif;commentaire
                %s;18;2026-11-24T10:05:00+01:00;MONTANT_ERRONE;Quantités surévaluées
                """.formatted(id));

        // then it is refused for good, the supplier told with the reason, and nothing reaches the MOA or the commune
        assertThat(Files.readString(boxes.awaitOne(boxes.out("MOE001"), "_refus.csv.cr.xml"))).contains("<Resultat>APPLIQUE</Resultat>");
        assertThat(ledger.status(id)).contains(InvoiceStatus.REFUSEE_MOE);
        List<Entry> told = boxes.awaitReported("DM-2026-002", List.of("01", "17", "18"));
        assertThat(told.get(2).motif()).isEqualTo("MONTANT_ERRONE");
        assertThat(nightly.runNow()).hasValueSatisfying(run -> assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        assertThat(boxes.outFiles("MOA001", id)).isEmpty();
        assertThat(boxes.outFiles("COL001", id)).isEmpty();
        assertThat(ledger.status(id)).contains(InvoiceStatus.REFUSEE_MOE);
    }

    @Test
    void silencesPastEachDelayAreRecordedByTheNightlyRunAndTheInvoiceMovesOn() throws Exception {
        // given a works invoice neither the MOE nor the MOA answers
        String id = depositWorks("DM-2026-003", "decompte-3.xml", MOE, MOA);
        assertThat(nightly.runNow()).hasValueSatisfying(run -> assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        assertThat(ledger.status(id)).contains(InvoiceStatus.A_VALIDER_MOE);

        // when the platform clock passes the MOE's 7 days: 23 recorded, then transmitted to the MOA
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(nightly.runNow()).hasValueSatisfying(run -> assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        assertThat(ledger.status(id)).contains(InvoiceStatus.TRANSMISE_MOA);
        assertThat(boxes.outFiles("MOA001", id)).hasSize(1);
        assertThat(boxes.outFiles("COL001", id)).isEmpty();

        // when it passes the MOA's 15 days: 24 recorded, then delivered to the commune
        clock.advance(Duration.ofDays(15).plusMinutes(1));
        assertThat(nightly.runNow()).hasValueSatisfying(run -> assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        assertThat(ledger.history(id)).extracting(c -> c.status().code())
                .containsExactly("01", "17", "23", "20", "24", "02", "03");
        assertThat(boxes.outFiles("COL001", id)).hasSize(1);
        boxes.awaitReported("DM-2026-003", List.of("01", "17", "23", "20", "24", "02", "03"));

        // and a late answer from the MOE is refused: the platform's clock decided
        boxes.dropStatus("MOE001", "tardive.csv", """
                id_facture;statut;date_heure
                %s;19;2026-11-24T11:00:00+01:00
                """.formatted(id));
        assertThat(Files.readString(boxes.awaitOne(boxes.out("MOE001"), "_tardive.csv.cr.xml")))
                .contains("<Resultat>REJETE</Resultat>");
        assertThat(ledger.status(id)).contains(InvoiceStatus.MISE_A_DISPOSITION);
    }

    @Test
    void worksInvoicesWithoutTheirPartiesAndInvoicesToAMoaOnlyStructureAreRefusedAtIntegration() throws Exception {
        // when the supplier deposits a works invoice naming no MOE, one whose MOA defaults to a buyer that is not
        // EstMOA, one naming an unconnected MOE, and an ordinary invoice addressed to a MOA-only structure
        SampleInvoices.drop(boxes.in("FOU001"), "sans-moe.xml", works("DM-2026-004", null, MOA));
        SampleInvoices.drop(boxes.in("FOU001"), "moa-non-habilitee.xml", works("DM-2026-005", MOE, null));
        SampleInvoices.drop(boxes.in("FOU001"), "moe-inconnu.xml", works("DM-2026-006", "99999999999999", MOA));
        SampleInvoices.drop(boxes.in("FOU001"), "moa-uniquement.xml", SampleInvoices.ubl("FA-2026-007", MOA_ONLY, null, null));

        // then each integration report refuses it with its code, and no invoice exists
        assertThat(Files.readString(boxes.awaitOne(boxes.out("FOU001"), "_sans-moe.xml.integration.xml")))
                .contains("CIRCUIT_MOE_ABSENT");
        assertThat(Files.readString(boxes.awaitOne(boxes.out("FOU001"), "_moa-non-habilitee.xml.integration.xml")))
                .contains("CIRCUIT_MOA_NON_HABILITEE").contains(BELLERIVE);
        assertThat(Files.readString(boxes.awaitOne(boxes.out("FOU001"), "_moe-inconnu.xml.integration.xml")))
                .contains("CIRCUIT_MOE_INCONNU");
        assertThat(Files.readString(boxes.awaitOne(boxes.out("FOU001"), "_moa-uniquement.xml.integration.xml")))
                .contains("ROUTAGE_STRUCTURE_NON_DESTINATAIRE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE invoice_number IN"
                + " ('DM-2026-004', 'DM-2026-005', 'DM-2026-006', 'FA-2026-007')", Integer.class)).isZero();
    }

    /** Deposits a works invoice and waits until it is held in the MOE's out/; returns its id. */
    private String depositWorks(String number, String name, String moe, String moa) throws Exception {
        SampleInvoices.drop(boxes.in("FOU001"), name, works(number, moe, moa));
        await().atMost(CircuitTestMailboxes.PATIENCE).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE invoice_number = ?",
                Integer.class, number) == 1);
        String id = jdbc.queryForObject("SELECT invoice_id FROM invoice WHERE invoice_number = ?", String.class, number);
        await().atMost(CircuitTestMailboxes.PATIENCE).until(() -> boxes.outFiles("MOE001", id).size() == 1);
        assertThat(boxes.outFiles("MOE001", id).get(0)).hasSameBinaryContentAs(CircuitTestMailboxes.archived(jdbc, id));
        assertThat(ledger.status(id)).contains(InvoiceStatus.A_VALIDER_MOE);
        assertThat(Files.readString(boxes.awaitOne(boxes.out("FOU001"), "_" + name + ".integration.xml"))).contains("<Code>17</Code>");
        return id;
    }

    /** The sample UBL invoice as a works document (BT-23 A4) naming its MOE and MOA in BT-122 / BT-123. */
    static byte[] works(String number, String moe, String moa) {
        return works(SampleInvoices.ubl(number, BELLERIVE, "SCE-TECH-042", "1300045678"), moe, moa);
    }

    /** A sample UBL invoice made a works document (BT-23 A4) naming its MOE and MOA. */
    private static byte[] works(byte[] invoice, String moe, String moa) {
        String xml = new String(invoice, StandardCharsets.UTF_8);
        xml = xml.replace("</cbc:CustomizationID>", "</cbc:CustomizationID>\n  <cbc:ProfileID>A4</cbc:ProfileID>");
        xml = xml.replace("  <cac:AccountingSupplierParty>", reference(moe, "MOE") + reference(moa, "MOA")
                + "  <cac:AccountingSupplierParty>");
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String reference(String siret, String role) {
        return siret == null ? "" : """
                  <cac:AdditionalDocumentReference>
                    <cbc:ID>%s</cbc:ID>
                    <cbc:DocumentDescription>%s</cbc:DocumentDescription>
                  </cac:AdditionalDocumentReference>
                """.formatted(siret, role);
    }
}
