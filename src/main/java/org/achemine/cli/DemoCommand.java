package org.achemine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.achemine.batch.RunRequest;
import org.achemine.directory.DirectoryImporter;
import org.achemine.directory.DirectoryImporter.ImportOutcome;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.report.FlowOverviews;
import org.achemine.report.InvoiceQueries;
import org.achemine.report.InvoiceQueries.StatusChange;
import org.achemine.report.FlowOverviews.FlowOverview;
import org.achemine.report.FlowOverviews.InvoiceOverview;
import org.springframework.batch.core.job.Job;
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
    private static final String SUPPLIER = DemoFlows.SUPPLIER;
    private static final String RECIPIENT = DemoFlows.RECIPIENT;

    @Option(names = "--samples", description = "A samples folder (default: the samples shipped in the jar).")
    Path samples;

    @Option(names = "--data-dir", defaultValue = "achemine-data-demo",
            description = "A folder the demo owns and empties first (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        DataFolder.checkSettings(springArgs);
        if (samples != null && !Files.isDirectory(samples.resolve("directory"))) {
            System.err.println("Dossier d'exemples introuvable : " + samples.toAbsolutePath()
                    + " (il doit contenir directory/ : indiquez le dossier samples du projet, ou omettez --samples"
                    + " pour les exemples du jar)");
            return 2;
        }
        dataDir = DataFolder.absolute(dataDir.toString());
        if (!freshDataDir()) {
            return 2;
        }
        if (samples == null) {
            samples = DemoSamples.copyTo(dataDir.resolve("demo-samples"));
        }
        List<String> properties = List.of("achemine.data-dir=" + dataDir.toAbsolutePath(),
                "achemine.directory.watch=false", "achemine.routing.trigger-delay=1h", "achemine.lifecycle.trigger-delay=1h",
                "achemine.intake.poll-interval=100ms", "achemine.intake.read-lock-interval=300ms",
                "logging.level.org.achemine=WARN");
        try (ConfigurableApplicationContext context = SpringContexts.start(properties, springArgs)) {
            Path copies = Files.createDirectories(dataDir.resolve("demo-directory"));
            ImportOutcome directory = context.getBean(DirectoryImporter.class).importFiles(
                    Files.copy(samples.resolve("directory/structures.csv"), copies.resolve("structures.csv")),
                    Files.copy(samples.resolve("directory/services.csv"), copies.resolve("services.csv")));
            System.out.printf("Annuaire : %d structures, %d services (%d lignes rejetées, rapport %s)%n",
                    directory.structures(), directory.services(), directory.rejectedRows(), directory.report());
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            int dropped = dropSamples(dataDir.resolve("mailboxes").resolve(SUPPLIER).resolve("in"), jdbc);
            System.out.printf("%d flux déposés dans mailboxes/%s/in ; traitement...%n", dropped, SUPPLIER);
            awaitReported(jdbc, dropped, Duration.ofMinutes(5));
            context.getBean(JobOperator.class).start(context.getBean("routingJob", Job.class),
                    RunRequest.parameters(context.getBean(Clock.class)).toJobParameters());
            List<FlowOverview> flows = new FlowOverviews(jdbc).all();
            print(flows);
            lifecycle(context, jdbc, dropped);
            printHistories(flows, new InvoiceQueries(jdbc));
            System.out.printf("%nDonnées : %s (rapports dans mailboxes/%s/out, factures livrées et comptes rendus de"
                    + " statuts dans mailboxes/%s/out)%n", dataDir, SUPPLIER, RECIPIENT);
            printNextCommands(flows);
            return 0;
        }
    }

    /**
     * The invoices' life after delivery: the sample status files dropped in turn into the recipient's and the
     * supplier's in/ (each taken and answered by the running engine), then routing again (the completed invoice
     * is delivered again) and the lifecycle reports to the supplier.
     */
    private void lifecycle(ConfigurableApplicationContext context, JdbcTemplate jdbc, int flowsSoFar) throws Exception {
        System.out.printf("%nCycle de vie : fichiers de statuts de samples/status%n");
        int flows = flowsSoFar;
        for (DemoFlows.StatusFlow drop : DemoFlows.STATUS_FLOWS) {
            if (!Files.exists(samples.resolve("status").resolve(drop.file()))) {
                continue; // a smaller samples folder (--samples) may have only some of them
            }
            Path inbox = Files.createDirectories(dataDir.resolve("mailboxes").resolve(drop.partner()).resolve("in"));
            Path temp = inbox.resolve(drop.file() + ".part");
            Files.copy(samples.resolve("status").resolve(drop.file()), temp);
            Files.move(temp, inbox.resolve(drop.file()));
            awaitReported(jdbc, ++flows, Duration.ofMinutes(2));
            Map<String, Object> flow = jdbc.queryForMap("SELECT flow_state, report_path FROM flow WHERE partner = ?"
                    + " AND original_name = ? ORDER BY flow_id DESC FETCH FIRST 1 ROWS ONLY", drop.partner(), drop.file());
            System.out.printf("  %s/in/%-30s %-19s %s%n", drop.partner(), drop.file(), flow.get("FLOW_STATE"),
                    dataDir.toAbsolutePath().relativize(Path.of((String) flow.get("REPORT_PATH"))));
        }
        JobOperator jobs = context.getBean(JobOperator.class);
        jobs.start(context.getBean("routingJob", Job.class),
                RunRequest.parameters(context.getBean(Clock.class)).toJobParameters());
        jobs.start(context.getBean("lifecycleReportJob", Job.class),
                RunRequest.parameters(context.getBean(Clock.class)).toJobParameters());
        System.out.printf("  rapports de cycle de vie à %s : %s%n", SUPPLIER, jdbc.queryForList(
                "SELECT file_path FROM lifecycle_report WHERE partner = ? ORDER BY report_id", String.class, SUPPLIER)
                .stream().map(p -> Path.of(p).getFileName().toString()).toList());
    }

    /** Each sample invoice's full history: every status, when, by whom, why. */
    private static void printHistories(List<FlowOverview> flows, InvoiceQueries queries) {
        System.out.printf("%nHistorique de chaque facture%n");
        for (FlowOverview flow : flows) {
            for (InvoiceOverview invoice : flow.invoices()) {
                System.out.printf("  facture %s (%s, %s)%n", invoice.invoiceNumber(), invoice.invoiceId(),
                        flow.originalName());
                if (invoice.refusedAtIntegration()) {
                    System.out.printf("    aucun statut : refusée à l'intégration (213 %s, %s)%n",
                            invoice.reformReason(), invoice.reasonCode());
                    continue;
                }
                for (StatusChange change : queries.history(invoice.invoiceId())) {
                    InvoiceStatus status = InvoiceStatus.ofCode(change.status());
                    System.out.printf("    %s  %s %-45s %-10s %s%s%n", change.changedAt(), status.code(),
                            status.label(), change.actor(),
                            change.declaredAt() == null ? "" : "(déclaré " + change.declaredAt() + ") ",
                            abbreviate((change.reasonCode() == null ? "" : change.reasonCode() + " : ")
                                    + Objects.toString(change.message(), "")));
                }
            }
        }
    }

    /** What to try next on the demo's data folder, ready to paste: the demo's engine has stopped, the folder is free. */
    private void printNextCommands(List<FlowOverview> flows) {
        String jar = "java -jar " + JarLocation.ofRunningCommand();
        String data = DataFolder.OPTION + dataDir;
        System.out.printf("%nÀ essayer ensuite sur ce dossier de données :%n");
        System.out.printf("  %s invoice list %s%n", jar, data);
        flows.stream().flatMap(flow -> flow.invoices().stream().filter(i -> i.deliveryPath() != null)
                        .map(invoice -> List.of(flow.flowId(), invoice.invoiceId())))
                .findFirst()
                .ifPresent(ids -> {
                    System.out.printf("  %s invoice show %s %s%n", jar, ids.get(1), data);
                    System.out.printf("  %s flow show %s %s%n", jar, ids.get(0), data);
                });
        System.out.printf("  %s verify %s%n", jar, data);
        System.out.printf("  %s run %s   (le moteur en service ; déposez vos fichiers dans mailboxes/%s/in)%n",
                jar, data, SUPPLIER);
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

    /** The sample flows ({@link DemoFlows}): the single invoices, then once they are received, the batches. */
    private int dropSamples(Path inbox, JdbcTemplate jdbc) throws IOException, InterruptedException {
        Files.createDirectories(inbox);
        DemoFlows.Deposits deposits = DemoFlows.of(samples);
        drop(inbox, deposits.singles());
        await(jdbc, "SELECT COUNT(*) FROM flow", deposits.singles().size(), Duration.ofMinutes(2),
                "ne sont pas tous reçus");
        drop(inbox, deposits.batches());
        return deposits.count();
    }

    private void drop(Path inbox, List<Path> flows) throws IOException {
        for (Path flow : flows) {
            String name = DemoFlows.depositName(flow);
            Path temp = inbox.resolve(name + ".part");
            Files.copy(flow, temp);
            Files.move(temp, inbox.resolve(name));
        }
    }

    private static void awaitReported(JdbcTemplate jdbc, int expected, Duration patience) throws InterruptedException {
        await(jdbc, "SELECT COUNT(*) FROM flow WHERE stage = 'REPORTED'", expected, patience,
                "n'ont pas tous reçu leur compte rendu");
    }

    private static void await(JdbcTemplate jdbc, String countQuery, int expected, Duration patience, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos(); // elapsed time on the machine, not a date
        while (System.nanoTime() - deadline < 0) {
            Integer count = jdbc.queryForObject(countQuery, Integer.class);
            if (count != null && count >= expected) {
                return;
            }
            Thread.sleep(200); // polling the engine's own progress; nothing to be notified by
        }
        throw new IllegalStateException("Les " + expected + " flux " + what + " en " + patience);
    }

    private void print(List<FlowOverview> flows) {
        Path root = dataDir;
        System.out.println();
        for (FlowOverview flow : flows) {
            System.out.printf("%-48s %-19s %s  %s%n", flow.originalName(), flow.flowState(),
                    flow.fatalCodes() == null ? "-" : flow.fatalCodes(), root.relativize(Path.of(flow.reportPath())));
            for (InvoiceOverview invoice : flow.invoices()) {
                if (invoice.refusedAtIntegration()) {
                    System.out.printf("    facture %-20s refusée à l'intégration (213 %s) %s : %s%n",
                            invoice.invoiceNumber(), invoice.reformReason(), invoice.reasonCode(),
                            abbreviate(invoice.reasonMessage()));
                    continue;
                }
                InvoiceStatus status = InvoiceStatus.ofCode(invoice.status());
                String where = invoice.deliveryPath() != null
                        ? "→ " + root.relativize(Path.of(invoice.deliveryPath()))
                        : invoice.reasonCode() + " : " + abbreviate(invoice.reasonMessage());
                System.out.printf("    facture %-20s %s %s %s%n", invoice.invoiceNumber(), status.code(), status.label(), where);
            }
        }
    }
}
