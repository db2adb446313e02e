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
 * failure once every sync has ended: the caller then treats the whole group as not durable. The same threads
 * also write a group's files while their caller goes on ({@link #begin}): writes and syncs wait on the disk, not
 * on a core.
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

    /** What is done to one file of a group, on the group's threads ({@link Under#add}). */
    @FunctionalInterface
    public interface FileWork {
        void on(Path path) throws IOException;
    }

    /**
     * A group of file works begun on the engine's group threads, not awaited: the caller adds one per file as it has
     * its bytes (a file written, then forced to disk), goes on with what does not need them done (the next
     * file's content, rows of its own not yet committed), then {@link Under#await}s before anything that does.
     */
    public static Under begin() {
        return new Under(SHARED.syncs);
    }

    /** File works under way ({@link #begin}). */
    public static final class Under {

        private final ExecutorService threads;
        private final List<Future<?>> pending = new ArrayList<>();

        private Under(ExecutorService threads) {
            this.threads = threads;
        }

        /** Begins the work on this file, on one of the group's threads. */
        public void add(Path path, FileWork work) {
            pending.add(threads.submit(() -> {
                try {
                    work.on(path);
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            }));
        }

        /**
         * Returns once every work has succeeded, or throws the first failure once every work has ended (an
         * interrupt is kept for the caller, never cuts the wait short).
         */
        public void await() throws IOException {
            IOException first = null;
            boolean interrupted = false;
            for (Future<?> work : pending) {
                while (true) {
                    try {
                        work.get();
                        break;
                    } catch (InterruptedException e) {
                        // every work still ends before we answer: the caller must not go on while one is under way
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
    }

    private void sync(Collection<Path> paths, Sync each) throws IOException {
        if (paths.size() <= 1) {
            for (Path path : paths) {
                each.sync(path);
            }
            return;
        }
        Under under = new Under(syncs);
        paths.forEach(path -> under.add(path, each::sync));
        under.await();
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
