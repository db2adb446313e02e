package org.achemine.delivery.pivot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.achemine.chorus.pivot.CPPFacturePivotUnitaire;
import org.achemine.chorus.pivot.PJ;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.mailbox.Mailboxes;
import org.achemine.testing.EngineTest;
import org.achemine.testing.FacturXPdfs;
import org.achemine.validation.facturx.FacturXReader;
import org.achemine.validation.ValidationSettings;
import org.achemine.verify.InvariantChecker;
import org.achemine.verify.VerificationReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A Factur-X deposit goes end to end like a CII flow: flow 1117, accepted on its CII, its deposit report, routed on
 * the CII's buyer, archived as the PDF and delivered with it: the PDF itself to an original-format recipient, a
 * pivot carrying the PDF as its PJ to a pivot recipient. A plain PDF is refused and never routed.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=1h",
        "achemine.lifecycle.trigger-delay=1h", "achemine.delivery.durable=false",
        "achemine.partners[0].code=FOU001", "achemine.partners[0].role=ISSUER",
        "achemine.partners[1].code=COL001", "achemine.partners[1].name=Commune de Bellerive",
        "achemine.partners[1].role=RECIPIENT", "achemine.partners[1].siret=21690012600014",
        "achemine.partners[1].delivery-format=pivot"})
class FacturXFlowIT extends EngineTest {

    @Autowired
    Mailboxes mailboxes;

    private static final String SAINT_AUBIN = "23992383297190";  // no partner: original format, no service required

    @BeforeEach
    void directory() throws Exception {
        sampleDirectoryInService();
    }

    @Test
    void aFacturXIsAcceptedRoutedAndDeliveredAsItsPdfToAnOriginalFormatRecipient() throws Exception {
        // given a Factur-X (EN 16931) for Saint-Aubin, which has no partner
        byte[] pdf = FacturXPdfs.of("FX-E2E-0001").buyer(SAINT_AUBIN).bytes();
        deposit("FOU001", "facture-fx-1.pdf", pdf);

        // then the flow is a Factur-X deposit, accepted on its CII, archived as the PDF, with its report
        Map<String, Object> flow = jdbc.queryForMap("SELECT flow_id, interface_number, flow_kind, flow_state,"
                + " archive_path, report_path FROM flow WHERE original_name = 'facture-fx-1.pdf'");
        assertThat(flow.get("INTERFACE_NUMBER")).isEqualTo("1117");
        assertThat(flow.get("FLOW_KIND")).isEqualTo("PDF");
        assertThat(flow.get("FLOW_STATE")).isEqualTo("IN_INTEGRE");
        assertThat(Files.readAllBytes(Path.of((String) flow.get("ARCHIVE_PATH")))).isEqualTo(pdf);
        assertThat(Files.readString(Path.of((String) flow.get("REPORT_PATH")))).contains("facture-fx-1.pdf");
        assertThat(jdbc.queryForMap("SELECT entry_name, syntax, decision, invoice_number FROM flow_document"
                + " WHERE flow_id = ?", flow.get("FLOW_ID"))).containsEntry("ENTRY_NAME", "facture-fx-1.pdf")
                .containsEntry("DECISION", "ACCEPTED").containsEntry("INVOICE_NUMBER", "FX-E2E-0001");

        // when routing runs
        route();
        assertThat(jdbc.queryForList("SELECT refusal_code || ' ' || refusal_message FROM integration_refusal"
                + " WHERE flow_id = ?", String.class, flow.get("FLOW_ID"))).as("refused at integration").isEmpty();
        String id = invoiceIdOf("facture-fx-1.pdf");

        // then Saint-Aubin's out/ has the PDF itself, byte for byte, named after the invoice and the deposit
        assertThat(ledger.status(id)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        Path delivered = Path.of(jdbc.queryForObject("SELECT delivery_path FROM invoice WHERE invoice_id = ?",
                String.class, id));
        assertThat(delivered.getParent()).isEqualTo(dataDir.resolve("mailboxes/" + SAINT_AUBIN + "/out"));
        assertThat(delivered.getFileName().toString()).isEqualTo(id + "_facture-fx-1.pdf");
        assertThat(Files.readAllBytes(delivered)).isEqualTo(pdf);
        // and verify accounts for the delivered PDF like any delivery
        VerificationReport verification = InvariantChecker.standard().check(mailboxes, jdbc, false);
        assertThat(verification.clean()).as(verification.describe()).isTrue();
    }

    @Test
    void aPivotRecipientGetsThePivotOfTheEmbeddedCiiWithThePdfAsItsAttachment() throws Exception {
        // given a Factur-X for Bellerive, whose partner COL001 asks for the pivot
        byte[] pdf = FacturXPdfs.of("FX-E2E-0002").bytes();
        deposit("FOU001", "facture-fx-2.pdf", pdf);

        // when routing runs
        route();
        String id = invoiceIdOf("facture-fx-2.pdf");

        // then COL001 has a pivot valid against AIFE's schema, its facts from the CII, the PDF attached
        assertThat(ledger.status(id)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        Path pivot = Path.of(jdbc.queryForObject("SELECT delivery_path FROM invoice WHERE invoice_id = ?", String.class, id));
        assertThat(pivot.getParent()).isEqualTo(dataDir.resolve("mailboxes/COL001/out"));
        byte[] written = Files.readAllBytes(pivot);
        PivotSchema schema = new PivotSchema();
        schema.validate(written);
        CPPFacturePivotUnitaire invoice = schema.read(written).getCPPFactures().getCPPFacturePivotUnitaire().get(0);
        assertThat(invoice.getDonneesFacture().getId()).isEqualTo("FX-E2E-0002");
        assertThat(invoice.getDebiteur().getIdentifiant()).isEqualTo("21690012600014");
        PJ attachment = invoice.getPJ().get(0);
        assertThat(attachment.getMimeTypePJ()).isEqualTo("application/pdf");
        assertThat(attachment.getNomPJ()).isEqualTo("facture-fx-2.pdf");
        byte[] attached = Base64.getDecoder().decode(attachment.getContenu());
        assertThat(attached).isEqualTo(pdf);
        // and the attached PDF still carries its CII
        assertThat(new FacturXReader(ValidationSettings.defaults()).read(attached).invoice().fileName())
                .isEqualTo("factur-x.xml");
    }

    @Test
    void aPlainPdfIsRefusedWithItsCodeAndNeverRouted() throws Exception {
        deposit("FOU001", "scan.pdf", FacturXPdfs.of("FX-E2E-0003").withoutInvoice().bytes());

        Map<String, Object> flow = jdbc.queryForMap(
                "SELECT flow_id, flow_state, report_path FROM flow WHERE original_name = 'scan.pdf'");
        assertThat(flow.get("FLOW_STATE")).isEqualTo("IN_REJETE");
        assertThat(Files.readString(Path.of((String) flow.get("REPORT_PATH")))).contains("IRR_PDF_SANS_FACTURX");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE flow_id = ?", Integer.class,
                flow.get("FLOW_ID"))).isZero();
    }

    private void route() throws Exception {
        assertThat(run(routingJob).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }
}
