package org.achemine.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directory inbox: operators drop a structures file ({@code *structures*.csv}) and a services file
 * ({@code *services*.csv}). Once both are present and unchanged for a while, they are moved together into
 * a batch folder under {@code work/} (so they are taken once) and handed to the import; afterwards the
 * folder goes to {@code done/} or {@code failed/}, with the import report inside.
 */
public class DirectoryDrops {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path inbox;
    private final Duration stableFor;
    private final Clock clock;

    public DirectoryDrops(Path inbox, Duration stableFor, Clock clock) {
        this.inbox = inbox;
        this.stableFor = stableFor;
        this.clock = clock;
    }

    /** A complete, stable pair moved to its own work folder; null when there is none yet. */
    public DirectoryDrop next() {
        try {
            Files.createDirectories(inbox);
            Optional<Path> structures = newestStable("structures");
            Optional<Path> services = newestStable("services");
            if (structures.isEmpty() || services.isEmpty()) {
                return null;
            }
            Path work = Files.createDirectories(inbox.resolveSibling("work").resolve(STAMP.format(clock.instant())));
            Path s = Files.move(structures.get(), work.resolve(structures.get().getFileName()), StandardCopyOption.ATOMIC_MOVE);
            Path v = Files.move(services.get(), work.resolve(services.get().getFileName()), StandardCopyOption.ATOMIC_MOVE);
            return new DirectoryDrop(work, s, v);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot take the directory files from " + inbox, e);
        }
    }

    /** Files the batch folder under done/ or failed/. */
    public Path finish(DirectoryDrop drop, boolean activated) throws IOException {
        Path target = Files.createDirectories(inbox.resolveSibling(activated ? "done" : "failed"))
                .resolve(drop.folder().getFileName());
        return Files.move(drop.folder(), target, StandardCopyOption.ATOMIC_MOVE);
    }

    private Optional<Path> newestStable(String kind) throws IOException {
        FileTime settledBefore = FileTime.from(clock.instant().minus(stableFor));
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                        return name.endsWith(".csv") && name.contains(kind) && !name.startsWith(".");
                    })
                    .filter(f -> lastModified(f).compareTo(settledBefore) < 0)
                    .max(Comparator.comparing(DirectoryDrops::lastModified));
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(Long.MAX_VALUE); // vanished or unreadable: never "stable"
        }
    }

    /** A pair of files taken together for one import. */
    public record DirectoryDrop(Path folder, Path structures, Path services) {
    }
}
