package org.achemine.delivery.pivot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.achemine.chorus.pivot.CPPFacturePivot;
import org.achemine.chorus.pivot.CPPFacturePivotUnitaire;
import org.achemine.chorus.pivot.PJ;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.lifecycle.StatusReason;
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
 * The routing job delivers to a recipient partner configured for the pivot: a CPPFacturePivot valid against
 * AIFE's schema, the supplier's file inside byte for byte, exactly once; deliveries again after a completion
 * or a recycling say so in {@code Renvoi}.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=1h",
        "achemine.lifecycle.trigger-delay=1h", "achemine.delivery.durable=false",
        "achemine.partners[0].code=FOU001", "achemine.partners[0].role=ISSUER",
        "achemine.partners[1].code=COL001", "achemine.partners[1].name=Commune de Bellerive",
        "achemine.partners[1].role=RECIPIENT", "achemine.partners[1].siret=21690012600014",
        "achemine.partners[1].delivery-format=pivot"})
class PivotDeliveryIT extends EngineTest {

    private static final String BELLERIVE = "21690012600014";   // service code required: SCE-TECH-042, SCE-ECOLES-07
    private static final PivotSchema SCHEMA = new PivotSchema();

    @Autowired
    Mailboxes mailboxes;

    @BeforeEach
    void directory() throws Exception {
        sampleDirectoryInService();
    }

