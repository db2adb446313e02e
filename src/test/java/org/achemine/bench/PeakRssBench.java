package org.achemine.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.achemine.AchemineApplication;

/**
 * Peak resident memory of the engine (its own JVM, {@code -Xmx512m}) fed the largest inputs it accepts at
 * once (issue 11): a status CSV at the line limit (100,000 updates, each looked up), a status CSV of
 * 1,000,000 short lines (7 MB, under the size limit: counted and refused), a UBL invoice of {@code --lines}
 * lines, and a directory of {@code --directory-rows} structures. Peak RSS is the kernel's {@code VmHWM} of the
 * engine's process, read once every input is answered. Run by {@code ./bench.sh rss}; figures go to
 * docs/benchmarks.md. The data folder (and the engine's log) is deleted at the end, unless {@code --keep}.
 */
public final class PeakRssBench {

    public static void main(String[] args) throws Exception {
        int invoiceLines = intOption(args, "--lines", 20_000);
        int directoryRows = intOption(args, "--directory-rows", 1_000_000);
        BenchFolder.run("achemine-rss", args, work -> {
            System.out.printf("data and engine log in %s%n", work);
            measure(work.path(), invoiceLines, directoryRows);
            return null;
        });
    }

    private static void measure(Path work, int invoiceLines, int directoryRows) throws Exception {
        Path data = work.resolve("data");
        Path in = Files.createDirectories(data.resolve("mailboxes/COL001/in"));
        Path supplierIn = Files.createDirectories(data.resolve("mailboxes/FOU001/in"));
        Path directoryIn = Files.createDirectories(data.resolve("directory/in"));
        Path staging = Files.createDirectories(work.resolve("staging"));

        // the inputs, written beside the data folder, then renamed in once the engine runs
        Path statusAtLimit = statusCsv(staging.resolve("statuts-100000.csv"), 100_000, "X%d;07;2026-11-24T09:15:00Z");
        Path statusMillion = statusCsv(staging.resolve("statuts-million.csv"), 1_000_000, "X;07;Z");
        Path invoice = Files.write(staging.resolve("facture-grande.xml"),
                InvoiceGenerator.generate(InvoiceGenerator.Kind.UBL_INVOICE, invoiceLines, 11));
        RoutingBench.writeDirectory(staging.resolve("annuaire"), directoryRows);
        System.out.printf("inputs: status %,d B and %,d B, invoice %,d lines %,d B, directory %,d structures %,d B%n",
                Files.size(statusAtLimit), Files.size(statusMillion), invoiceLines, Files.size(invoice), directoryRows,
                Files.size(staging.resolve("annuaire/structures.csv")));

        Path log = work.resolve("engine.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process engine = new ProcessBuilder(java, "-Xmx512m", "-Dserver.port=0", "-cp",
                System.getProperty("java.class.path"), AchemineApplication.class.getName(), "run",
                "--achemine.data-dir=" + data, "--achemine.directory.poll-interval=1s")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long idle = rss(engine.pid(), "VmRSS");
            await(() -> Files.exists(data.resolve("db")), Duration.ofMinutes(5));
            Thread.sleep(5_000); // let start-up settle before dropping (a measurement, not a test)
            long started = rss(engine.pid(), "VmRSS");
            Instant dropped = Instant.now();
            Files.move(statusAtLimit, in.resolve(statusAtLimit.getFileName()));
            Files.move(statusMillion, in.resolve(statusMillion.getFileName()));
            Files.move(invoice, supplierIn.resolve(invoice.getFileName()));
            FileTime settled = FileTime.from(Instant.now().minusSeconds(10));
            for (String name : List.of("structures.csv", "services.csv")) {
                Path moved = Files.move(staging.resolve("annuaire").resolve(name), directoryIn.resolve("rss-" + name));
                Files.setLastModifiedTime(moved, settled);
            }
            await(() -> count(data.resolve("mailboxes/COL001/out"), ".cr.xml") == 2
                    && count(data.resolve("mailboxes/FOU001/out"), ".cr.xml") == 1
                    && count(data.resolve("directory"), ".import-report.csv") >= 1, Duration.ofMinutes(60));
            Duration took = Duration.between(dropped, Instant.now());
            System.out.printf("answered in %d s; RSS idle %d MB, after start-up %d MB, peak (VmHWM) %d MB%n",
                    took.toSeconds(), idle / 1024, started / 1024, rss(engine.pid(), "VmHWM") / 1024);
        } finally {
            engine.destroy();
            engine.waitFor();
        }
    }

    private static Path statusCsv(Path file, int lines, String format) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id_facture;statut;date_heure\n");
            for (int i = 1; i <= lines; i++) {
                out.write(String.format(format, i));
                out.write('\n');
            }
        }
        return file;
    }

    /** A line of /proc/PID/status, in kB. */
    private static long rss(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException(field + " not found for " + pid);
    }

    private static long count(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }

    private interface Check {
        boolean done() throws Exception;
    }

    private static void await(Check check, Duration atMost) throws Exception {
        Instant deadline = Instant.now().plus(atMost);
        while (!check.done()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not done within " + atMost);
            }
            Thread.sleep(500);
        }
    }

    private static int intOption(String[] args, String name, int fallback) {
        List<String> list = new ArrayList<>(List.of(args));
        int at = list.indexOf(name);
        return at >= 0 && at + 1 < list.size() ? Integer.parseInt(list.get(at + 1)) : fallback;
    }
}
