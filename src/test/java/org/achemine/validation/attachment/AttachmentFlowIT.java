package org.achemine.validation.attachment;

import static org.achemine.testing.AttachmentSamples.PDF;
import static org.achemine.testing.AttachmentSamples.WINDOWS_PROGRAM;
import static org.achemine.testing.AttachmentSamples.reference;
import static org.achemine.testing.AttachmentSamples.ubl;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.achemine.chorus.pivot.CPPFacturePivotUnitaire;
import org.achemine.chorus.pivot.PJ;
import org.achemine.delivery.pivot.PivotSchema;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.lifecycle.StatusReason;
import org.achemine.testing.AttachmentSamples;
import org.achemine.testing.EngineTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Invoices with attachments go end to end: accepted, archived byte for byte (the attachments inside), routed and
 * delivered with them: to a pivot recipient each as a {@code PJ} of type 02 after the invoice (the pivot valid
 * against AIFE's schema), to an original-format recipient inside the invoice as sent, and nothing else. An
 * attachment that is a program refuses the flow, which is never routed; one that is plain text under a PDF type
 * is only a warning.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=1h",
        "achemine.lifecycle.trigger-delay=1h", "achemine.delivery.durable=false",
        "achemine.partners[0].code=FOU001", "achemine.partners[0].role=ISSUER",
        "achemine.partners[1].code=COL001", "achemine.partners[1].name=Commune de Bellerive",
        "achemine.partners[1].role=RECIPIENT", "achemine.partners[1].siret=21690012600014",
        "achemine.partners[1].delivery-format=pivot"})
class AttachmentFlowIT extends EngineTest {

    private static final String SAINT_AUBIN = "23992383297190";  // no partner: original format, no service required
    private static final String PNG_1X1 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    @BeforeEach
    void directory() throws Exception {
        sampleDirectoryInService();
    }

