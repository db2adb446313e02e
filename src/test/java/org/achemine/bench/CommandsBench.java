package org.achemine.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.achemine.AchemineApplication;
import org.achemine.api.EngineAddress;

/**
 * Wall time of the commands as an operator types them, each in a JVM of its own (issue 16, part 5): the demo
 * once, then the query commands on its data folder with the engine stopped (they read the database with only a
 * data source) and while {@code run} is up (they ask its API), and {@code validate} of one file. Median of
 * {@code --runs} (default 5). Run by {@code ./bench.sh commands}; figures go to docs/benchmarks.md.
 */
public final class CommandsBench {

    public static void main(String[] args) throws Exception {
        int runs = args.length >= 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 5;
        Path work = Files.createTempDirectory("achemine-commands");
        Path data = work.resolve("demo");
        String dataDir = "--achemine.data-dir=" + data;

        System.out.printf("%-44s %10s%n", "command", "wall (s)");
        print("demo (every sample, whole engine)", once("demo", "--data-dir", data.toString()));
        String invoice = firstInvoice(data);
        String flow = invoice.substring(0, invoice.indexOf('-'));
        List<String[]> queries = List.of(new String[] {"invoice", "list", dataDir},
                new String[] {"invoice", "show", invoice, dataDir}, new String[] {"flow", "show", flow, dataDir});
        for (String[] query : queries) {
            print(label(query) + " (engine stopped)", median(runs, query));
        }
        print("validate one file", median(runs, "validate", "samples/ubl/invoice-valid.xml"));

        Process engine = new ProcessBuilder(java(), "-Xmx512m", "-Dserver.port=0", "-cp",
                System.getProperty("java.class.path"), AchemineApplication.class.getName(), "run", dataDir)
                .redirectErrorStream(true).redirectOutput(work.resolve("engine.log").toFile()).start();
        try {
            while (EngineAddress.read(data).isEmpty()) {
                if (!engine.isAlive()) {
                    throw new IllegalStateException("engine stopped: see " + work.resolve("engine.log"));
                }
                Thread.sleep(200); // a benchmark's wait for the engine, not a test
            }
            for (String[] query : queries) {
                print(label(query) + " (engine running)", median(runs, query));
            }
        } finally {
            engine.destroy();
            engine.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** {@code invoice show ID}: the command's words, not its ids and settings. */
    private static String label(String[] query) {
        return query[0] + " " + query[1] + (query.length > 3 ? " ID" : "");
    }

    private static String firstInvoice(Path data) throws Exception {
        Process list = command("invoice", "list", "--status", "03", "--limit", "1", "--achemine.data-dir=" + data)
                .redirectErrorStream(true).start();
        String out = new String(list.getInputStream().readAllBytes());
        list.waitFor();
        return out.lines().filter(line -> line.matches("ACH\\S+-\\d+ .*")).findFirst()
                .orElseThrow(() -> new IllegalStateException(out)).split(" ")[0];
    }

    private static double median(int runs, String... args) throws Exception {
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            seconds[i] = once(args);
        }
        Arrays.sort(seconds);
        return seconds[runs / 2];
    }

    private static double once(String... args) throws Exception {
        long start = System.nanoTime();
        Process process = command(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited " + exit);
        }
        return seconds;
    }

    private static ProcessBuilder command(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                AchemineApplication.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void print(String what, double seconds) {
        System.out.printf("%-44s %10.2f%n", what, seconds);
    }
}
