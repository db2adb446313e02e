package org.achemine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A benchmark's work folder in the machine's temporary directory, deleted when the benchmark has run and printed,
 * unless it was given {@code --keep}: a burst or routing run leaves gigabytes there, and the runs of a session once
 * filled the disk. A run that fails keeps its folder (its engine log and data are what one looks into then) and
 * says where. The line that names the folder says what becomes of it ({@link #toString}).
 */
final class BenchFolder {

    /** What a benchmark does in its folder. */
    @FunctionalInterface
    interface Work<T> {
        T in(BenchFolder folder) throws Exception;
    }

    private final Path path;
    private final boolean keep;

    private BenchFolder(Path path, boolean keep) {
        this.path = path;
        this.keep = keep;
    }

    /** Runs the work in a new folder named {@code prefix...}, then deletes it unless the arguments hold {@code --keep}. */
    static <T> T run(String prefix, String[] args, Work<T> work) throws Exception {
        BenchFolder folder = new BenchFolder(Files.createTempDirectory(prefix), List.of(args).contains("--keep"));
        T result;
        try {
            result = work.in(folder);
        } catch (Exception | Error failed) {
            System.out.println("data kept in " + folder.path + " (the benchmark failed)");
            throw failed;
        }
        folder.end();
        return result;
    }

    Path path() {
        return path;
    }

    Path resolve(String other) {
        return path.resolve(other);
    }

    /** What becomes of the folder, for the lines that name it. */
    String fate() {
        return keep ? "kept: --keep" : "deleted when the benchmark ends; --keep keeps it";
    }

    @Override
    public String toString() {
        return path + " (" + fate() + ")";
    }

    private void end() throws IOException {
        if (keep) {
            System.out.println("data kept in " + path);
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
