package org.achemine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Samples the heap every 100 ms while a benchmark runs: the heap in use, and the heap still in use after
 * the last garbage collection of each pool (the live set, what must stay flat as volume grows), each sample
 * tagged with the benchmark's progress (e.g. flows answered so far).
 */
final class HeapSampler implements AutoCloseable {

    record Sample(long progress, long usedBytes, long liveAfterGcBytes) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler(LongSupplier progress) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                .toList();
        thread = new Thread(() -> {
            while (running) {
                long live = heapPools.stream().mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
                Sample sample = new Sample(progress.getAsLong(), memory.getHeapMemoryUsage().getUsed(), live);
                synchronized (samples) {
                    samples.add(sample);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    long peakUsedMegabytes() {
        return samples().stream().mapToLong(Sample::usedBytes).max().orElse(0) >> 20;
    }

    /** Peak live heap after GC among the samples taken while progress was within [from, to) of total. */
    long peakLiveMegabytes(long total, double from, double to) {
        return samples().stream()
                .filter(s -> s.progress() >= from * total && (s.progress() < to * total || to >= 1.0))
                .mapToLong(Sample::liveAfterGcBytes).max().orElse(0) >> 20;
    }

    /**
     * The live set now: a full collection (System.gc(), a stop-the-world full GC with G1's defaults), then the
     * heap in use. The after-GC figures of the pools above come from young and mixed collections, which leave
     * garbage in the old regions: they grow with the run even when nothing leaks. A few of these per run cost
     * a few hundred milliseconds in all.
     */
    static long liveAfterFullGcMegabytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
