package org.achemine.lifecycle.updates;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * A reader that tells the line a character position lies on, in one pass: it remembers the line breaks it
 * has read but that no record has passed yet (at most the parser's read-ahead), so asking for increasing
 * positions costs time linear in the file and constant memory. Rescanning the text from its start for each
 * record made a million-line file quadratic (issue 11).
 */
final class LineTrackingReader extends FilterReader {

    /** Positions of the {@code \n} and {@code \r} read and not yet passed; a line feed is stored as -position - 1. */
    private final ArrayDeque<Long> breaks = new ArrayDeque<>();
    private long position;
    private int line = 1;

    LineTrackingReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            note((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            note(buffer[offset + i]);
        }
        return n;
    }

    private void note(char c) {
        if (c == '\n') {
            breaks.add(-position - 1);
        } else if (c == '\r') {
            breaks.add(position);
        }
        position++;
    }

    /**
     * The line a record starting at {@code characterPosition} begins on. Its position counts the blank lines
     * skipped before it, so the breaks right at that position are stepped over. Positions must not decrease.
     */
    int lineOf(long characterPosition) {
        long start = characterPosition;
        while (!breaks.isEmpty() && at(breaks.peek()) <= start) {
            long next = breaks.poll();
            if (next < 0) {
                line++;
            }
            if (at(next) == start) {
                start++;
            }
        }
        return line;
    }

    private static long at(long entry) {
        return entry < 0 ? -entry - 1 : entry;
    }
}
