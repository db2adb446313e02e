package org.achemine.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.achemine.AchemineApplication;
import org.achemine.config.AchemineProperties;
import org.achemine.mailbox.Mailboxes;
import org.achemine.directory.DirectoryImporter;
import org.achemine.testing.EmbeddedPostgresServer;
import org.achemine.testing.SampleInvoices;
import org.achemine.validation.engine.ValidationEngine;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The burst benchmark (not a test): N flows (default 10,000; 70 % single-invoice UBL and 20 % CII for the
 * Bellerive commune of the sample directory, so they route and deliver; 10 % invalid) are generated beside
 * the data folder, then dropped all at once (renamed into the partners' in/) while the engine runs in this
 * JVM ({@code -Xmx512m} from bench.sh). It measures flows/s from the first drop to the last deposit report
 * and invoices/s from the first drop to the last delivery in the recipient's out/ (file times), the
 * validation-only rate of the same files with as many threads as the engine's workers, and the heap
 * (in use, and live after GC as the burst progresses: flat or growing). Run with
 * {@code ./bench.sh burst [--flows N] [--database h2|postgres|both] [--burst cold|warm|both]} ({@code --database
 * both}: H2, then PostgreSQL, in the same invocation); any {@code --achemine.x=y} goes to the engine. On H2 each
 * burst also prints the database's work per 1,000 flows from the first drop until every flow is answered (the
 * process's CPU time, H2's stores and file writes: counts the machine's load does not change), and with
 * {@code --statements} every statement H2 ran in that window; {@code --trace} has H2 write every JDBC call of that
 * window (prepared statements, batches, commits, per session) to {@code db/achemine.trace.db}, to count the
 * transactions and statements a burst makes (with {@code --keep}; the trace costs CPU, so not with a measure of it);
 * on Linux, also the CPU of that window per kind of thread (JIT compilers, GC, intake workers, pollers, group
 * syncs...: {@link ThreadCpu}), user and kernel apart, and the validation-only pass's CPU per 1,000 files to compare
 * it with. {@code --warm-up N} sets the warm-up burst's size. The data folder is deleted once the bursts have
 * printed, unless {@code --keep} ({@link BenchFolder}).
 * <p>
 * Two bursts, on the same engine, each against the same validation-only rate ({@code --burst both}, the default):
 * the <b>cold</b> burst is the first work the engine does after it starts (the validation code alone warmed, by
 * the validation-only measure); the <b>warm</b> burst follows a warm-up burst of min(1,000, N/5) other flows of
 * the same mix through the whole engine (dropped, answered, routed, delivered and taken by the partners), then a
 * quiet moment. Cold is what a restart followed by a backlog meets; warm is the engine's steady rate, the one
 * that compares fairly with a validation-only rate measured on warm validation code.
 */
public final class BurstBench {

    private static final String BELLERIVE = "21690012600014";
    private static final String SERVICE = "SCE-TECH-042";
    private static final List<String> PARTNERS = List.of("FOU001", "OPE001");

    /** How long the engine rests between the warm-up burst and the measured one (its pollers and jobs idle). */
    private static final Duration QUIET = Duration.ofSeconds(5);

    /** One burst's two rates: end to end and validation only, measured in the same run. */
    private record Rates(String database, String burst, double flowsPerSecond, double validationFilesPerSecond) {

        double ratio() {
            return flowsPerSecond / validationFilesPerSecond;
        }
    }

    public static void main(String[] args) throws Exception {
        int flows = Integer.parseInt(option(args, "--flows", "10000"));
        String database = option(args, "--database", "h2");
        String burst = option(args, "--burst", "both");
        if (!List.of("cold", "warm", "both").contains(burst)) {
            throw new IllegalArgumentException("--burst cold, warm or both, not " + burst);
        }
        List<String> databases = switch (database) {
            case "h2", "postgres" -> List.of(database);
            case "both" -> List.of("h2", "postgres");
            default -> throw new IllegalArgumentException("--database h2, postgres or both, not " + database);
        };
        List<Rates> measured = new ArrayList<>();
        for (String each : databases) {
            measured.addAll(bursts(each, flows, burst, args));
        }
        if (measured.size() > 1) {
            System.out.printf("%nsame invocation, one after the other (compare the ratios: the load may vary between runs)%n");
            for (Rates rates : measured) {
                System.out.printf("  %-10s %-5s %,6.0f flows/s against %,6.0f files/s validation only: %3.0f %%%n",
                        rates.database(), rates.burst(), rates.flowsPerSecond(), rates.validationFilesPerSecond(),
                        100 * rates.ratio());
            }
        }
    }

    /**
     * The bursts asked for, on one engine started on a fresh data folder, on the H2 file database or on a fresh
     * database of a PostgreSQL server this JVM starts (embedded, on 127.0.0.1 at a free port, every commit synced:
     * what production keeps).
     */
    private static List<Rates> bursts(String database, int flows, String burst, String[] args) throws Exception {
        return BenchFolder.run("achemine-burst-bench", args, work -> bursts(database, flows, burst, args, work));
    }

    private static List<Rates> bursts(String database, int flows, String burst, String[] args, BenchFolder work)
            throws Exception {
        Path data = work.resolve("data");
        List<String> settings = new ArrayList<>(List.of("--achemine.data-dir=" + data,
                "--achemine.directory.watch=false", "--logging.level.org.achemine=WARN"));
        if (database.equals("postgres")) {
            settings.addAll(EmbeddedPostgresServer.freshDatabase().arguments());
        }
        Arrays.stream(args).filter(a -> a.startsWith("--achemine.")).forEach(settings::add);
        System.out.printf("achemine burst benchmark on %s: %,d flows dropped at once (%s), max heap %d MB, %d cores,"
                + " data in %s, load average %s%n", database.equals("h2") ? "H2 (file)" : "PostgreSQL (embedded)",
                flows, burst.equals("both") ? "cold, then warm" : burst, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), work, loadAverage());
        // the bursts' files numbered apart (flow and invoice numbers unique), each starting the same 1-in-20 mix
        int warmUp = Integer.parseInt(option(args, "--warm-up", String.valueOf(Math.max(1, Math.min(1_000, flows / 5)))));
        int warmUpFrom = roundUpTo20(flows);
        int warmFrom = roundUpTo20(warmUpFrom + warmUp);
        List<Path> cold = burst.equals("warm") ? List.of() : generate(work.resolve("generated"), "burst", 0, flows);
        List<Path> warmUpFlows = burst.equals("cold") ? List.of() : generate(work.resolve("warm-up"), "warmup", warmUpFrom, warmUp);
        List<Path> warm = burst.equals("cold") ? List.of() : generate(work.resolve("warm"), "warm", warmFrom, flows);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AchemineApplication.class)
                .web(WebApplicationType.NONE).run(settings.toArray(String[]::new))) {
            int workers = context.getBean(AchemineProperties.class).intake().workers();
            Path copies = Files.createDirectories(work.resolve("directory"));
            context.getBean(DirectoryImporter.class).importFiles(
                    Files.copy(Path.of("samples/directory/structures.csv"), copies.resolve("structures.csv")),
                    Files.copy(Path.of("samples/directory/services.csv"), copies.resolve("services.csv")));

            // validation only, same files, same thread count, after a short warm-up of the validation code alone
            // (the engine's own path stays cold: the cold burst meets it as a restart would)
            ValidationEngine engine = context.getBean(ValidationEngine.class);
            List<Path> validated = cold.isEmpty() ? warm : cold; // the measured bursts' mix is the same
            validateAll(engine, validated.subList(0, Math.min(300, validated.size())), workers);
            long start = System.nanoTime();
            long validationCpu = DatabaseWork.processCpuNanos();
            validateAll(engine, validated, workers);
            double validationRate = flows / ((System.nanoTime() - start) / 1e9);
            System.out.printf("validation only: %,.0f files/s, CPU of this JVM %.2f s per 1,000 files (user + sys, every"
                    + " thread: what the bursts' CPU per 1,000 flows compares with)%n", validationRate,
                    (DatabaseWork.processCpuNanos() - validationCpu) / 1e9 * 1000 / flows);

            List<Rates> measured = new ArrayList<>();
            if (!burst.equals("warm")) {
                measured.add(measure(context, data, database, "cold", cold, validationRate, workers, args, work));
            }
            if (!burst.equals("cold")) {
                if (burst.equals("both")) {
                    takeEverythingOut(context, data); // the cold burst's reports and invoices, as partners take them
                }
                System.out.printf("%nwarm-up burst of %,d other flows through the whole engine%n", warmUp);
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                long reportedBefore = reportedCount(jdbc);
                Instant dropped = Instant.now();
                drop(data, warmUpFlows);
                awaitDrained(jdbc, dropped, reportedBefore, warmUpFlows.size(), null, null, null, null);
                takeEverythingOut(context, data);
                Thread.sleep(QUIET.toMillis());
                measured.add(measure(context, data, database, "warm", warm, validationRate, workers, args, work));
            }
            return measured;
        }
    }

    /** One measured burst on the running engine: dropped at once, answered, routed and delivered; its table. */
    private static Rates measure(ConfigurableApplicationContext context, Path data, String database, String burst,
            List<Path> generated, double validationRate, int workers, String[] args, BenchFolder work)
            throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        int flows = generated.size();
        long reportedBefore = reportedCount(jdbc);
        long invoicesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Long.class);
        long deliveredBefore = jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE status = '03'", Long.class);
        AtomicLong reported = new AtomicLong();
        HeapSampler heap = new HeapSampler(reported::get);
        List<Long> liveAtQuarters = new ArrayList<>(); // live set after a full GC at 25, 50, 75, 100 % answered
        // the CPU of those full GCs (the bench's, not the engine's): taken out of the CPU figures below
        AtomicLong forcedGcCpuNanos = new AtomicLong();
        AtomicLong forcedGcCpuNanosAnswered = new AtomicLong();
        System.out.printf("%n%s burst of %,d flows%n", burst, flows);
        boolean statements = database.equals("h2") && Arrays.asList(args).contains("--statements");
        if (statements) { // H2 counts each statement it runs (a batch's rows one each) from here on
            DatabaseWork.countStatements(jdbc);
        }
        boolean trace = database.equals("h2") && Arrays.asList(args).contains("--trace");
        if (trace) { // every JDBC call, per session, into db/achemine.trace.db: transactions and batches told apart
            jdbc.execute("SET TRACE_MAX_FILE_SIZE 2000");
            jdbc.execute("SET TRACE_LEVEL_FILE 3");
        }
        DatabaseWork beforeDrop = DatabaseWork.now(jdbc, database);
        AtomicReference<DatabaseWork> allAnswered = new AtomicReference<>();
        AtomicReference<ThreadCpu> threadsAnswered = new AtomicReference<>();
        ThreadCpu threadsBefore = ThreadCpu.now();
        Instant firstDrop = Instant.now();
        drop(data, generated);
        Instant lastDrop = Instant.now();
        awaitDrained(jdbc, firstDrop, reportedBefore, flows, reported, liveAtQuarters, forcedGcCpuNanos, () -> {
            forcedGcCpuNanosAnswered.set(forcedGcCpuNanos.get());
            threadsAnswered.set(ThreadCpu.now());
            allAnswered.set(DatabaseWork.now(jdbc, database));
            if (trace) {
                jdbc.execute("SET TRACE_LEVEL_FILE 0");
            }
            if (statements) {
                DatabaseWork.printStatements(jdbc, flows, "first drop -> all answered, per 1,000 flows");
            }
        });
        // drained: answered, routed, delivered; without the bench's forced full GCs
        double cpuSeconds = (DatabaseWork.processCpuNanos() - beforeDrop.cpuNanos() - forcedGcCpuNanos.get()) / 1e9;
        heap.close();
        long liveAtEnd = HeapSampler.liveAfterFullGcMegabytes(); // routed and delivered too

        // out/ holds this burst's files only: the partners took the earlier bursts' ones
        FileTimes reports = new FileTimes();
        for (String partner : PARTNERS) {
            reports.scan(data.resolve("mailboxes").resolve(partner).resolve("out"), ".cr.xml");
        }
        FileTimes deliveries = new FileTimes();
        deliveries.scan(context.getBean(Mailboxes.class).recipientOut(BELLERIVE), ".xml"); // COL001 serves it
        double flowSeconds = Duration.between(firstDrop, reports.last).toMillis() / 1000.0;
        double invoiceSeconds = Duration.between(firstDrop, deliveries.last).toMillis() / 1000.0;
        double flowRate = reports.count / flowSeconds;
        long invoices = jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Long.class) - invoicesBefore;
        long delivered = jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE status = '03'", Long.class)
                - deliveredBefore;
        long early = heap.peakLiveMegabytes(flows, 0.0, 0.5);
        long late = heap.peakLiveMegabytes(flows, 0.5, 1.0);

        // the cold burst's rows keep their names (earlier sessions' tables); the warm burst's say warm
        String prefix = burst.equals("cold") ? "" : "warm burst, ";
        System.out.printf("%n%s burst of %,d flows on %s (dropped in %.2f s), %d intake workers, validation threads %d%n",
                burst, flows, database, Duration.between(firstDrop, lastDrop).toMillis() / 1000.0, workers, workers);
        System.out.printf("  %-58s %12s %10s%n", "measure", "value", "target");
        row("deposit reports written", String.format("%,d / %,d", reports.count, flows), "all");
        row(prefix + "end to end, first drop -> last deposit report (flows/s)", String.format("%,.0f", flowRate), ">= 400");
        row("invoices delivered to the recipient's out/ (of accepted)", String.format("%,d / %,d", deliveries.count, invoices), "all");
        row(prefix + "end to end, first drop -> last delivery (invoices/s)", String.format("%,.0f", deliveries.count / invoiceSeconds), "");
        row("validation only, same files, same threads (files/s)", String.format("%,.0f", validationRate), "");
        row(prefix + "end to end / validation only", String.format("%.0f %%", 100 * flowRate / validationRate), ">= 70 %");
        row("CPU of this JVM, first drop -> drained (user + sys, s per 1,000 flows)",
                String.format("%.2f", cpuSeconds * 1000 / flows), "");
        // measured as the process CPU across each stop-the-world collection (a JIT thread running alongside is
        // counted in: an upper bound); the table per kind of thread below still has them in its GC row
        row("bench's full GCs, left out of the process CPU rows (s per 1,000 flows, to all answered / drained)",
                String.format("%.2f / %.2f", forcedGcCpuNanosAnswered.get() / 1e9 * 1000 / flows,
                        forcedGcCpuNanos.get() / 1e9 * 1000 / flows), "");
        row("heap in use, peak (MB)", String.valueOf(heap.peakUsedMegabytes()), "< 512");
        row("after-GC pool usage (young/mixed GCs), peak in 1st / 2nd half (MB)", early + " / " + late, "");
        row("live heap after a full GC at 25 / 50 / 75 / 100 % answered, then all routed (MB)",
                liveAtQuarters.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" / "))
                        + " / " + liveAtEnd, "flat");
        long settled = liveAtQuarters.get(1);
        boolean flat = liveAtQuarters.subList(1, liveAtQuarters.size()).stream()
                .allMatch(live -> live <= settled * 1.25 + 16) && liveAtEnd <= settled * 1.25 + 16;
        row("heap (live set from 50 % on within 25 % + 16 MB of its value at 50 %)", flat ? "flat" : "GROWING", "flat");
        System.out.printf("(window of the figures below, for a profile of the same run: first drop %s, all answered %s)%n",
                firstDrop, allAnswered.get().at());
        row("process CPU, first drop -> all answered, per 1,000 flows (s)",
                allAnswered.get().cpuPer1000(beforeDrop, forcedGcCpuNanosAnswered.get(), flows), "");
        threadsAnswered.get().printSince(threadsBefore, flows);
        threadsAnswered.get().printJavaSince(threadsBefore, flows);
        row("H2 stores (MVStore versions), drop -> all answered, per 1,000 flows", allAnswered.get().storesPer1000(beforeDrop, flows), "");
        row("H2 file writes / MB written, drop -> all answered, per 1,000 flows", allAnswered.get().writesPer1000(beforeDrop, flows), "");
        System.out.printf("(status 03 in the database: %,d; data folder %s, %s; load average at the end %s;"
                + " first drop %s, last deposit report %s: a profile's window)%n",
                delivered, data, work.fate(), loadAverage(), firstDrop, reports.last);
        return new Rates(database, burst, flowRate, validationRate);
    }

    /** Every file renamed into a partner's in/ at once, alternating between the partners. */
    private static void drop(Path data, List<Path> generated) throws IOException {
        for (int i = 0; i < generated.size(); i++) {
            Path in = data.resolve("mailboxes").resolve(PARTNERS.get(i % PARTNERS.size())).resolve("in");
            Files.move(generated.get(i), in.resolve(generated.get(i).getFileName()));
        }
    }

    /**
     * Waits until the burst's flows are all answered and routing is done, printing progress every 5 s; with
     * {@code liveAtQuarters}, takes the live set after a full GC at 25, 50, 75 and 100 % answered, adding the CPU
     * each full GC takes (process CPU across the stop-the-world collection) to {@code forcedGcCpuNanos}; runs
     * {@code whenAllAnswered} (if any) once, at the first poll that finds every flow answered.
     */
    private static void awaitDrained(JdbcTemplate jdbc, Instant start, long reportedBefore, int flows,
            AtomicLong reported, List<Long> liveAtQuarters, AtomicLong forcedGcCpuNanos, Runnable whenAllAnswered)
            throws InterruptedException {
        boolean answeredAll = false;
        AtomicLong answered = reported != null ? reported : new AtomicLong();
        Instant limit = start.plus(Duration.ofMinutes(60));
        Instant nextProgress = start.plusSeconds(5);
        boolean routing = true;
        while (answered.get() < flows || routing) {
            if (Instant.now().isAfter(limit)) {
                throw new IllegalStateException("Burst not drained after 60 minutes: " + answered.get() + " reported");
            }
            // the bench's own queries compete with the engine for the cores (a JFR profile put them at ~3 %
            // of the CPU when polled every 250 ms): once a second, and routing's only once all are answered;
            // the rates come from the files' times, not from this loop
            Thread.sleep(1000);
            answered.set(reportedCount(jdbc) - reportedBefore);
            if (!answeredAll && answered.get() >= flows) {
                answeredAll = true;
                if (whenAllAnswered != null) {
                    whenAllAnswered.run();
                }
            }
            routing = answered.get() < flows || hasRoutingWork(jdbc);
            while (liveAtQuarters != null && liveAtQuarters.size() < 4
                    && answered.get() >= (liveAtQuarters.size() + 1) * (long) flows / 4) {
                long before = DatabaseWork.processCpuNanos();
                liveAtQuarters.add(HeapSampler.liveAfterFullGcMegabytes());
                forcedGcCpuNanos.addAndGet(DatabaseWork.processCpuNanos() - before);
            }
            if (Instant.now().isAfter(nextProgress)) {
                System.out.printf("  %5.0f s: %,d flows answered, routing %s%n",
                        Duration.between(start, Instant.now()).toMillis() / 1000.0, answered.get(),
                        routing ? "under way (registration, routing or integration reports)" : "done");
                nextProgress = Instant.now().plusSeconds(5);
            }
        }
    }

    private static long reportedCount(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE stage = 'REPORTED'", Long.class);
    }

    /**
     * The partners take what the engine put in their out/ and in the recipient's (ADR 0001: they download and
     * delete), so that the next burst's files are counted alone and its folders start as small.
     */
    private static void takeEverythingOut(ConfigurableApplicationContext context, Path data) throws IOException {
        List<Path> outs = new ArrayList<>();
        for (String partner : PARTNERS) {
            outs.add(data.resolve("mailboxes").resolve(partner).resolve("out"));
        }
        outs.add(context.getBean(Mailboxes.class).recipientOut(BELLERIVE));
        for (Path out : outs) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(out)) {
                for (Path file : files) {
                    if (Files.isRegularFile(file) && !file.getFileName().toString().startsWith(".")) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    private static int roundUpTo20(int n) {
        return (n + 19) / 20 * 20;
    }

    /** The machine's load (1, 5, 15 min): shared machines make absolute rates vary, same-run ratios less. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException notLinux) {
            return "unknown";
        }
    }

    private static void row(String measure, String value, String target) {
        System.out.printf("  %-58s %12s %10s%n", measure, value, target);
    }

    /** Routing still has work: flows to register, invoices in 01 or 02, integration reports due. */
    private static boolean hasRoutingWork(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                SELECT (SELECT COUNT(*) FROM flow WHERE stage = 'REPORTED' AND invoices_registered = FALSE)
                     + (SELECT COUNT(*) FROM invoice WHERE status IN ('01', '02'))
                     + (SELECT COUNT(*) FROM flow f WHERE f.invoices_registered = TRUE AND f.integration_reported_at IS NULL
                          AND EXISTS (SELECT 1 FROM invoice i WHERE i.flow_id = f.flow_id))""", Long.class) > 0;
    }

    /** 70 % UBL and 20 % CII single invoices for Bellerive (delivered), 5 % not well-formed, 5 % breaking the XSD. */
    private static List<Path> generate(Path folder, String name, int from, int flows) throws IOException {
        Files.createDirectories(folder);
        byte[] xsdError = Files.readAllBytes(Path.of("samples/invalid/xsd-error.xml"));
        List<Path> files = new ArrayList<>(flows);
        for (int i = from; i < from + flows; i++) {
            int kind = i % 20;
            String number = String.format("BURST-%07d", i);
            byte[] bytes;
            if (kind == 7) {
                bytes = ("<Invoice>interrompu " + i).getBytes(StandardCharsets.UTF_8);
            } else if (kind == 13) {
                bytes = xsdError;
            } else if (kind % 5 == 1) {
                bytes = new String(InvoiceGenerator.generate(InvoiceGenerator.Kind.CII, 1, i, number), StandardCharsets.UTF_8)
                        .replace(InvoiceGenerator.BUYER_SIRET, BELLERIVE).replace("SERVICE-ACHATS", SERVICE)
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                bytes = SampleInvoices.ubl(number, BELLERIVE, SERVICE, "EJ-" + i);
            }
            files.add(Files.write(folder.resolve(String.format("%s-%07d.xml", name, i)), bytes));
        }
        return files;
    }

    private static void validateAll(ValidationEngine engine, List<Path> files, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Path file : files) {
                done.add(pool.submit(() -> engine.validate(file.getFileName().toString(), file)));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** How many files end with a suffix in a folder, and the last modification time among them. */
    private static final class FileTimes {
        long count;
        Instant last = Instant.EPOCH;

        void scan(Path folder, String suffix) throws IOException {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(suffix) && !name.startsWith(".")) {
                        count++;
                        Instant modified = Files.getLastModifiedTime(file).toInstant();
                        if (modified.isAfter(last)) {
                            last = modified;
                        }
                    }
                }
            }
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
