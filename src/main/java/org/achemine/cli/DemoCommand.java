package org.achemine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.achemine.directory.DirectoryImporter;
import org.achemine.directory.DirectoryImporter.ImportOutcome;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.report.FlowOverviews;
import org.achemine.report.FlowOverviews.FlowOverview;
import org.achemine.report.FlowOverviews.InvoiceOverview;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code demo}: a fresh data folder, the sample directory imported, every sample flow dropped into a
 * supplier's inbound mailbox, processed by the real engine, routed; then one line per flow (verdict,
 * codes, report) and one per invoice (final status, recipient mailbox or reason).
 */
@Command(name = "demo", description = "Run the engine on the samples in a fresh data folder and print what happened.")
public class DemoCommand implements Callable<Integer> {

    private static final String MARKER = ".achemine-demo";
    private static final String SUPPLIER = "FOU001";

    @Option(names = "--samples", defaultValue = "samples", description = "The samples folder (default: ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--data-dir", defaultValue = "achemine-data-demo",
            description = "A folder the demo owns and empties first (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(samples.resolve("directory"))) {
            System.err.println("Dossier d'exemples introuvable : " + samples.toAbsolutePath()
                    + " (lancez la démo depuis le dossier du projet, ou --samples DOSSIER)");
            return 2;
        }
        if (!freshDataDir()) {
            return 2;
        }
        List<String> properties = List.of("achemine.data-dir=" + dataDir.toAbsolutePath(),
                "achemine.directory.watch=false", "achemine.routing.trigger-delay=1h",
                "achemine.intake.poll-interval=100ms", "achemine.intake.read-lock-interval=300ms",
                "logging.level.org.achemine=WARN");
        try (ConfigurableApplicationContext context = SpringContexts.start(properties, springArgs)) {
            Path copies = Files.createDirectories(dataDir.resolve("demo-directory"));
            ImportOutcome directory = context.getBean(DirectoryImporter.class).importFiles(
                    Files.copy(samples.resolve("directory/structures.csv"), copies.resolve("structures.csv")),
                    Files.copy(samples.resolve("directory/services.csv"), copies.resolve("services.csv")));
            System.out.printf("Annuaire : %d structures, %d services (%d lignes rejetées, rapport %s)%n",
                    directory.structures(), directory.services(), directory.rejectedRows(), directory.report());
            int dropped = dropSamples(dataDir.resolve("mailboxes").resolve(SUPPLIER).resolve("in"));
            System.out.printf("%d flux déposés dans mailboxes/%s/in ; traitement...%n", dropped, SUPPLIER);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            awaitReported(jdbc, dropped, Duration.ofMinutes(5));
            context.getBean(JobOperator.class).start(context.getBean("routingJob", Job.class),
                    new JobParametersBuilder().addString("requestedAt", Instant.now().toString()).toJobParameters());
            List<FlowOverview> flows = new FlowOverviews(jdbc).all();
            print(flows);
            System.out.printf("%nDonnées : %s (rapports dans mailboxes/%s/out, factures livrées dans mailboxes/<SIRET>/out)%n",
                    dataDir.toAbsolutePath(), SUPPLIER);
            return 0;
        }
    }

    private static String abbreviate(String message) {
        return message == null || message.length() <= 110 ? message : message.substring(0, 109) + "…";
    }

    private boolean freshDataDir() throws IOException {
        if (Files.exists(dataDir)) {
            if (!Files.exists(dataDir.resolve(MARKER))) {
                System.err.println(dataDir.toAbsolutePath() + " existe et n'a pas été créé par la démo : choisissez"
                        + " un autre --data-dir");
                return false;
            }
            try (Stream<Path> all = Files.walk(dataDir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    p.toFile().setWritable(true);
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dataDir);
        Files.createFile(dataDir.resolve(MARKER));
        return true;
    }

    /** Every flow sample (XML, PDF, zip, tar.gz) under samples/, named after its folder so names stay unique. */
    private int dropSamples(Path inbox) throws IOException {
        Files.createDirectories(inbox);
        List<Path> flows;
        try (Stream<Path> files = Files.walk(samples)) {
            flows = files.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(samples.resolve("directory")))
                    .filter(f -> !f.startsWith(samples.resolve("status"))) // recipients' files, not the supplier's
                    .filter(f -> !f.startsWith(samples.resolve("hostile"))) // HostileInputsIT's catalogue, not a demo
                    .filter(f -> f.getNameCount() - samples.getNameCount() == 2) // samples/<kind>/<file>
                    .filter(f -> List.of(".xml", ".pdf", ".zip", ".gz").stream()
                            .anyMatch(ext -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext)))
                    .sorted()
                    .toList();
        }
        for (Path flow : flows) {
            String name = flow.getParent().getFileName() + "-" + flow.getFileName();
            Path temp = inbox.resolve(name + ".part");
            Files.copy(flow, temp);
            Files.move(temp, inbox.resolve(name));
        }
        return flows.size();
    }

    private static void awaitReported(JdbcTemplate jdbc, int expected, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            Integer reported = jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE stage = 'REPORTED'", Integer.class);
            if (reported != null && reported >= expected) {
                return;
            }
            Thread.sleep(200); // polling the engine's own progress; nothing to be notified by
        }
        throw new IllegalStateException("Les " + expected + " flux n'ont pas tous reçu leur compte rendu en " + patience);
    }

    private void print(List<FlowOverview> flows) {
        Path root = dataDir.toAbsolutePath();
        System.out.println();
        for (FlowOverview flow : flows) {
            System.out.printf("%-48s %-19s %s  %s%n", flow.originalName(), flow.flowState(),
                    flow.fatalCodes() == null ? "-" : flow.fatalCodes(), root.relativize(Path.of(flow.reportPath())));
            for (InvoiceOverview invoice : flow.invoices()) {
                InvoiceStatus status = InvoiceStatus.ofCode(invoice.status());
                String where = invoice.deliveryPath() != null
                        ? "→ " + root.relativize(Path.of(invoice.deliveryPath()))
                        : invoice.reasonCode() + " : " + abbreviate(invoice.reasonMessage());
                System.out.printf("    facture %-20s %s %s %s%n", invoice.invoiceNumber(), status.code(), status.label(), where);
            }
        }
    }
}
