package org.achemine.bench;

import static org.achemine.bench.RoutingBench.intOption;
import static org.achemine.bench.RoutingBench.stringOption;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.achemine.archive.AtomicFiles;
import org.achemine.archive.GroupSync;

/**
 * How much making a routing chunk's deliveries durable costs on this machine's file system, done the ways the
 * routing job could do it (not a test): N files of S bytes written under temporary names in F folders (one per
 * recipient), forced to disk, renamed, then each folder synced once. Forced one after the other (does each fsync
 * wait for a journal commit of its own, or does the first carry the others' data?), or several at a time from
 * threads ({@link GroupSync}: concurrent fsyncs can share a journal commit), against a baseline that forces
 * nothing. Prints milliseconds per chunk and per file, median of R rounds. Run with {@code ./bench.sh fsync
 * [--files 200] [--folders 200] [--bytes 6000] [--rounds 15] [--dir PATH]} (default: a folder under
 * {@code target/}, on the file system of the project's data folders).
 */
public final class FileSyncBench {

    public static void main(String[] args) throws Exception {
        int files = intOption(args, "--files", 200);
        int folders = intOption(args, "--folders", files);
        int bytes = intOption(args, "--bytes", 6_000);
        int rounds = intOption(args, "--rounds", 15);
        Path root = Files.createDirectories(Path.of(stringOption(args, "--dir", "target/fsync-bench")));
        Path work = Files.createTempDirectory(root, "round");
        System.out.printf("file sync benchmark: chunks of %d files of %,d bytes in %d folders, %d rounds, in %s%n",
                files, bytes, folders, rounds, work.toAbsolutePath());
        byte[] content = new byte[bytes];
        new Random(7).nextBytes(content);
        int[] threads = {2, 4, 8, 16, 32};
        List<GroupSync> groups = Arrays.stream(threads).mapToObj(GroupSync::new).toList();
        List<String> ways = new ArrayList<>(List.of("no sync", "one by one"));
        Arrays.stream(threads).forEach(n -> ways.add("together, " + n + " threads"));
        double[][] millis = new double[ways.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int way = 0; way < ways.size(); way++) {
                Path chunk = work.resolve("r" + round + "w" + way);
                List<Path> temporaries = new ArrayList<>(files);
                for (int f = 0; f < folders; f++) {
                    Files.createDirectories(chunk.resolve("recipient-" + f));
                }
                long start = System.nanoTime();
                for (int i = 0; i < files; i++) {
                    Path temporary = chunk.resolve("recipient-" + i % folders).resolve(".f" + i + ".xml.tmp");
                    Files.write(temporary, content);
                    temporaries.add(temporary);
                }
                if (way == 1) {
                    for (Path temporary : temporaries) {
                        AtomicFiles.syncFile(temporary);
                    }
                } else if (way > 1) {
                    groups.get(way - 2).files(temporaries);
                }
                Set<Path> renamedInto = new LinkedHashSet<>();
                for (int i = 0; i < files; i++) {
                    Path temporary = temporaries.get(i);
                    Files.move(temporary, temporary.resolveSibling("f" + i + ".xml"), StandardCopyOption.ATOMIC_MOVE);
                    renamedInto.add(temporary.getParent());
                }
                if (way == 1) {
                    for (Path folder : renamedInto) {
                        AtomicFiles.syncDirectory(folder);
                    }
                } else if (way > 1) {
                    groups.get(way - 2).directories(renamedInto);
                }
                millis[way][round] = (System.nanoTime() - start) / 1e6;
            }
        }
        for (int way = 0; way < ways.size(); way++) {
            double median = median(millis[way]);
            System.out.printf("%-22s %8.1f ms per chunk, %6.2f ms per file (median of %d; min %.1f, max %.1f)%n",
                    ways.get(way), median, median / files, rounds, Arrays.stream(millis[way]).min().orElse(0),
                    Arrays.stream(millis[way]).max().orElse(0));
        }
        groups.forEach(GroupSync::shutdown);
        try (var walk = Files.walk(work)) {
            walk.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
