package org.achemine.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory inbox: operators drop the two files of an export, a structures file and a services file named
 * alike ({@link DirectoryDropNames}). Once settled, only the newest complete drop is taken: its two files move
 * together into a batch folder under {@code work/} (so they are taken once) and go to the import; older drops
 * move to {@code superseded/}, named in the import report, so a later poll never imports an older export. A
 * file whose other half has not come within {@code unpairedWait} is refused into {@code failed/} with its
 * report. After the import the batch folder goes to {@code done/} or {@code failed/}. An inbox the engine may
 * not list is said in one WARN line until it can be listed again, not thrown at every poll (issue 11).
 */
public class DirectoryDrops {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryDrops.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    // Newest last: by the date in the drop's name, else by when its files were last written; then by name.
    private static final Comparator<Drop> ORDER = Comparator.comparing(Drop::time).thenComparing(Drop::name);

    private final Path inbox;
    private final Duration stableFor;
    private final Duration unpairedWait;
    private final Clock clock;
    private final Supplier<Optional<String>> dropInService;
    /** Whether the inbox was last found closed to us (said once, until it opens again). Polled by one thread. */
    private volatile boolean closed;

    /**
     * @param dropInService the drop name ({@link DirectoryDropNames#dropOf}) of the directory in service, if
     *                      any: a drop dated before it is never imported
     */
    public DirectoryDrops(Path inbox, Duration stableFor, Duration unpairedWait, Clock clock,
                          Supplier<Optional<String>> dropInService) {
        this.inbox = inbox;
        this.stableFor = stableFor;
        this.unpairedWait = unpairedWait;
        this.clock = clock;
        this.dropInService = dropInService;
    }

    /**
     * The inbox of these settings, the directory in service read from its generations. Judged on the machine's
     * clock, never the platform's: a drop has settled when its files' modification times, which the machine's clock
     * writes, are old enough (the inbox watcher and the nightly run alike, whatever {@code achemine.clock.offset}).
     */
    public static DirectoryDrops of(DirectoryProperties properties, DirectoryGenerations generations) {
        return new DirectoryDrops(properties.inbox(), Duration.ofSeconds(2), properties.unpairedWait(), Clock.systemUTC(),
                () -> generations.currentStructuresFile().map(file -> DirectoryDropNames.dropOf(Path.of(file))));
    }

    /** The newest complete, settled drop moved to its own work folder; null when there is none to import. */
    public DirectoryDrop next() {
        try {
            Files.createDirectories(inbox);
            List<Drop> drops;
            try {
                drops = settledDrops();
            } catch (AccessDeniedException denied) {
                if (!closed) {
                    LOG.warn("Directory inbox {} cannot be listed by the engine ({}): nothing dropped there is imported"
                            + " until its permissions let the engine list it", inbox, denied.getClass().getSimpleName());
                }
                closed = true;
                return null;
            }
            if (closed) {
                closed = false;
                LOG.info("Directory inbox {} can be listed again", inbox);
            }
            Optional<Drop> newest = drops.stream().filter(Drop::complete).max(ORDER)
                    .filter(drop -> !behindTheDirectoryInService(drop));
            String stamp = STAMP.format(clock.instant());
            refuseLongUnpaired(drops, newest, stamp);
            if (newest.isEmpty()) {
                setAsideBehindTheDirectoryInService(drops, stamp);
                return null;
            }
            List<Path> setAside = setAside(olderThan(drops, newest.get()), stamp);
            Path work = Files.createDirectories(inbox.resolveSibling("work").resolve(stamp));
            Path structures = move(newest.get().structures(), work);
            Path services = move(newest.get().services(), work);
            if (!setAside.isEmpty()) {
                DirectoryImportReport.recordSuperseded(structures, newest.get().name(), setAside);
            }
            return new DirectoryDrop(work, structures, services);
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

    /** Settled structures and services files, grouped by drop, oldest drop first. */
    private List<Drop> settledDrops() throws IOException {
        FileTime settledBefore = FileTime.from(clock.instant().minus(stableFor));
        Map<String, Drop> drops = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(inbox)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Optional<String> kind = DirectoryDropNames.kindOf(file);
                if (kind.isPresent() && lastModified(file).compareTo(settledBefore) < 0) {
                    drops.merge(DirectoryDropNames.dropOf(file), Drop.of(file, kind.get()), Drop::with);
                }
            }
        }
        return drops.values().stream().sorted(ORDER).toList();
    }

