package org.achemine.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.achemine.AchemineApplication;

/**
 * Runs achemine's command line in a JVM of its own, as an operator would, so a test can kill it with
 * SIGKILL at any moment. Its output goes to a log file beside the data folder. Its management port (if the
 * command is {@code run}) is any free one, so engines of parallel tests never clash.
 */
public final class EngineProcess {

    private EngineProcess() {
    }

    public static Process start(Path log, String... args) throws IOException {
        return start(List.of(), log, args);
    }

    /** @param launcher what runs the JVM, e.g. setpriv with its options and {@code --} (empty: nothing) */
    public static Process start(List<String> launcher, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(launcher);
        // the quick JIT tier starts an engine sooner, as in the soak (what a test checks is not the JIT's)
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dserver.port=0", "-cp", System.getProperty("java.class.path"), AchemineApplication.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
