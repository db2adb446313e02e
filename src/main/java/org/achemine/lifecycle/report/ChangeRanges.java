package org.achemine.lifecycle.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The change numbers a lifecycle report lists, kept as ranges of consecutive numbers: its rows are then marked
 * with one range statement each, through the index on {@code (lifecycle_report_id, change_no)}, instead of a
 * join per row to find the partner's rows again. Exact: change numbers are unique (a sequence), so a range of
 * consecutive numbers all listed holds no other row. Numbers are added in ascending order.
 */
final class ChangeRanges {

    private long[] bounds = new long[16]; // first, last, first, last, ...
    private int size;
    private int count;

    /** Adds the next number listed (greater than the last one). */
    void add(long changeNo) {
        if (size > 0 && changeNo <= bounds[size - 1]) {
            throw new IllegalArgumentException("change numbers out of order: " + changeNo + " after " + bounds[size - 1]);
        }
        count++;
        if (size > 0 && changeNo == bounds[size - 1] + 1) {
            bounds[size - 1] = changeNo;
            return;
        }
        if (size == bounds.length) {
            bounds = Arrays.copyOf(bounds, size * 2);
        }
        bounds[size++] = changeNo;
        bounds[size++] = changeNo;
    }

    /** How many numbers were added. */
    int count() {
        return count;
    }

    /** Each range's first and last number, with {@code before} put ahead of them (statement arguments). */
    List<Object[]> arguments(Object before) {
        List<Object[]> arguments = new ArrayList<>(size / 2);
        for (int i = 0; i < size; i += 2) {
            arguments.add(new Object[] {before, bounds[i], bounds[i + 1]});
        }
        return arguments;
    }
}
