package org.achemine.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner that downloads AND deletes each file from every {@code out/} the moment it appears, as an SFTP or
 * AS2 client does: it scans {@code mailboxes/* /out/} without pause, takes every visible file (hidden names are
 * our temporary files, which partners never see) and counts how many times each name came. A name taken twice
 * is a publication made twice.
 */
final class GreedyPartner implements AutoCloseable {

    private final Path mailboxes;
    private final Map<String, AtomicInteger> taken = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    GreedyPartner(Path dataDir) {
        this.mailboxes = dataDir.resolve("mailboxes");
        this.thread = new Thread(this::takeUntilClosed, "greedy-partner");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void takeUntilClosed() {
        while (running) {
            int took = takeAll();
            if (took == 0) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** One pass over every out/; returns how many files it took. */
    synchronized int takeAll() {
        int took = 0;
        for (Path out : outboxes()) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(out)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (name.startsWith(".") || !Files.isRegularFile(file)) {
                        continue;
                    }
                    try {
                        Files.readAllBytes(file);
                        Files.delete(file);
                    } catch (NoSuchFileException gone) {
                        continue;
                    }
                    taken.computeIfAbsent(out.getParent().getFileName() + "/" + name, n -> new AtomicInteger())
                            .incrementAndGet();
                    took++;
                }
            } catch (NoSuchFileException notYet) {
                // the engine creates a recipient's out/ with its first delivery
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return took;
    }

    private List<Path> outboxes() {
        List<Path> outboxes = new ArrayList<>();
        if (Files.isDirectory(mailboxes)) {
            try (DirectoryStream<Path> all = Files.newDirectoryStream(mailboxes, Files::isDirectory)) {
                all.forEach(mailbox -> outboxes.add(mailbox.resolve("out")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return outboxes;
    }

    /** Files taken so far whose name ends with {@code suffix}. */
    int taken(String suffix) {
        return (int) taken.keySet().stream().filter(name -> name.endsWith(suffix)).count();
    }

    int takenInAll() {
        return taken.size();
    }

    /** Names taken more than once: each is a file published twice. */
    List<String> takenTwice() {
        return taken.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey).sorted().toList();
    }

    /** Stops, after a last pass. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        takeAll();
    }
}
