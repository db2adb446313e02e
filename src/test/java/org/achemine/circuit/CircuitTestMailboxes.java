package org.achemine.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.achemine.lifecycle.report.StatusReportFiles;
import org.achemine.lifecycle.report.StatusReportFiles.Entry;
import org.achemine.testing.SampleInvoices;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mailboxes of a circuit test on the running engine: files dropped in a partner's {@code in/}, awaited and read
 * in its {@code out/}, and the lifecycle reports its supplier was told, each checked against the official schema.
 */
final class CircuitTestMailboxes {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Path dataDir;
    private final String supplier;

    CircuitTestMailboxes(Path dataDir, String supplier) {
        this.dataDir = dataDir;
        this.supplier = supplier;
    }

    Path in(String partner) {
        return dataDir.resolve("mailboxes").resolve(partner).resolve("in");
    }

    Path out(String partner) {
        return dataDir.resolve("mailboxes").resolve(partner).resolve("out");
    }

    void dropStatus(String partner, String name, String content) {
        SampleInvoices.drop(in(partner), name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The invoice's files in the partner's out/. */
    List<Path> outFiles(String partner, String invoiceId) throws Exception {
        return matching(out(partner), invoiceId + "_", ".xml");
    }

    Path awaitOne(Path out, String suffix) throws Exception {
        await().atMost(PATIENCE).until(() -> matching(out, "", suffix).size() == 1);
        return matching(out, "", suffix).get(0);
    }

    static Path archived(JdbcTemplate jdbc, String invoiceId) {
        return Path.of(jdbc.queryForObject("SELECT f.archive_path FROM flow f JOIN invoice i ON i.flow_id = f.flow_id"
                + " WHERE i.invoice_id = ?", String.class, invoiceId));
    }

    /** Waits until the supplier's lifecycle reports list exactly these statuses for the invoice; all schema-valid. */
    List<Entry> awaitReported(String number, List<String> statuses) throws Exception {
        await().atMost(PATIENCE).until(() -> told(number).size() >= statuses.size());
        List<Entry> told = told(number);
        assertThat(told).extracting(Entry::status).containsExactlyElementsOf(statuses);
        for (Path report : StatusReportFiles.lifecycleReports(out(supplier))) {
            StatusReportFiles.validate(report);
        }
        return told;
    }

    private List<Entry> told(String number) throws Exception {
        List<Entry> entries = new ArrayList<>();
        for (Path report : StatusReportFiles.lifecycleReports(out(supplier))) {
            StatusReportFiles.read(report).entries().stream()
                    .filter(entry -> number.equals(entry.invoiceNumber())).forEach(entries::add);
        }
        return entries;
    }

    private static List<Path> matching(Path out, String prefix, String suffix) throws Exception {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(suffix)).toList();
        }
    }
}
