package org.achemine.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.achemine.testing.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows written by multi-row inserts land as given, in the order given: the history's change numbers (a sequence,
 * the column's default) follow the list, across slices too. On the engine's migrated H2 file; PostgreSQL in
 * {@link RowInsertsPostgresTest}.
 */
class RowInsertsTest {

    private static final OffsetDateTime AT = Instant.parse("2026-11-02T09:00:00.123Z").atOffset(ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    protected DataSource database(Path dataDir) {
        return MigratedDatabase.in(dataDir);
    }

    @Test
    void rowsBeyondOneStatementLandAsGivenAndNumberedInTheirOrder() {
        // given 2,500 history rows of 9 values (three statements), with nulls, times and long text
        JdbcTemplate jdbc = new JdbcTemplate(database(dataDir));
        List<Object[]> rows = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < 2_500; n++) {
            // written every invoice's first change, then every second one, as routing writes a chunk's history
            String invoice = String.format("INV-%04d", n % 1_250);
            int seq = n / 1_250 + 1;
            String reason = n % 3 == 0 ? null : "R" + n;
            rows.add(new Object[] {invoice, seq, "0" + seq, "20" + seq, "PLATFORM", reason, "message " + n,
                AT.plusSeconds(n), n % 2 == 0 ? null : AT});
            expected.add(invoice + " " + seq + " " + (reason == null ? "-" : reason) + " message " + n + " "
                    + AT.plusSeconds(n).toInstant() + " " + (n % 2 == 0 ? "-" : AT.toInstant()));
        }

        // when they are inserted
        int inserted = RowInserts.insert(jdbc, "INSERT INTO invoice_status_history (invoice_id, seq, status,"
                + " reform_code, actor, reason_code, message, changed_at, declared_at)", "(?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);

        // then every row is there as given, and the change numbers follow the list's order
        assertThat(inserted).isEqualTo(2_500);
        assertThat(jdbc.query("SELECT invoice_id, seq, reason_code, message, changed_at, declared_at"
                + " FROM invoice_status_history ORDER BY change_no", (rs, i) -> rs.getString(1) + " " + rs.getInt(2) + " "
                + (rs.getString(3) == null ? "-" : rs.getString(3)) + " " + rs.getString(4) + " "
                + rs.getObject(5, OffsetDateTime.class).toInstant() + " "
                + (rs.getObject(6, OffsetDateTime.class) == null ? "-" : rs.getObject(6, OffsetDateTime.class).toInstant())))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRefusedBeforeAnythingIsSent() {
        JdbcTemplate jdbc = new JdbcTemplate(database(dataDir));

        assertThatThrownBy(() -> RowInserts.insert(jdbc, "INSERT INTO invoice_status_history (invoice_id, seq)",
                "(?, ?)", List.<Object[]>of(new Object[] {"INV-1"}))).isInstanceOf(IllegalArgumentException.class);
        assertThat(RowInserts.insert(jdbc, "INSERT INTO invoice_status_history (invoice_id, seq)", "(?, ?)", List.of()))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice_status_history", Integer.class)).isZero();
    }
}