    private static List<Drop> olderThan(List<Drop> drops, Drop newest) {
        return drops.stream().filter(drop -> drop != newest && ORDER.compare(drop, newest) < 0).toList();
    }

    private boolean behindTheDirectoryInService(Drop drop) {
        Optional<Instant> inService = dropInService.get().flatMap(DirectoryDropNames::stampOf);
        Optional<Instant> dated = DirectoryDropNames.stampOf(drop.name());
        return inService.isPresent() && dated.isPresent() && dated.get().isBefore(inService.get());
    }

    /** No drop to import: complete drops dated before the directory in service are set aside all the same. */
    private void setAsideBehindTheDirectoryInService(List<Drop> drops, String stamp) throws IOException {
        for (Drop drop : drops.stream().filter(Drop::complete).filter(this::behindTheDirectoryInService).toList()) {
            List<Path> moved = setAside(List.of(drop), stamp);
            DirectoryImportReport.recordSuperseded(moved.get(0), dropInService.get().orElseThrow(), moved);
        }
    }

    private List<Path> setAside(List<Drop> older, String stamp) throws IOException {
        List<Path> moved = new ArrayList<>();
        if (older.isEmpty()) {
            return moved;
        }
        Path superseded = Files.createDirectories(inbox.resolveSibling("superseded").resolve(stamp));
        for (Drop drop : older) {
            for (Path file : drop.files()) {
                moved.add(move(file, superseded));
            }
            LOG.info("Directory drop {} set aside in {}: a newer drop is there", drop.name(), superseded);
        }
        return moved;
    }

    /** A newer half-drop waits for its other file; once it has waited unpairedWait it is refused. */
    private void refuseLongUnpaired(List<Drop> drops, Optional<Drop> newest, String stamp) throws IOException {
        FileTime waitedSince = FileTime.from(clock.instant().minus(unpairedWait));
        for (Drop drop : drops) {
            boolean waiting = newest.isEmpty() || ORDER.compare(drop, newest.get()) > 0;
            Path file = drop.structures() != null ? drop.structures() : drop.services();
            if (!drop.complete() && waiting && lastModified(file).compareTo(waitedSince) < 0) {
                Path failed = Files.createDirectories(inbox.resolveSibling("failed").resolve(stamp + "-unpaired"));
                Path refused = move(file, failed);
                DirectoryImportReport.refuse(refused, "le fichier " + refused.getFileName() + " est arrivé seul ; "
                        + "son pendant " + DirectoryDropNames.partnerName(refused) + " n'a pas été déposé dans les "
                        + unpairedWait.toMinutes() + " minutes qui ont suivi");
                LOG.warn("Directory file {} refused into {}: its other half never came", refused.getFileName(), failed);
            }
        }
    }

    private static Path move(Path file, Path folder) throws IOException {
        return Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(Long.MAX_VALUE); // vanished or unreadable: never "stable"
        }
    }

    /** The files of one drop found so far (either may be missing). */
    private record Drop(String name, Path structures, Path services, Instant written) {

        static Drop of(Path file, String kind) {
            boolean structures = kind.equals(DirectoryDropNames.STRUCTURES);
            return new Drop(DirectoryDropNames.dropOf(file), structures ? file : null, structures ? null : file,
                    lastModified(file).toInstant());
        }

        Drop with(Drop other) {
            return new Drop(name, structures != null ? structures : other.structures,
                    services != null ? services : other.services,
                    written.isAfter(other.written) ? written : other.written);
        }

        boolean complete() {
            return structures != null && services != null;
        }

        Instant time() {
            return DirectoryDropNames.stampOf(name).orElse(written);
        }

        List<Path> files() {
            return Stream.of(structures, services).filter(java.util.Objects::nonNull).toList();
        }
    }

    /** A pair of files taken together for one import. */
    public record DirectoryDrop(Path folder, Path structures, Path services) {
    }
}
