package org.achemine.database;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Many keys looked up in one statement ({@code WHERE (a, b) IN ((?, ?), (?, ?), ...)}): a routing chunk's rows read
 * at once instead of one query each. A row-value IN list on a primary key or index is an index look-up per key on
 * both H2 and PostgreSQL (docs/benchmarks.md); the keys go in slices so that no statement grows without bound.
 */
public final class KeyLists {

    /** The most keys one statement asks for. */
    public static final int SLICE = 500;

    private KeyLists() {
    }

    /** {@code (?, ?), (?, ?)}: {@code rows} keys of {@code columns} values each (a single column without brackets). */
    public static String placeholders(int rows, int columns) {
        String one = columns == 1 ? "?" : "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, one));
    }

    /** The distinct keys, in slices of at most {@link #SLICE}, in order. */
    public static <K> void inSlices(Collection<K> keys, Consumer<List<K>> each) {
        List<K> distinct = keys.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += SLICE) {
            each.accept(distinct.subList(from, Math.min(distinct.size(), from + SLICE)));
        }
    }
}
