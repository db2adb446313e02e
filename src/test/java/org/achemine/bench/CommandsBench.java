package org.achemine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.achemine.api.EngineAddress;

/**
 * The commands as an operator types them, each in a JVM of its own (issue 16, part 5): the demo once, then the
 * read-only commands on its data folder with the engine stopped (they read the database with only a data source)
 * and while {@code run} is up (they ask its API), and {@code validate} of one file; each through
 * {@code java -jar achemine.jar} and through the launcher beside it ({@code achemine}: the jar extracted, the client
 * JIT for short commands). Median wall time of {@code --runs} (default 5) and the median CPU time (user + system)
 * of the same runs, which a machine shared with other builds changes less. {@code --compare OTHER.jar} measures
 * another build's jar too (e.g. main's, before a change), its runs alternating with this one's. Run by
 * {@code ./bench.sh commands}; figures go to docs/benchmarks.md.
 * <p>
 * {@code --first-calls ROUNDS} measures instead what the launcher's class-data-sharing archives cost and give
 * (issue 16, part 5): in each round a fresh extraction, then for a query ({@code job list}) and {@code validate}
 * the first call (it answers, then the archive is dumped in the background), how long after its answer the
 * archive is there, and the later calls with the archive and without ({@code ACHEMINE_CDS=false}), alternating;
 * with {@code --compare}, the same through the compared jar's launcher.
 * <p>
 * The demo's data folder (and the extractions) is deleted at the end, unless {@code --keep}.
 */
public final class CommandsBench {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ, the unit of /proc/self/stat on Linux

    private final Path jar;
    private final Path launcher;
    private final Path compare;
    private final int runs;
    private final int firstCallRounds;

    private CommandsBench(Path jar, Path launcher, Path compare, int runs, int firstCallRounds) {
        this.jar = jar;
        this.launcher = launcher;
        this.compare = compare;
        this.runs = runs;
        this.firstCallRounds = firstCallRounds;
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        Path jar = Path.of("target/achemine.jar");
        Path compare = null;
        int firstCallRounds = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--compare" -> compare = Path.of(args[++i]);
                case "--first-calls" -> firstCallRounds = Integer.parseInt(args[++i]);
                case "--keep" -> { } // BenchFolder's
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        CommandsBench bench = new CommandsBench(jar.toAbsolutePath(), jar.toAbsolutePath().resolveSibling("achemine"),
                compare == null ? null : compare.toAbsolutePath(), runs, firstCallRounds);
        BenchFolder.run("achemine-commands", args, work -> {
            System.out.printf("demo data folder and extractions in %s%n", work);
            bench.measure(work.path());
            return null;
        });
    }