    @Test
    void aRecipientPartnerAskingForThePivotReceivesAValidPivotCarryingTheOriginal() throws Exception {
        // given an invoice deposited for Bellerive, whose partner COL001 asks for the pivot
        byte[] original = SampleInvoices.ubl("F-PV-001", BELLERIVE, "SCE-TECH-042", "EJ-PV-1");
        deposit("pivot-1.xml", original);

        // when routing runs
        route();

        // then COL001 has one pivot, named the Chorus way, recorded as the delivery
        String id = invoiceIdOf("pivot-1.xml");
        assertThat(ledger.status(id)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        Path pivot = Path.of(jdbc.queryForObject("SELECT delivery_path FROM invoice WHERE invoice_id = ?", String.class, id));
        assertThat(pivot.getParent()).isEqualTo(dataDir.resolve("mailboxes/COL001/out"));
        assertThat(pivot.getFileName().toString()).isEqualTo("FEN0036A_ACH001_" + flowId(id, 0) + ".xml");
        // valid against the official schema, read back with the generated classes
        byte[] written = Files.readAllBytes(pivot);
        SCHEMA.validate(written);
        CPPFacturePivot read = SCHEMA.read(written);
        CPPFacturePivotUnitaire invoice = read.getCPPFactures().getCPPFacturePivotUnitaire().get(0);
        assertThat(invoice.getDonneesFacture().getId()).isEqualTo("F-PV-001");
        assertThat(invoice.getDonneesFacture().getIdCPRO()).isEqualTo(PivotIds.idCpro(id));
        assertThat(invoice.getDonneesFacture().getRenvoi()).isEqualTo("Non");
        assertThat(invoice.getDonneesFacture().getEngagement().getNumeroEngagement()).isEqualTo("EJ-PV-1");
        assertThat(invoice.getDebiteur().getIdentifiant()).isEqualTo(BELLERIVE);
        assertThat(invoice.getDebiteur().getCodeService()).isEqualTo("SCE-TECH-042");
        // dated by the platform: the day the flow was received, on the routing calendar
        OffsetDateTime received = jdbc.queryForObject("SELECT received_at FROM flow WHERE flow_id = ?",
                OffsetDateTime.class, id.substring(0, 25));
        assertThat(invoice.getDonneesFacture().getDateReception().toString())
                .isEqualTo(received.atZoneSameInstant(ZoneId.of("Europe/Paris")).toLocalDate().toString());
        // and the supplier's file is inside, byte for byte
        assertThat(Base64.getDecoder().decode(invoice.getPJ().get(0).getContenu())).isEqualTo(original);

        // when routing runs again, nothing is delivered twice
        route();
        assertThat(pivotsIn(dataDir.resolve("mailboxes/COL001/out"), flowId(id, 0).substring(0, 23))).hasSize(1);
    }

    @Test
    void deliveriesAgainAfterACompletionOrARecyclingCarryTheirRenvoi() throws Exception {
        // given an invoice delivered, suspended, then completed by its supplier
        String completed = suspended("pivot-completed.xml", "F-PV-002");
        ledger.change(completed, InvoiceStatus.COMPLETEE, Actor.SUPPLIER, null, "Bon joint", clock.instant());
        // and an invoice its recipient sent back for recycling (04 is the recipient's), then resent under the
        // same number with the service the recipient asked for
        deposit("pivot-recycle-1.xml", SampleInvoices.ubl("F-PV-003", BELLERIVE, "SCE-TECH-042", null));
        route();
        ledger.change(invoiceIdOf("pivot-recycle-1.xml"), InvoiceStatus.A_RECYCLER, Actor.RECIPIENT,
                StatusReason.SE_EJ_INCORRECT.name(), "Adressez-la au service des écoles", clock.instant());
        deposit("pivot-recycle-2.xml", SampleInvoices.ubl("F-PV-003", BELLERIVE, "SCE-ECOLES-07", null));

        // when routing runs
        route();

        // then the completed invoice is delivered again as a flow of its own, Renvoi = Complétée, with its notice
        Path outbox = dataDir.resolve("mailboxes/COL001/out");
        Path again = outbox.resolve("FEN0036A_ACH001_" + flowId(completed, 1) + ".xml");
        assertThat(renvoi(again)).isEqualTo("Complétée");
        assertThat(outbox.resolve("FEN0036A_ACH001_" + flowId(completed, 1) + ".statut.xml")).exists();
        assertThat(renvoi(outbox.resolve("FEN0036A_ACH001_" + flowId(completed, 0) + ".xml"))).isEqualTo("Non");
        // and the recycled one is delivered with Renvoi = Recyclée
        String recycled = invoiceIdOf("pivot-recycle-2.xml");
        assertThat(ledger.status(recycled)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        assertThat(renvoi(outbox.resolve("FEN0036A_ACH001_" + flowId(recycled, 0) + ".xml"))).isEqualTo("Recyclée");

        // and verify accounts for every pivot in out/ (first deliveries, the one after completion, its notice)
        VerificationReport verification = InvariantChecker.standard().check(mailboxes, jdbc, false);
        assertThat(verification.clean()).as(verification.describe()).isTrue();
        assertThat(verification.count("factures livrées dans out/ (fichiers)")).isGreaterThanOrEqualTo(2);
        assertThat(verification.count("factures livrées à nouveau après complétion (fichiers et avis)")).isEqualTo(2);
    }

    @Test
    void aPivotThatCannotBeMadeIsNeverPublishedAndTheDeliveryIsTriedAgain() throws Exception {
        // given an invoice deposited for Bellerive whose archived copy is damaged (a broken disk)
        byte[] original = SampleInvoices.ubl("F-PV-004", BELLERIVE, "SCE-TECH-042", null);
        deposit("pivot-damaged.xml", original);
        String flow = jdbc.queryForObject("SELECT flow_id FROM flow WHERE original_name = ?", String.class,
                "pivot-damaged.xml");
        String id = flow + "-1";
        Path archived = Path.of(jdbc.queryForObject("SELECT archive_path FROM flow WHERE flow_id = ?", String.class, flow));
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(archived);
        Files.setPosixFilePermissions(archived, PosixFilePermissions.fromString("rw-------"));
        Files.write(archived, "<Invoice>damaged".getBytes(StandardCharsets.UTF_8));

        // when routing runs
        BatchStatus status = run(routingJob).getStatus();

        // then the run fails safe: no pivot, no temporary file, the document still waits for integration
        assertThat(status).isEqualTo(BatchStatus.FAILED);
        Path outbox = dataDir.resolve("mailboxes/COL001/out");
        Path target = outbox.resolve("FEN0036A_ACH001_" + flowId(id, 0) + ".xml");
        assertThat(target).doesNotExist();
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains(flowId(id, 0)));
        }
        assertThat(ledger.status(id)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration_refusal WHERE invoice_id = ?", Integer.class, id))
                .isZero();

        // when the archive is repaired and routing runs again, the invoice is delivered
        Files.write(archived, original);
        Files.setPosixFilePermissions(archived, permissions);
        route();
        assertThat(ledger.status(id)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        assertThat(Base64.getDecoder().decode(SCHEMA.read(Files.readAllBytes(target)).getCPPFactures()
                .getCPPFacturePivotUnitaire().get(0).getPJ().get(0).getContenu())).isEqualTo(original);
    }

    @Test
    void aCompletionBundlesDocumentsTravelInTheCompletedPivotAsSupportingDocuments() throws Exception {
        // given an invoice delivered as the pivot, suspended by its recipient
        String id = suspended("pivot-bundle.xml", "F-PV-005");

        // when its supplier completes it with a bundle (PDF + PNG) and routing runs, twice
        deposit("pivot-complement.zip", CompletionBundles.zip(
                CompletionBundles.statusLine(id, "12", clock.instant().minusSeconds(60)), CompletionBundles.pdfAndPng()));
        route();
        route();

        // then one completed pivot (and its notice), valid, carries the invoice (PJ 01) then the two documents
        // (PJ 02), in order
        Path outbox = dataDir.resolve("mailboxes/COL001/out");
        assertThat(pivotsIn(outbox, flowId(id, 1))).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                "FEN0036A_ACH001_" + flowId(id, 1) + ".xml", "FEN0036A_ACH001_" + flowId(id, 1) + ".statut.xml");
        Path again = outbox.resolve("FEN0036A_ACH001_" + flowId(id, 1) + ".xml");
        assertThat(renvoi(again)).isEqualTo("Complétée");
        List<PJ> documents = SCHEMA.read(Files.readAllBytes(again)).getCPPFactures().getCPPFacturePivotUnitaire()
                .get(0).getPJ();
        assertThat(documents).extracting(PJ::getTypePJ).containsExactly("01", "02", "02");
        assertThat(documents.subList(1, 3)).extracting(PJ::getNomPJOrigine, PJ::getMimeTypePJ).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bon-livraison.pdf", "application/pdf"),
                org.assertj.core.groups.Tuple.tuple("photo chantier.png", "image/png"));
        assertThat(Base64.getDecoder().decode(documents.get(1).getContenu())).isEqualTo(CompletionBundles.PDF);
        assertThat(Base64.getDecoder().decode(documents.get(2).getContenu())).isEqualTo(CompletionBundles.PNG);
        // and no loose document file: the pivot carries them
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains("_PJ"))).isEmpty();
        }
    }

    private static String renvoi(Path pivot) throws Exception {
        byte[] written = Files.readAllBytes(pivot);
        SCHEMA.validate(written);
        return SCHEMA.read(written).getCPPFactures().getCPPFacturePivotUnitaire().get(0).getDonneesFacture().getRenvoi();
    }

    /** The pivot flow id of an invoice's delivery: ACH001, interface 0036, IdCPRO, the completion count. */
    private static String flowId(String invoiceId, int completions) {
        return "ACH0010036" + String.format("%015d", PivotIds.idCpro(invoiceId).longValueExact() * 100 + completions);
    }

    /** An invoice delivered to Bellerive as the pivot, then suspended by its recipient. */
    private String suspended(String name, String number) throws Exception {
        deposit(name, SampleInvoices.ubl(number, BELLERIVE, "SCE-TECH-042", null));
        route();
        String id = invoiceIdOf(name);
        ledger.change(id, InvoiceStatus.SUSPENDUE, Actor.RECIPIENT, StatusReason.JUSTIFICATIF_ABSENT.name(),
                "Joindre le bon de livraison", clock.instant());
        return id;
    }

    private void route() throws Exception {
        assertThat(run(routingJob).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private void deposit(String name, byte[] invoice) {
        deposit("FOU001", name, invoice);
    }

    private static List<Path> pivotsIn(Path outbox, String flowIdPrefix) throws Exception {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().startsWith("FEN0036A_ACH001_" + flowIdPrefix)
                    && f.getFileName().toString().endsWith(".xml")).toList();
        }
    }
}
