package org.achemine.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Another process holding a file's lock, as a running engine holds its H2 database file: started with
 * {@link #start}, it prints one line once it holds the lock and keeps it until its standard input closes.
 */
public final class FileLockHolder {

    public static final String HOLDING = "holding";

    private FileLockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            System.out.println(HOLDING);
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test closes our input
            }
        }
    }

    /** A separate JVM holding {@code file}'s lock; the caller waits for its {@link #HOLDING} line. */
    public static Process start(Path file) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-cp", System.getProperty("java.class.path"), FileLockHolder.class.getName(), file.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