    private void measure(Path work) throws Exception {
        Path data = work.resolve("demo");
        String dataDir = "--achemine.data-dir=" + data;
        System.out.printf("load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        if (firstCallRounds > 0) {
            once(List.of(javaJar(jar), List.of("demo", "--data-dir", data.toString())));
            List<List<String>> commands = List.of(List.of("job", "list", dataDir),
                    List.of("validate", Path.of("samples/ubl/invoice-valid.xml").toAbsolutePath().toString()));
            firstCalls(work, launcher, "this launcher", commands);
            if (compareLauncher() != null) {
                firstCalls(work, compareLauncher(), compareLauncher().toString(), commands);
            }
            System.out.printf("load average at end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
            return;
        }
        System.out.printf("%-40s %-34s %s%n", "command", "java -jar: wall / CPU (s)",
                "launcher: wall / CPU (s)" + (compare == null ? "" : "   " + compare + ": wall / CPU (s)"
                        + (compareLauncher() == null ? "" : ", then through its launcher")));
        Sample demo = once(List.of(javaJar(jar), List.of("demo", "--data-dir", data.toString())));
        System.out.printf("%-40s %s%n", "demo (every sample, whole engine)", demo);
        if (compare != null) {
            Sample comparedDemo = once(List.of(javaJar(compare), List.of("demo", "--data-dir",
                    work.resolve("demo-compared").toString())));
            System.out.printf("%-40s %-34s %-26s %s%n", "demo, compared jar", "", "", comparedDemo);
        }
        // the launcher's first call extracts the jar: once, told apart; so does the first short command of a kind
        // (it dumps the kind's class-data-sharing archive), run below before the measured ones
        Sample extracting = once(List.of(List.of(launcher.toString()), List.of("--version")));
        System.out.printf("%-40s %-34s %s%n", "launcher's first call (extracts the jar)", "", extracting);
        if (compareLauncher() != null) {
            once(List.of(List.of(compareLauncher().toString()), List.of("--version")));
        }

        String invoice = firstInvoice(data);
        String flow = invoice.substring(0, invoice.indexOf('-'));
        Sample dumping = once(List.of(List.of(launcher.toString()), List.of("job", "list", dataDir)));
        System.out.printf("%-40s %-34s %s%n", "launcher's first query (dumps its archive)", "", dumping);
        Sample dumpingValidate = once(List.of(List.of(launcher.toString()),
                List.of("validate", Path.of("samples/ubl/invoice-valid.xml").toAbsolutePath().toString())));
        System.out.printf("%-40s %-34s %s%n", "launcher's first validate (dumps one)", "", dumpingValidate);
        List<List<String>> queries = List.of(List.of("invoice", "list", dataDir), List.of("invoice", "show", invoice, dataDir),
                List.of("flow", "show", flow, dataDir), List.of("flow", "list", dataDir), List.of("job", "list", dataDir),
                List.of("partner", "list", dataDir));
        for (List<String> query : queries) {
            row(label(query) + " (engine stopped)", query, true);
        }
        row("validate one file", List.of("validate", Path.of("samples/ubl/invoice-valid.xml").toAbsolutePath().toString()),
                true);

        Process engine = new ProcessBuilder(java(), "-Xmx512m", "-jar", jar.toString(), "run", "--server.port=0", dataDir)
                .redirectErrorStream(true).redirectOutput(work.resolve("engine.log").toFile()).start();
        try {
            while (EngineAddress.read(data).isEmpty()) {
                if (!engine.isAlive()) {
                    throw new IllegalStateException("engine stopped: see " + work.resolve("engine.log"));
                }
                Thread.sleep(200); // a benchmark's wait for the engine, not a test
            }
            for (List<String> query : queries) {
                row(label(query) + " (engine running)", query, false);
            }
        } finally {
            engine.destroy();
            engine.waitFor(60, TimeUnit.SECONDS);
        }
        System.out.printf("load average at end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /**
     * One command through the jar and the launcher (and the compared jar and its launcher, engine stopped), runs
     * alternating.
     */
    private void row(String label, List<String> args, boolean compared) throws Exception {
        List<List<Sample>> samples = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < runs; i++) {
            samples.get(0).add(once(List.of(javaJar(jar), args)));
            samples.get(1).add(once(List.of(List.of(launcher.toString()), args)));
            if (compare != null && compared) {
                samples.get(2).add(once(List.of(javaJar(compare), args)));
            }
            if (compareLauncher() != null && compared) {
                samples.get(3).add(once(List.of(List.of(compareLauncher().toString()), args)));
            }
        }
        System.out.printf("%-40s %-34s %-26s %-18s %s%n", label, Sample.median(samples.get(0)),
                Sample.median(samples.get(1)), samples.get(2).isEmpty() ? "" : Sample.median(samples.get(2)),
                samples.get(3).isEmpty() ? "" : Sample.median(samples.get(3)));
    }

    /**
     * Per command, over the rounds (each a fresh extraction): the launcher's first call, how long after its answer
     * its archive was there, then {@code runs} later calls with it and without it, alternating. Medians.
     */
    private void firstCalls(Path work, Path launcher, String name, List<List<String>> commands) throws Exception {
        System.out.printf("%s, median of %d rounds (a fresh extraction each), wall / CPU (s)%n", name, firstCallRounds);
        System.out.printf("  %-14s %-16s %-22s %-16s %s%n", "command", "first call", "archive there after",
                "later, archive", "later, ACHEMINE_CDS=false");
        for (List<String> command : commands) {
            List<Sample> first = new ArrayList<>();
            List<Double> archiveAfter = new ArrayList<>();
            List<Sample> with = new ArrayList<>();
            List<Sample> without = new ArrayList<>();
            String kind = command.get(0).equals("validate") ? "validate" : "query";
            for (int round = 0; round < firstCallRounds; round++) {
                Path extracted = Files.createTempDirectory(work, "extracted");
                Map<String, String> fresh = Map.of("ACHEMINE_EXTRACT_DIR", extracted.toString());
                once(List.of(List.of(launcher.toString()), List.of("--version")), fresh); // extracts, dumps nothing
                first.add(once(List.of(List.of(launcher.toString()), command), fresh));
                long answered = System.nanoTime();
                while (archive(extracted, kind) == null) {
                    Thread.sleep(100); // a benchmark's wait for the background dump, not a test
                    if (System.nanoTime() - answered > TimeUnit.MINUTES.toNanos(10)) {
                        throw new IllegalStateException("no " + kind + " archive in " + extracted);
                    }
                }
                archiveAfter.add((System.nanoTime() - answered) / 1e9);
                Map<String, String> noArchive = Map.of("ACHEMINE_EXTRACT_DIR", extracted.toString(), "ACHEMINE_CDS",
                        "false");
                for (int i = 0; i < runs; i++) {
                    with.add(once(List.of(List.of(launcher.toString()), command), fresh));
                    without.add(once(List.of(List.of(launcher.toString()), command), noArchive));
                }
            }
            double[] after = archiveAfter.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("  %-14s %-16s %-22s %-16s %s%n", kind.equals("validate") ? "validate" : label(command),
                    Sample.median(first), String.format("%6.2f", after[after.length / 2]), Sample.median(with),
                    Sample.median(without));
        }
    }

    /** The kind's archive once dumped (the launcher names it {@code cds/KIND-JDK.jsa}), or null. */
    private static Path archive(Path extracted, String kind) throws IOException {
        try (Stream<Path> files = Files.walk(extracted)) {
            return files.filter(f -> f.getParent().getFileName().toString().equals("cds")
                    && f.getFileName().toString().startsWith(kind + "-")
                    && f.getFileName().toString().endsWith(".jsa")).findFirst().orElse(null);
        }
    }

    /** The launcher beside the compared jar, when it has one. */
    private Path compareLauncher() {
        Path other = compare == null ? null : compare.resolveSibling("achemine");
        return other != null && Files.isExecutable(other) ? other : null;
    }

    /** {@code invoice show ID}: the command's words, not its ids and settings. */
    private static String label(List<String> query) {
        return query.get(0) + " " + query.get(1) + (query.size() > 3 ? " ID" : "");
    }

    private String firstInvoice(Path data) throws Exception {
        List<String> command = new ArrayList<>(javaJar(jar));
        command.addAll(List.of("invoice", "list", "--status", "03", "--limit", "1", "--achemine.data-dir=" + data));
        Process list = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(list.getInputStream().readAllBytes());
        list.waitFor();
        return out.lines().filter(line -> line.matches("ACH\\S+-\\d+ .*")).findFirst()
                .orElseThrow(() -> new IllegalStateException(out)).split(" ")[0];
    }

    private static Sample once(List<List<String>> parts) throws Exception {
        return once(parts, Map.of());
    }

    /**
     * The command in a process of its own: its wall time, and its CPU time (this JVM's reaped children's: not a
     * background dump's, which the launcher leaves running).
     */
    private static Sample once(List<List<String>> parts, Map<String, String> environment) throws Exception {
        List<String> command = parts.stream().flatMap(List::stream).toList();
        long cpuBefore = childrenCpuTicks();
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // the launcher runs this JDK with the heap java -jar is given here
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ACHEMINE_JAVA_OPTS", "-Xmx512m");
        builder.environment().putAll(environment);
        Process process = builder.start();
        int exit = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit);
        }
        return new Sample(wall, (childrenCpuTicks() - cpuBefore) / (double) TICKS_PER_SECOND);
    }

    /** cutime + cstime of /proc/self/stat: CPU of the children this process waited for. */
    private static long childrenCpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command name: state is field 3 of the man page, cutime 16 and cstime 17
        return Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]);
    }

    private static List<String> javaJar(Path jar) {
        return List.of(java(), "-Xmx512m", "-jar", jar.toString());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Wall and CPU seconds of one run, or the medians of several. */
    private record Sample(double wall, double cpu) {

        static Sample median(List<Sample> samples) {
            double[] walls = samples.stream().mapToDouble(Sample::wall).sorted().toArray();
            double[] cpus = samples.stream().mapToDouble(Sample::cpu).sorted().toArray();
            return new Sample(walls[walls.length / 2], cpus[cpus.length / 2]);
        }

        @Override
        public String toString() {
            return String.format("%6.2f / %5.2f", wall, cpu);
        }
    }
}
