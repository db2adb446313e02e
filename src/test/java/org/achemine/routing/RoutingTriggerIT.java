package org.achemine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.achemine.batch.JobHistory;
import org.achemine.directory.DirectoryImporter;
import org.achemine.lifecycle.report.StatusReportFiles;
import org.achemine.testing.OwnDataFolder;
import org.achemine.testing.SampleInvoices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Routing starts by itself shortly after intake accepted an invoice, and the lifecycle report after routing:
 * no operator, no schedule.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=300ms",
        "achemine.lifecycle.trigger-delay=300ms"})
class RoutingTriggerIT extends OwnDataFolder {

    @Autowired
    DirectoryImporter directoryImporter;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobHistory jobs;

    @Test
    void anAcceptedInvoiceIsDeliveredWithoutAnyoneLaunchingRouting() throws Exception {
        // given the directory, then an invoice dropped by a supplier
        Path samples = Files.createDirectories(dataDir.resolve("directory-samples"));
        directoryImporter.importFiles(
                Files.copy(Path.of("samples/directory/structures.csv"), samples.resolve("structures.csv")),
                Files.copy(Path.of("samples/directory/services.csv"), samples.resolve("services.csv")));
        SampleInvoices.drop(dataDir.resolve("mailboxes/FOU001/in"), "facture.xml",
                SampleInvoices.ubl("F-TRIG-1", "21690012600014", "SCE-TECH-042", null));

        // then it reaches its recipient's mailbox through a routing run launched from a message
        Path outbox = dataDir.resolve("mailboxes/COL001/out"); // COL001 serves this SIRET (application.yml)
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.isDirectory(outbox) && Files.list(outbox).count() == 1);
        // (the file is published before the chunk that integrates the invoice commits: no row until then)
        await().atMost(Duration.ofSeconds(10)).until(() ->
                List.of("03").equals(jdbc.queryForList("SELECT status FROM invoice", String.class)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jobs.recent(10))
                .anyMatch(run -> run.jobName().equals("routing") && run.status().equals("COMPLETED")));

        // and the supplier receives the invoice's status changes in a lifecycle report launched by its own poller
        Path supplierOut = dataDir.resolve("mailboxes/FOU001/out");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> statuses = new ArrayList<>();
            for (Path report : StatusReportFiles.lifecycleReports(supplierOut)) {
                StatusReportFiles.read(report).entries().forEach(e -> statuses.add(e.status()));
            }
            assertThat(statuses).containsExactly("01", "02", "03");
        });
    }
}
