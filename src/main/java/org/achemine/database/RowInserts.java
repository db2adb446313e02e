package org.achemine.database;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many rows written by one {@code INSERT ... VALUES (...), (...), ...}: a routing chunk's rows in a few statements.
 * A JDBC batch runs each of its rows as a statement of its own on H2 (parameters bound, statement begun, savepoint,
 * ended, row by row); one statement of many rows does that once. The rows go in the order given, so a default drawn
 * from a sequence numbers them in that order on H2 and PostgreSQL alike; they go in slices so that no statement
 * carries more than {@link #MAX_PARAMETERS} parameters (PostgreSQL's protocol allows 65,535).
 */
public final class RowInserts {

    /** The most parameters one statement carries. */
    public static final int MAX_PARAMETERS = 10_000;

    private RowInserts() {
    }

    /**
     * @param into the statement's head, {@code INSERT INTO t (a, b, c)}
     * @param row  one row's values, {@code (?, ?, ?)}, each {@code ?} bound from the row's array in order
     * @param rows the rows, each as many values as {@code row} has parameters
     * @return the rows inserted
     */
    public static int insert(JdbcTemplate jdbc, String into, String row, List<Object[]> rows) {
        int perRow = (int) row.chars().filter(c -> c == '?').count();
        int slice = Math.max(1, MAX_PARAMETERS / Math.max(1, perRow));
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += slice) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + slice));
            List<Object> values = new ArrayList<>(part.size() * perRow);
            for (Object[] each : part) {
                if (each.length != perRow) {
                    throw new IllegalArgumentException(each.length + " values for a row of " + perRow + " parameters");
                }
                Collections.addAll(values, each);
            }
            inserted += jdbc.update(into + " VALUES " + String.join(", ", Collections.nCopies(part.size(), row)),
                    values.toArray());
        }
        return inserted;
    }
}