    @Test
    void aPivotRecipientGetsEachAttachmentAsAComplementaryPj() throws Exception {
        // given the UBL sample with a delivery note (PDF) and a photo (PNG), for Bellerive (pivot)
        byte[] invoice = Files.readAllBytes(AttachmentSamples.UBL);
        deposit("FOU001", "facture-pj.xml", invoice);
        Map<String, Object> flow = jdbc.queryForMap(
                "SELECT flow_state, archive_path FROM flow WHERE original_name = 'facture-pj.xml'");
        assertThat(flow.get("FLOW_STATE")).isEqualTo("IN_INTEGRE");
        assertThat(Files.readAllBytes(Path.of((String) flow.get("ARCHIVE_PATH")))).isEqualTo(invoice);

        // when routing runs
        List<Path> before = files(col001Out());
        route();
        String id = invoiceIdOf("facture-pj.xml");

        // then COL001 has one pivot, valid, the invoice as PJ 01 and each attachment after it as PJ 02
        assertThat(ledger.status(id)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        Path pivot = Path.of(jdbc.queryForObject("SELECT delivery_path FROM invoice WHERE invoice_id = ?",
                String.class, id));
        byte[] written = Files.readAllBytes(pivot);
        PivotSchema schema = new PivotSchema();
        schema.validate(written);
        CPPFacturePivotUnitaire delivered = schema.read(written).getCPPFactures().getCPPFacturePivotUnitaire().get(0);
        List<PJ> pjs = delivered.getPJ();
        assertThat(pjs).extracting(PJ::getTypePJ).containsExactly("01", "02", "02");
        assertThat(Base64.getDecoder().decode(pjs.get(0).getContenu())).isEqualTo(invoice);
        PJ deliveryNote = pjs.get(1);
        assertThat(deliveryNote.getNomPJ()).isEqualTo("bon-de-livraison-BL-2026-1103.pdf");
        assertThat(deliveryNote.getMimeTypePJ()).isEqualTo("application/pdf");
        assertThat(deliveryNote.getCategoriePJ()).isEqualTo("Bon de livraison signé");
        assertThat(Base64.getDecoder().decode(deliveryNote.getContenu())).isEqualTo(PDF);
        PJ photo = pjs.get(2);
        assertThat(photo.getNomPJ()).isEqualTo("poste-installe.png");
        assertThat(photo.getMimeTypePJ()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(photo.getContenu())).startsWith(0x89, 'P', 'N', 'G');
        // and the pivot is the only file delivered for the invoice
        assertThat(files(col001Out())).containsExactlyInAnyOrderElementsOf(
                Stream.concat(before.stream(), Stream.of(pivot)).toList());
    }

    @Test
    void aCompletedInvoiceIsDeliveredAgainOnceWithItsAttachments() throws Exception {
        // given an invoice with a delivery note and a photo, delivered to Bellerive (pivot), suspended, completed
        deposit("FOU001", "facture-pj-completee.xml", ubl("PJ-E2E-COMP",
                reference("application/pdf", "bl.pdf", PDF), reference("image/png", "photo.png",
                        Base64.getDecoder().decode(PNG_1X1))));
        route();
        String id = invoiceIdOf("facture-pj-completee.xml");
        ledger.change(id, InvoiceStatus.SUSPENDUE, Actor.RECIPIENT, StatusReason.JUSTIFICATIF_ABSENT.name(),
                "Joindre le bon de livraison signé", clock.instant());
        ledger.change(id, InvoiceStatus.COMPLETEE, Actor.SUPPLIER, null, "Bon de livraison joint", clock.instant());

        // when routing runs, twice
        List<Path> before = files(col001Out());
        route();
        List<Path> afterFirst = files(col001Out());
        route();

        // then one pivot and its notice were delivered, Renvoi Complétée, the attachments after the invoice
        assertThat(ledger.status(id)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        Path again = Path.of(jdbc.queryForObject("SELECT delivery_path FROM invoice WHERE invoice_id = ?",
                String.class, id));
        assertThat(afterFirst).hasSize(before.size() + 2).contains(again);
        PivotSchema schema = new PivotSchema();
        schema.validate(Files.readAllBytes(again));
        CPPFacturePivotUnitaire delivered = schema.read(Files.readAllBytes(again)).getCPPFactures()
                .getCPPFacturePivotUnitaire().get(0);
        assertThat(delivered.getDonneesFacture().getRenvoi()).isEqualTo("Complétée");
        assertThat(delivered.getPJ()).extracting(PJ::getTypePJ, PJ::getNomPJ).containsExactly(
                org.assertj.core.groups.Tuple.tuple("01", "facture-pj-completee.xml"),
                org.assertj.core.groups.Tuple.tuple("02", "bl.pdf"),
                org.assertj.core.groups.Tuple.tuple("02", "photo.png"));
        // and exactly once: the second run delivered nothing
        assertThat(files(col001Out())).isEqualTo(afterFirst);
    }

    private static Path col001Out() {
        return dataDir.resolve("mailboxes/COL001/out");
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> out = Files.list(folder)) {
            return out.sorted().toList();
        }
    }

    @Test
    void anOriginalFormatRecipientGetsTheInvoiceAsSentWithItsAttachmentsInside() throws Exception {
        // given the CII sample with its delivery note, for Saint-Aubin (no partner: original format)
        byte[] invoice = Files.readString(AttachmentSamples.CII, StandardCharsets.UTF_8)
                .replace("21690012600014", SAINT_AUBIN)
                .replace("<ram:BuyerReference>SCE-ECOLES-07</ram:BuyerReference>", "")
                .getBytes(StandardCharsets.UTF_8);
        deposit("FOU001", "facture-pj-cii.xml", invoice);

        // when routing runs
        route();
        String id = invoiceIdOf("facture-pj-cii.xml");

        // then Saint-Aubin's out/ holds the invoice byte for byte, attachment inside, and no separate file
        assertThat(ledger.status(id)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        Path delivered = Path.of(jdbc.queryForObject("SELECT delivery_path FROM invoice WHERE invoice_id = ?",
                String.class, id));
        assertThat(Files.readAllBytes(delivered)).isEqualTo(invoice);
        assertThat(new InvoiceAttachments(1_000_000).of(Files.readAllBytes(delivered), List.of()))
                .singleElement().satisfies(a -> assertThat(a.content()).isEqualTo(PDF));
        try (Stream<Path> out = Files.list(delivered.getParent())) {
            assertThat(out.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(id)).toList())
                    .containsExactly(delivered.getFileName().toString());
        }
    }

    @Test
    void anAttachmentThatIsAProgramRefusesTheFlowWhichIsNeverRouted() throws Exception {
        Map<String, Object> flow = deposited("facture-piegee.xml",
                ubl("PJ-E2E-EXE", reference("application/pdf", "detail.pdf", WINDOWS_PROGRAM)));

        assertThat(flow.get("FLOW_STATE")).isEqualTo("IN_REJETE");
        assertThat(report(flow)).contains("IRR_PJ_CONTENU").contains("detail.pdf");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE flow_id = ?", Integer.class,
                flow.get("FLOW_ID"))).isZero();
    }

    @Test
    void aTextDeclaredAsPdfIsAcceptedWithAWarningAndDeliveredAsSent() throws Exception {
        // given an invoice whose « PDF » is a line of text, as in the official EN 16931 examples
        byte[] text = "Testing Base64 encoding".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> flow = deposited("facture-pj-texte.xml",
                ubl("PJ-E2E-TXT", reference("application/pdf", "test.pdf", text)));

        // then the flow is accepted and its compte rendu carries the warning, naming the attachment
        assertThat(flow.get("FLOW_STATE")).isEqualTo("IN_INTEGRE");
        assertThat(report(flow)).contains("ADM_PJ_CONTENU_TEXTE").contains("test.pdf")
                .doesNotContain("IRR_PJ_CONTENU");

        // and once routed, the pivot carries the attachment byte for byte, under its declared type
        route();
        String id = invoiceIdOf("facture-pj-texte.xml");
        assertThat(ledger.status(id)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        byte[] written = Files.readAllBytes(Path.of(jdbc.queryForObject(
                "SELECT delivery_path FROM invoice WHERE invoice_id = ?", String.class, id)));
        PivotSchema schema = new PivotSchema();
        schema.validate(written);
        PJ attachment = schema.read(written).getCPPFactures().getCPPFacturePivotUnitaire().get(0).getPJ().get(1);
        assertThat(attachment.getMimeTypePJ()).isEqualTo("application/pdf");
        assertThat(Base64.getDecoder().decode(attachment.getContenu())).isEqualTo(text);
    }

    /** Drops the invoice in FOU001's in/ and returns its reported flow: id, state and compte rendu path. */
    private Map<String, Object> deposited(String name, byte[] invoice) {
        deposit("FOU001", name, invoice);
        return jdbc.queryForMap("SELECT flow_id, flow_state, report_path FROM flow WHERE original_name = ?", name);
    }

    private static String report(Map<String, Object> flow) throws Exception {
        return Files.readString(Path.of((String) flow.get("REPORT_PATH")));
    }

    private void route() throws Exception {
        assertThat(run(routingJob).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }
}
