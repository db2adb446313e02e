package org.achemine.bench;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.achemine.AchemineApplication;
import org.achemine.directory.DirectoryImporter;
import org.achemine.directory.DirectoryImporter.ImportOutcome;
import org.achemine.testing.AcceptedFlows;
import org.achemine.testing.EmbeddedPostgresServer;
import org.achemine.testing.SampleInvoices;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The routing and directory benchmark (not a test): imports a generated directory (default 100,000
 * structures, then 50,000 for routing), puts N accepted invoices (default 100,000, in batch flows of 500, as
 * intake would have left them: the valid UBL and CII samples, three to one, {@link SampleInvoices}, with each
 * invoice's number, buyer, service and engagement, 6–8 KB each) in front of the routing job, runs it on the H2 file
 * database, on an embedded PostgreSQL server (fsync on) or on each in turn, and reports invoices/s and the peak heap;
 * then the lifecycle-report job on the status changes routing wrote. Run with {@code ./bench.sh routing
 * [--invoices N] [--structures N] [--durable true|false] [--database h2|postgres|both] [--statements] [--keep]}
 * under {@code -Xmx512m} (on H2 it prints the routing job's stores and file writes per 1,000 invoices, and with
 * {@code --statements} every statement H2 ran for it, counted); each run's data folder is deleted once it has printed, unless {@code --keep} ({@link BenchFolder}).
 */
public final class RoutingBench {

    private static final int BATCH = 500;

    public static void main(String[] args) throws Exception {
        int invoices = intOption(args, "--invoices", 100_000);
        int structures = intOption(args, "--structures", 50_000);
        int bigDirectory = intOption(args, "--directory-structures", 100_000);
        String durable = stringOption(args, "--durable", "true");
        String database = stringOption(args, "--database", "h2");
        List<String> databases = switch (database) {
            case "h2", "postgres" -> List.of(database);
            case "both" -> List.of("h2", "postgres");
            default -> throw new IllegalArgumentException("--database h2, postgres or both, not " + database);
        };
        List<String> summary = new ArrayList<>();
        for (String each : databases) {
            summary.add(run(each, invoices, structures, bigDirectory, durable, args));
        }
        System.out.println();
        summary.forEach(System.out::println);
    }

    /** One whole run on one database, in a data folder of its own; returns its summary line. */
    private static String run(String database, int invoices, int structures, int bigDirectory, String durable,
                              String[] args) throws Exception {
        return BenchFolder.run("achemine-routing-bench", args,
                work -> run(database, invoices, structures, bigDirectory, durable, args, work));
    }

    private static String run(String database, int invoices, int structures, int bigDirectory, String durable,
                              String[] args, BenchFolder work) throws Exception {
        System.out.printf("achemine routing benchmark on %s: %,d invoices, directory of %,d structures, durable delivery"
                + " %s, max heap %d MB, %d cores, data in %s%n", database, invoices, structures, durable,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), work);
        List<String> settings = new ArrayList<>(List.of("--achemine.data-dir=" + work.resolve("data"),
                "--achemine.intake.enabled=false", "--achemine.directory.watch=false",
                "--achemine.delivery.durable=" + durable, "--logging.level.org.achemine=WARN"));
        if (database.equals("postgres")) {
            // the same embedded server the PostgreSQL tests and the soak use (fsync on, as in production)
            settings.addAll(EmbeddedPostgresServer.freshDatabase().arguments());
        }
        // Any --achemine.x=y given to the benchmark goes to the engine (e.g. --achemine.routing.chunk-size=500).
        Arrays.stream(args).filter(a -> a.startsWith("--achemine.")).forEach(settings::add);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AchemineApplication.class)
                .web(WebApplicationType.NONE)
                .run(settings.toArray(String[]::new))) {
            DirectoryImporter importer = context.getBean(DirectoryImporter.class);
            List<String> big = writeDirectory(work.resolve("big"), bigDirectory);
            long start = System.nanoTime();
            ImportOutcome imported = importer.importFiles(work.resolve("big/structures.csv"), work.resolve("big/services.csv"));
            System.out.printf("directory import: %,d structures + %,d services in %.1f s (%s)%n", imported.structures(),
                    imported.services(), seconds(start), imported.activated() ? "active" : "FAILED " + imported.failure());
            List<String> sirets = writeDirectory(work.resolve("routing"), structures);
            importer.importFiles(work.resolve("routing/structures.csv"), work.resolve("routing/services.csv"));
            big.clear();

            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            start = System.nanoTime();
            seedAcceptedInvoices(jdbc, work.resolve("data/archive/bench"), context.getBean(Clock.class), sirets, invoices);
            System.out.printf("seeded %,d accepted invoices in %,d batch flows in %.1f s%n", invoices,
                    (invoices + BATCH - 1) / BATCH, seconds(start));

            HeapWatch heap = HeapWatch.start();
            boolean statements = database.equals("h2") && Arrays.asList(args).contains("--statements");
            if (statements) {
                DatabaseWork.countStatements(jdbc);
            }
            DatabaseWork beforeRouting = DatabaseWork.now(jdbc, database);
            start = System.nanoTime();
            long cpu = DatabaseWork.processCpuNanos();
            JobExecution run = context.getBean(JobOperator.class).start(context.getBean("routingJob", Job.class),
                    new JobParametersBuilder().addString("requestedAt", Instant.now().toString()).toJobParameters());
            double routing = seconds(start);
            double routingCpu = (DatabaseWork.processCpuNanos() - cpu) / 1e9;
            heap.stop();
            DatabaseWork afterRouting = DatabaseWork.now(jdbc, database);
            Integer delivered = jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE status = '03'", Integer.class);
            Integer sentBack = jdbc.queryForObject("SELECT COUNT(*) FROM integration_refusal", Integer.class);
            System.out.printf("routing: %s, %,d invoices in %.1f s = %,.0f invoices/s (%,d delivered, %,d refused at integration);"
                            + " CPU %.1f s = %.0f ms per 1,000 invoices; peak heap live after GC %d MB%n", run.getStatus(),
                    invoices, routing, invoices / routing, delivered, sentBack, routingCpu, 1e6 * routingCpu / invoices,
                    heap.peakMegabytes());
            System.out.printf("routing per 1,000 invoices: H2 stores %s, H2 file writes / MB written %s%n",
                    afterRouting.storesPer1000(beforeRouting, invoices), afterRouting.writesPer1000(beforeRouting, invoices));
            if (statements) {
                DatabaseWork.printStatements(jdbc, invoices, "by the routing job, per 1,000 invoices");
            }

            // Then every status change routing wrote (01, 02, 03: three per delivered invoice; none for a refusal) goes out in one
            // lifecycle report for the supplier: streamed, so the heap should stay where routing left it.
            heap = HeapWatch.start();
            start = System.nanoTime();
            cpu = DatabaseWork.processCpuNanos();
            JobExecution reported = context.getBean(JobOperator.class).start(context.getBean("lifecycleReportJob", Job.class),
                    new JobParametersBuilder().addString("requestedAt", Instant.now().toString()).toJobParameters());
            double reporting = seconds(start);
            double reportingCpu = (DatabaseWork.processCpuNanos() - cpu) / 1e9;
            heap.stop();
            Integer changes = jdbc.queryForObject("SELECT COUNT(*) FROM invoice_status_history"
                    + " WHERE lifecycle_report_id IS NOT NULL", Integer.class);
            System.out.printf("lifecycle-report: %s, %,d status changes in %.1f s = %,.0f changes/s;"
                            + " CPU %.1f s = %.0f ms per 1,000 changes; peak heap live after GC %d MB%n", reported.getStatus(),
                    changes, reporting, changes / reporting, reportingCpu, 1e6 * reportingCpu / changes,
                    heap.peakMegabytes());
            return String.format("%-8s durable=%s: routing %,d invoices in %.1f s = %,.0f invoices/s, CPU %.1f s (%s);"
                            + " lifecycle-report %,d changes in %.1f s = %,.0f changes/s, CPU %.1f s (%s)", database, durable,
                    invoices, routing, invoices / routing, routingCpu, run.getStatus(), changes, reporting,
                    changes / reporting, reportingCpu, reported.getStatus());
        }
    }

    /** A directory export: structures (a third require a service code, a tenth an engagement) and their services. */
    static List<String> writeDirectory(Path folder, int count) throws Exception {
        Files.createDirectories(folder);
        List<String> sirets = new ArrayList<>(count);
        try (BufferedWriter structures = Files.newBufferedWriter(folder.resolve("structures.csv"), StandardCharsets.UTF_8);
             BufferedWriter services = Files.newBufferedWriter(folder.resolve("services.csv"), StandardCharsets.UTF_8)) {
            structures.write("TypeIdentifiant;Identifiant;RaisonSociale;EmetteurEdi;RecepteurEdi;GestionStatutMiseEnPaiement;"
                    + "GestionEngagement;GestionService;GestionServiceEngagement;EstMOA;EstMOAUniquement;StructureActive;"
                    + "Adresse;CodePostal;Ville\n");
            services.write("IdentifiantStructure;CodeService;LibelleService;EstActif;EngagementObligatoire;DateDebut;DateFin\n");
            for (int i = 0; i < count; i++) {
                String siret = luhn("2" + String.format("%012d", i * 7919L % 1_000_000_000_000L));
                sirets.add(siret);
                boolean service = i % 3 == 0;
                structures.write("1;" + siret + ";STRUCTURE PUBLIQUE " + i + ";false;true;true;" + (i % 10 == 0) + ";"
                        + service + ";false;false;false;true;" + i + " rue de la République;75001;PARIS\n");
                if (service) {
                    services.write(siret + ";SVC-" + i + ";Service " + i + ";true;false;2020-01-01;\n");
                }
            }
        }
        return sirets;
    }

    /** What intake leaves behind: reported flows, their archived batches, their accepted documents. */
    private static void seedAcceptedInvoices(JdbcTemplate jdbc, Path archive, Clock clock, List<String> sirets,
                                             int count) throws Exception {
        Random random = new Random(42);
        AcceptedFlows.seed(jdbc, archive, clock, count, BATCH, n -> {
            int structure = n % 20 == 0 ? -1 : random.nextInt(sirets.size());
            String buyer = structure < 0 ? "73282932000074" : sirets.get(structure);
            String service = structure >= 0 && structure % 3 == 0 && n % 7 != 0 ? "SVC-" + structure : null;
            // as the burst benchmark mixes them: most suppliers send UBL, about one in four CII
            return new AcceptedFlows.Document("F-BENCH-" + n, buyer, service, "EJ-" + n, n % 4 == 3);
        });
    }

    private static String luhn(String thirteen) {
        for (int d = 0; d < 10; d++) {
            String candidate = thirteen + d;
            int sum = 0;
            for (int i = 0; i < 14; i++) {
                int digit = candidate.charAt(13 - i) - '0';
                if (i % 2 == 1) {
                    digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
                }
                sum += digit;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** {@code --name N} from a benchmark's arguments (shared by the benchmarks of this package). */
    static int intOption(String[] args, String name, int fallback) {
        return Integer.parseInt(stringOption(args, name, String.valueOf(fallback)));
    }

    static String stringOption(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /**
     * Samples, every 50 ms, the heap still in use after the last garbage collection of each heap pool (the
     * live set, which is what must stay flat as volume grows) and reports its peak.
     */
    private static final class HeapWatch {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        private HeapWatch() {
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                    .toList();
            thread = new Thread(() -> {
                while (running) {
                    long live = heapPools.stream().mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
                    peak.accumulateAndGet(live, Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
        }

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            watch.thread.setDaemon(true);
            watch.thread.start();
            return watch;
        }

        void stop() {
            running = false;
        }

        long peakMegabytes() {
            return peak.get() >> 20;
        }
    }
}
