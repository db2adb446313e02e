package org.achemine.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.achemine.lifecycle.updates.CppStatutStatusFile;
import org.achemine.lifecycle.updates.CsvStatusFile;
import org.achemine.lifecycle.updates.StatusFile;
import org.achemine.testing.CppStatutFiles;
import org.achemine.testing.CppStatutFiles.Unit;

/**
 * {@code ./bench.sh status [--statuses N]}: reading status files, without the database. For N/2 and N statuses
 * (default 200,000), a generated CPPStatut file and the same statuses in CSV: time to read each whole (statuses
 * per second, so linearity shows as a flat rate), and the live heap after a full GC while holding the result,
 * whole and with a limit of 1,000 lines (which must not grow with N: the file is counted, not kept; for files of
 * 1,000 lines or fewer, one line fewer than the file, so the limited read is still refused). The files are deleted
 * at the end, unless {@code --keep}.
 */
public final class StatusFileBench {

    private static final String BELLERIVE = "21690012600014";
    private static final int LIMIT = 1_000;

    private StatusFileBench() {
    }

    public static void main(String[] args) throws Exception {
        int statuses = 200_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--statuses")) {
                statuses = Integer.parseInt(args[++i]);
            }
        }
        if (statuses < 4) { // N/2 must be 2 or more: a limited read needs a file over a limit of at least one line
            throw new IllegalArgumentException("--statuses must be 4 or more, not " + statuses);
        }
        int total = statuses;
        BenchFolder.run("achemine-status-bench", args, folder -> {
            measure(folder, total);
            return null;
        });
    }

    private static void measure(BenchFolder folder, int statuses) throws Exception {
        Path dir = folder.path();
        System.out.printf("status files in %s%n", folder);
        CppStatutStatusFile cppStatut = new CppStatutStatusFile();
        System.out.println("format     statuses  size MB  seconds  statuses/s  live MB (whole)  live MB (limit)  limit");
        for (int n : List.of(statuses / 2, statuses, statuses / 2, statuses)) {
            Path xml = cppStatut(dir, n);
            Path csv = csv(dir, n);
            // a file of LIMIT lines or fewer is within LIMIT, and read whole: the limited read must be over its limit
            int limit = Math.min(LIMIT, n - 1);
            report("CPPStatut", n, limit, xml, () -> cppStatut.read("b.xml", () -> Files.newInputStream(xml), n),
                    () -> cppStatut.read("b.xml", () -> Files.newInputStream(xml), limit));
            report("CSV", n, limit, csv, () -> CsvStatusFile.read(() -> Files.newInputStream(csv), n),
                    () -> CsvStatusFile.read(() -> Files.newInputStream(csv), limit));
        }
        System.out.println("(the first two rows of each size warm the JVM up: compare the last two)");
    }

    @FunctionalInterface
    private interface Read {
        StatusFile read() throws IOException;
    }

    private static void report(String format, int n, int limit, Path file, Read whole, Read limited)
            throws IOException {
        long start = System.nanoTime();
        StatusFile read = whole.read();
        double seconds = (System.nanoTime() - start) / 1e9;
        long liveWhole = HeapSampler.liveAfterFullGcMegabytes();
        if (read.lines().size() != n) {
            throw new IllegalStateException(format + ": " + read.lines().size() + " lines read, " + n + " written");
        }
        read = null; // let the whole read go before measuring the limited one
        StatusFile refused = limited.read();
        long liveLimited = HeapSampler.liveAfterFullGcMegabytes();
        if (!refused.rejected() || !refused.lines().isEmpty()) {
            throw new IllegalStateException(format + ": a file of " + n + " lines was not refused whole with a limit"
                    + " of " + limit);
        }
        System.out.printf("%-9s %9d %8.1f %8.2f %11.0f %16d %16d %6d%n", format, n, Files.size(file) / 1e6, seconds,
                n / seconds, liveWhole, liveLimited, limit);
    }

    private static Path cppStatut(Path dir, int n) throws IOException {
        Path file = dir.resolve("statuts-" + n + ".xml");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CppStatutFiles.header("COL001", n));
            for (int i = 1; i <= n; i++) {
                out.write(CppStatutFiles.unit(i, Unit.of(BELLERIVE, "FA-" + i, "07", "2026-11-24T10:00:00+01:00", "COL001")));
            }
            out.write(CppStatutFiles.footer());
        }
        return file;
    }

    private static Path csv(Path dir, int n) throws IOException {
        Path file = dir.resolve("statuts-" + n + ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id_fournisseur;numero_facture;statut;date_heure\n");
            for (int i = 1; i <= n; i++) {
                out.write(CppStatutFiles.SAMPLE_SUPPLIER + ";FA-" + i + ";07;2026-11-24T10:00:00+01:00\n");
            }
        }
        return file;
    }
}
