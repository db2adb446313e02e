package org.achemine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time of every thread of this JVM as the kernel counts it ({@code /proc/self/task/<tid>/stat}: user and
 * system ticks), JIT compiler, GC and other VM threads included, which JFR's execution samples do not see. Two
 * snapshots give where a burst's CPU went, by kind of thread, user and kernel apart: counts the machine's load
 * hardly changes. Linux only; elsewhere (no {@code /proc}) a snapshot is empty and the split prints nothing.
 */
final class ThreadCpu {

    /** Clock ticks per second of {@code /proc}'s counters (USER_HZ: 100 on every Linux build in use). */
    private static final double TICKS_PER_SECOND = 100.0;

    private record Times(String name, long user, long system) {
    }

    private final Map<String, Times> byThread; // tid -> name and ticks
    private final Map<Long, Times> byJavaThread; // Java thread id -> full name and CPU nanoseconds (user, all)

    private ThreadCpu(Map<String, Times> byThread) {
        this.byThread = byThread;
        this.byJavaThread = new HashMap<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long all = threads.getThreadCpuTime(info.getThreadId());
                long user = threads.getThreadUserTime(info.getThreadId());
                if (all >= 0) {
                    byJavaThread.put(info.getThreadId(), new Times(info.getThreadName(), user, all));
                }
            }
        }
    }

    static ThreadCpu now() {
        Map<String, Times> threads = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return new ThreadCpu(threads);
        }
        try (DirectoryStream<Path> each = Files.newDirectoryStream(tasks)) {
            for (Path task : each) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    // "tid (name) state ppid ...": the name may hold spaces and parentheses, so cut at the last ')'
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    // fields from the state on: utime is stat's 14th field, stime its 15th (11th and 12th here)
                    threads.put(task.getFileName().toString(), new Times(stat.substring(open + 1, close),
                            Long.parseLong(fields[11]), Long.parseLong(fields[12])));
                } catch (IOException ended) {
                    // the thread ended between the listing and the read: its time is no longer counted anywhere
                }
            }
        } catch (IOException e) {
            return new ThreadCpu(threads);
        }
        return new ThreadCpu(threads);
    }

    /**
     * Prints the CPU used since {@code before}, per kind of thread (names without their numbers), user and kernel,
     * in seconds per 1,000 flows, the most first. Threads that ended meanwhile are missing (their time is lost to
     * /proc), so the total is compared with the process's own CPU time by the caller.
     */
    void printSince(ThreadCpu before, int flows) {
        if (byThread.isEmpty()) {
            return;
        }
        Map<String, long[]> byKind = new TreeMap<>();
        for (Map.Entry<String, Times> thread : byThread.entrySet()) {
            Times now = thread.getValue();
            Times then = before.byThread.getOrDefault(thread.getKey(), new Times(now.name(), 0, 0));
            long[] sum = byKind.computeIfAbsent(kind(now.name()), k -> new long[3]);
            sum[0] += now.user() - then.user();
            sum[1] += now.system() - then.system();
            sum[2]++;
        }
        List<Map.Entry<String, long[]>> kinds = new ArrayList<>(byKind.entrySet());
        kinds.sort((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]));
        long user = 0;
        long system = 0;
        System.out.printf("  CPU per kind of thread (/proc, s per 1,000 flows): %-28s %6s %6s %6s%n", "threads (count)",
                "user", "kernel", "all");
        for (Map.Entry<String, long[]> kind : kinds) {
            long[] sum = kind.getValue();
            user += sum[0];
            system += sum[1];
            if (sum[0] + sum[1] > 0) {
                System.out.printf("  %52s %-28s %6.2f %6.2f %6.2f%n", "", kind.getKey() + " (" + sum[2] + ")",
                        perThousand(sum[0], flows), perThousand(sum[1], flows), perThousand(sum[0] + sum[1], flows));
            }
        }
        System.out.printf("  %52s %-28s %6.2f %6.2f %6.2f%n", "", "all threads alive at the end",
                perThousand(user, flows), perThousand(system, flows), perThousand(user + system, flows));
    }

    /**
     * The Java threads' part of {@link #printSince}, by their full names (the kernel's keep 15 characters, so
     * Camel's pollers and intake workers look alike there), user and kernel, s per 1,000 flows.
     */
    void printJavaSince(ThreadCpu before, int flows) {
        Map<String, long[]> byKind = new TreeMap<>();
        for (Map.Entry<Long, Times> thread : byJavaThread.entrySet()) {
            Times now = thread.getValue();
            Times then = before.byJavaThread.getOrDefault(thread.getKey(), new Times(now.name(), 0, 0));
            long[] sum = byKind.computeIfAbsent(javaKind(now.name()), k -> new long[3]);
            sum[0] += now.user() - then.user();
            sum[1] += (now.system() - now.user()) - (then.system() - then.user());
            sum[2]++;
        }
        List<Map.Entry<String, long[]>> kinds = new ArrayList<>(byKind.entrySet());
        kinds.sort((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]));
        System.out.printf("  CPU per Java thread kind (JMX, s per 1,000 flows): %-48s %6s %6s %6s%n", "threads (count)",
                "user", "kernel", "all");
        for (Map.Entry<String, long[]> kind : kinds) {
            long[] sum = kind.getValue();
            if (sum[0] + sum[1] >= 5_000_000) {
                System.out.printf("  %52s %-48s %6.2f %6.2f %6.2f%n", "", kind.getKey() + " (" + sum[2] + ")",
                        sum[0] / 1e9 * 1000 / flows, sum[1] / 1e9 * 1000 / flows, (sum[0] + sum[1]) / 1e9 * 1000 / flows);
            }
        }
    }

    /** A Java thread's kind: its name without numbers, Camel's routes and endpoints kept ("thread #3 - file://in"). */
    private static String javaKind(String name) {
        String kind = name.replaceAll("[0-9]+", "");
        // Camel names a consumer's thread after its endpoint, with the mailbox's path in it: the kind is the scheme
        return kind.replaceAll("(file|seda|direct|timer)://[^?]*(\\?.*)?", "$1://…");
    }

    private static double perThousand(long ticks, int flows) {
        return ticks / TICKS_PER_SECOND * 1000 / flows;
    }

    /**
     * A thread's kind: its name without the numbers that tell threads of a pool apart ("GC Thread#1" -> "GC Thread#",
     * "group-sync-12" -> "group-sync-"), keeping those that tell kinds apart ("C1 CompilerThread0", "C2 ...").
     */
    static String kind(String name) {
        return name.replaceAll("(?<=[#\\-]|thread |Thread)[0-9]+", "");
    }
}
