package org.achemine.cli;

import java.io.PrintStream;

/** A one-line progress bar redrawn in place on stderr (only when stderr is a terminal), at most ten times a second. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final int total;
    private final boolean enabled;
    private long lastDrawn;

    ProgressBar(PrintStream err, int total, boolean enabled) {
        this.err = err;
        this.total = total;
        this.enabled = enabled && total > 1;
    }

    void update(int done) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDrawn < 100_000_000L) {
            return;
        }
        lastDrawn = now;
        int filled = (int) ((long) WIDTH * done / total);
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " fichiers");
        err.flush();
    }

    void finish() {
        if (enabled) {
            err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            err.flush();
        }
    }
}
