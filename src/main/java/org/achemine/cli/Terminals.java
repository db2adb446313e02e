package org.achemine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream goes to a terminal, for colour and progress bars. The JDK only tells about
 * stdin+stdout together ({@link System#console()}); on Linux the file descriptor's link says it for each.
 */
final class Terminals {

    private Terminals() {
    }

    static boolean stdoutIsTerminal() {
        return System.getenv("NO_COLOR") == null && isTerminal(1);
    }

    static boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    private static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException unknown) {
            return fd == 1 && System.console() != null;
        }
    }
}
