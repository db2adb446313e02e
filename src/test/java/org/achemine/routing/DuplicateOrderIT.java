package org.achemine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.testing.EngineTest;
import org.achemine.testing.SampleInvoices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Double billing keeps the earliest received invoice (issue 9, part 4): by the flow's reception, then the
 * rank in the flow as a number — never the invoice id as text, which puts a UBL flow (interface 1100) before
 * an earlier CII flow (1106) and rank 10 before rank 2. Real intake, real routing job, real H2.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=1h"})
class DuplicateOrderIT extends EngineTest {

    private static final String BELLERIVE = "21690012600014";

    @BeforeEach
    void directory() throws Exception {
        sampleDirectoryInService();
    }

    @Test
    void aCiiInvoiceReceivedBeforeTheSameNumberInUblKeepsTheNumber() throws Exception {
        // given the sample CII invoice (FA-2026-000124, interface 1106) received first
        deposit("FOU001", "cii-first.xml", Files.readAllBytes(Path.of("samples/cii/invoice-valid.xml")));
        // and then the same supplier, number and year in UBL (interface 1100: a smaller id as text)
        deposit("FOU001", "ubl-later.xml", SampleInvoices.ubl("FA-2026-000124", BELLERIVE, "SCE-ECOLES-07", null));
        String cii = idOf("cii-first.xml");
        String ubl = idOf("ubl-later.xml");
        assertThat(ubl).as("the UBL id sorts first as text").isLessThan(cii);

        // when both are routed in one run
        assertThat(runRouting()).isEqualTo(BatchStatus.COMPLETED);

        // then the CII invoice, received first, is integrated and delivered; the UBL one is the duplicate
        assertThat(ledger.status(cii)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        assertThat(ledger.status(ubl)).isEmpty();
        assertThat(refusal(ubl, "refusal_code")).isEqualTo("ROUTAGE_DOUBLON");
        assertThat(refusal(ubl, "refusal_message")).contains(cii);
    }

    @Test
    void inABatchOfTwelveRankTwoComesBeforeRankTen() throws Exception {
        // given one batch of 12 invoices where ranks 2 and 10 carry the same number
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int rank = 1; rank <= 12; rank++) {
                String number = rank == 2 || rank == 10 ? "F-LOT-DOUBLE" : "F-LOT-%02d".formatted(rank);
                zip.putNextEntry(new ZipEntry("facture-%02d.xml".formatted(rank)));
                zip.write(SampleInvoices.ubl(number, BELLERIVE, "SCE-ECOLES-07", null));
                zip.closeEntry();
            }
        }
        deposit("FOU001", "lot-de-douze.zip", bytes.toByteArray());
        String flow = jdbc.queryForObject("SELECT flow_id FROM flow WHERE original_name = 'lot-de-douze.zip'", String.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow_document WHERE flow_id = ? AND decision = 'ACCEPTED'"
                + " AND entry_name = 'facture-02.xml' AND doc_rank = 2", Integer.class, flow)).isEqualTo(1);

        // when the batch is routed
        assertThat(runRouting()).isEqualTo(BatchStatus.COMPLETED);

        // then rank 2 keeps the number and rank 10 is refused as its duplicate; the eleven others are delivered
        assertThat(ledger.status(flow + "-2")).contains(InvoiceStatus.MISE_A_DISPOSITION);
        assertThat(ledger.status(flow + "-10")).isEmpty();
        assertThat(refusal(flow + "-10", "refusal_code")).isEqualTo("ROUTAGE_DOUBLON");
        assertThat(refusal(flow + "-10", "refusal_message")).contains(flow + "-2)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE flow_id = ? AND status = '03'", Integer.class,
                flow)).isEqualTo(11);
        // and its integration report says the flow was partly integrated
        Path report = Path.of(jdbc.queryForObject("SELECT integration_report_path FROM flow WHERE flow_id = ?",
                String.class, flow));
        assertThat(Files.readString(report)).contains("<Etat>IN_INTEGRE_PARTIEL</Etat>")
                .contains("nombre=\"12\" acceptees=\"11\" rejetees=\"1\"");
    }

    private String idOf(String name) {
        return jdbc.queryForObject("SELECT flow_id || '-1' FROM flow WHERE original_name = ?", String.class, name);
    }

    private String refusal(String invoiceId, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM integration_refusal WHERE invoice_id = ?", String.class,
                invoiceId);
    }

    private BatchStatus runRouting() throws Exception {
        return run(routingJob).getStatus();
    }
}
