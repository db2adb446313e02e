package org.achemine.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.util.unit.DataSize;

/**
 * Free space on the data folder's disk (archive, reports, database share it) against a minimum: taking a
 * file needs room for its archived copy, its report and its database rows, so intake pauses before the disk
 * is full rather than failing half-way through each flow.
 */
public class DiskSpaceCondition implements IntakeCondition {

    private final Path folder;
    private volatile long minimumBytes;

    public DiskSpaceCondition(Path folder, DataSize minimum) {
        this.folder = folder;
        this.minimumBytes = minimum.toBytes();
    }

    @Override
    public String name() {
        return "diskSpace";
    }

    @Override
    public Optional<String> problem() {
        try {
            long free = freeBytes();
            return free >= minimumBytes ? Optional.empty()
                    : Optional.of("only " + megabytes(free) + " free on the disk of " + folder + ", below the minimum of "
                    + megabytes(minimumBytes) + " (achemine.intake.min-free-space)");
        } catch (IOException e) {
            return Optional.of("cannot read the free space of " + folder + ": " + e);
        }
    }

    /** Usable bytes left on the folder's file store, as the JVM can use them. */
    public long freeBytes() throws IOException {
        return Files.getFileStore(folder).getUsableSpace();
    }

    public long minimumBytes() {
        return minimumBytes;
    }

    /** Changes the minimum at run time (operators through a restart; tests to fill a disk without filling it). */
    public void minimum(DataSize minimum) {
        this.minimumBytes = minimum.toBytes();
    }

    public Path folder() {
        return folder;
    }

    private static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }
}
