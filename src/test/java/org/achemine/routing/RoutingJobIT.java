package org.achemine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.achemine.batch.JobHistory;
import org.achemine.lifecycle.InvoiceLedger.StatusChange;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.report.ReportSchema;
import org.achemine.testing.EngineTest;
import org.achemine.testing.SampleDirectory;
import org.achemine.testing.SampleInvoices;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** From dropped files to delivered invoices: intake (real Camel routes), then the routing job on real H2. */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=1h"})
class RoutingJobIT extends EngineTest {

    private static final String BELLERIVE = "21690012600014";   // service code required: SCE-TECH-042, SCE-ECOLES-07
    private static final String NOT_IN_DIRECTORY = "73282932000074";

    @Autowired
    JobHistory jobs;

    @Test
    void integratesAndDeliversEachAcceptedInvoiceOrRefusesItAtIntegrationWithTheReason() throws Exception {
        // given the sample directory and four invoices dropped by a supplier
        SampleDirectory.importInto(directoryImporter, dataDir);
        Path inbox = dataDir.resolve("mailboxes/FOU001/in");
        byte[] good = SampleInvoices.ubl("F-ROUTE-001", BELLERIVE, "SCE-TECH-042", "EJ-1");
        SampleInvoices.drop(inbox, "a-good.xml", good);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT COUNT(*) FROM flow WHERE stage = 'REPORTED'") == 1);
        SampleInvoices.drop(inbox, "b-unknown-service.xml", SampleInvoices.ubl("F-ROUTE-002", BELLERIVE, "COMPTA", null));
        SampleInvoices.drop(inbox, "c-unknown-siret.xml", SampleInvoices.ubl("F-ROUTE-003", NOT_IN_DIRECTORY, null, null));
        SampleInvoices.drop(inbox, "d-duplicate.xml", SampleInvoices.ubl("F-ROUTE-001", BELLERIVE, "SCE-ECOLES-07", null));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT COUNT(*) FROM flow WHERE stage = 'REPORTED'") == 4);

        // when the routing job runs
        JobExecution run = runRouting();

        // then it completed; the good invoice is integrated (01) and delivered (03)
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String goodId = invoiceIdOf("a-good.xml");
        assertThat(ledger.history(goodId)).extracting(StatusChange::status)
                .containsExactly(InvoiceStatus.DEPOSEE, InvoiceStatus.EN_COURS_ACHEMINEMENT, InvoiceStatus.MISE_A_DISPOSITION);
        // and the others are refused at integration: never an invoice, no status, the code and reform reason kept
        assertRefused("b-unknown-service.xml", "ROUTAGE_SERVICE_INCONNU", "ADR_ERR");
        assertRefused("c-unknown-siret.xml", "ROUTAGE_SIRET_INCONNU", "DEST_INC");
        assertRefused("d-duplicate.xml", "ROUTAGE_DOUBLON", "DOUBLON");
        assertThat(count("SELECT COUNT(*) FROM invoice")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM invoice_status_history WHERE actor = 'PLATFORM' AND status IN ('04', '05')"))
                .isZero();

        // and the good one is in its recipient's mailbox (partner COL001 serves BELLERIVE in application.yml),
        // byte for byte, named after our invoice id
        Path outbox = dataDir.resolve("mailboxes/COL001/out");
        List<Path> delivered = list(outbox);
        assertThat(delivered).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).startsWith(goodId + "_").endsWith(".xml");
            assertThat(Files.readAllBytes(file)).isEqualTo(good);
        });

        // and each flow's sender gets an integration report, valid against the report schema, with the reason
        Path senderOut = dataDir.resolve("mailboxes/FOU001/out");
        List<Path> integration = list(senderOut).stream()
                .filter(f -> f.getFileName().toString().endsWith(".integration.xml")).toList();
        assertThat(integration).hasSize(4);
        for (Path report : integration) {
            ReportSchema.validate(report);
        }
        String goodReport = Files.readString(reportFor(integration, "a-good.xml"));
        assertThat(goodReport).contains("type=\"INTEGRATION\"").contains("<Etat>IN_INTEGRE</Etat>")
                .contains("<Code>03</Code>").contains("F-ROUTE-001");
        String refused = Files.readString(reportFor(integration, "b-unknown-service.xml"));
        assertThat(refused).contains("<Etat>IN_REJETE</Etat>").doesNotContain("<StatutFacture>")
                .contains("<CodeStatutReforme>213</CodeStatutReforme>").contains("<CodeMotifReforme>ADR_ERR</CodeMotifReforme>")
                .contains("code=\"ROUTAGE_SERVICE_INCONNU\"").contains("« COMPTA »");

        // and the run's summary says what it did
        assertThat(jobs.recent(5)).filteredOn(r -> r.executionId() == run.getId()).singleElement()
                .satisfies(r -> assertThat(r.summary()).contains("delivered=1 refused=3"));

        // when routing runs again, nothing is routed, refused or delivered twice
        JobExecution again = runRouting();
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(list(outbox)).hasSize(1);
        assertThat(ledger.history(goodId)).hasSize(3);
        assertThat(count("SELECT COUNT(*) FROM integration_refusal")).isEqualTo(3);

        // when the supplier corrects the refused invoice and resends it under the same number
        SampleInvoices.drop(inbox, "b-corrected.xml", SampleInvoices.ubl("F-ROUTE-002", BELLERIVE, "SCE-ECOLES-07", null));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT COUNT(*) FROM flow WHERE stage = 'REPORTED'") == 5);
        runRouting();

        // then it is integrated and delivered, neither a duplicate of the refused one nor flagged « Recyclée »
        String corrected = invoiceIdOf("b-corrected.xml");
        assertThat(ledger.status(corrected)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        assertThat(ledger.history(corrected)).last().extracting(StatusChange::message).asString()
                .doesNotContain("recyclage");
        assertThat(list(outbox)).hasSize(2).noneMatch(f -> f.getFileName().toString().contains("RECYCLEE"));
    }

    private static Path reportFor(List<Path> reports, String originalName) {
        return reports.stream().filter(f -> f.getFileName().toString().contains(originalName))
                .findFirst().orElseThrow();
    }

    private void assertRefused(String originalName, String code, String reformReason) {
        Map<String, Object> refusal = jdbc.queryForMap("SELECT r.* FROM integration_refusal r JOIN flow f"
                + " ON f.flow_id = r.flow_id WHERE f.original_name = ?", originalName);
        assertThat(refusal).containsEntry("REFUSAL_CODE", code).containsEntry("REFORM_STATUS", "213")
                .containsEntry("REFORM_REASON", reformReason);
        assertThat((String) refusal.get("REFUSAL_MESSAGE")).isNotBlank();
        String id = (String) refusal.get("INVOICE_ID");
        assertThat(ledger.status(id)).as("no invoice status").isEmpty();
        assertThat(ledger.history(id)).as("no history: never 01").isEmpty();
    }

    private JobExecution runRouting() throws Exception {
        return run(routingJob);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
