package org.achemine.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forces a group of files written beforehand (a routing chunk's deliveries), or of folders renamed into, to
 * disk several at a time. One after the other, each fsync waits for a journal commit of its own (measured on
 * ext4: {@code ./bench.sh fsync}, docs/benchmarks.md); asked together from several threads, the file system
 * answers the waiting ones with shared commits. Returns once every sync has succeeded, or throws the first
 * failure once every sync has ended: the caller then treats the whole group as not durable.
 */
public final class GroupSync {

    /** The engine's group syncs: threads that mostly wait on the disk, so more of them than cores. */
    private static final GroupSync SHARED = new GroupSync(16);

    private final ExecutorService syncs;

    /** One sync: {@link AtomicFiles#syncFile} or {@link AtomicFiles#syncDirectory}. */
    @FunctionalInterface
    interface Sync {
        void sync(Path path) throws IOException;
    }

    public GroupSync(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.syncs = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "group-sync-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** {@link AtomicFiles#syncFile} for every file, concurrently. */
    public static void syncFiles(Collection<Path> files) throws IOException {
        SHARED.files(files);
    }

    /** {@link AtomicFiles#syncDirectory} for every folder, concurrently. */
    public static void syncDirectories(Collection<Path> directories) throws IOException {
        SHARED.directories(directories);
    }

    /** @see #syncFiles */
    public void files(Collection<Path> files) throws IOException {
        sync(files, AtomicFiles::syncFile);
    }

    /** @see #syncDirectories */
    public void directories(Collection<Path> directories) throws IOException {
        sync(directories, AtomicFiles::syncDirectory);
    }

    private void sync(Collection<Path> paths, Sync each) throws IOException {
        if (paths.size() <= 1) {
            for (Path path : paths) {
                each.sync(path);
            }
            return;
        }
        List<Future<?>> pending = new ArrayList<>(paths.size());
        for (Path path : paths) {
            pending.add(syncs.submit(() -> {
                try {
                    each.sync(path);
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            }));
        }
        IOException first = null;
        boolean interrupted = false;
        for (Future<?> sync : pending) {
            while (true) {
                try {
                    sync.get();
                    break;
                } catch (InterruptedException e) {
                    // every sync still ends before we answer: the caller must not go on while one is under way
                    interrupted = true;
                } catch (ExecutionException e) {
                    first = first != null ? first : asIoException(e.getCause());
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (first != null) {
            throw first;
        }
    }

    /** Stops the threads (for benchmarks that make their own). */
    public void shutdown() {
        syncs.shutdownNow();
    }

    private static IOException asIoException(Throwable cause) {
        if (cause instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        return cause instanceof IOException io ? io : new IOException("group sync failed: " + cause, cause);
    }
}
