package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.achemine.testing.MigratedDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * H2 hands flow numbers out of a cache of 10,000 (V255: persisting the sequence every 32 numbers cost a burst a
 * whole store per ~32 flows taken). Flow ids must still increase in the order the numbers are drawn, across more
 * than a cache's worth, and a crash must never hand a number out twice: it may only skip the ones cached (ADR
 * 0001, « Flow ids »). Real H2 file, the engine's migrations and its URL's settings; the crash is H2's
 * {@code SHUTDOWN IMMEDIATELY} (files closed without writing what is cached).
 */
class FlowNumbersTest {

    @TempDir
    Path dataDir;

    @Test
    void theFlowSequenceCachesTenThousandNumbersOnH2() {
        JdbcTemplate jdbc = new JdbcTemplate(MigratedDatabase.in(dataDir));

        assertThat(jdbc.queryForObject("SELECT CACHE FROM INFORMATION_SCHEMA.SEQUENCES"
                + " WHERE SEQUENCE_NAME = 'FLOW_SEQUENCE'", Long.class)).isEqualTo(10_000L);
    }

    @Test
    void numbersIncreaseAcrossTheCacheAndACrashOnlySkipsSome() {
        MigratedDatabase.in(dataDir);
        JdbcTemplate jdbc = new JdbcTemplate(engineDataSource());
        FlowRegistry registry = registry(jdbc);

        // given 10,500 numbers drawn as take groups do (one statement per group), more than a cache holds,
        // and one drawn alone (a lone take)
        List<Long> before = new ArrayList<>();
        for (int group = 0; group < 21; group++) {
            Arrays.stream(registry.nextSequences(500)).forEach(before::add);
        }
        before.add(registry.nextSequence());
        assertThat(before).hasSize(10_501).isSorted().doesNotHaveDuplicates();

        // when the database stops without a clean close, then takes draw numbers again
        jdbc.execute("SHUTDOWN IMMEDIATELY");
        FlowRegistry reopened = registry(new JdbcTemplate(engineDataSource()));
        long[] after = reopened.nextSequences(30);

        // then every new number comes after those handed out, at most a cache's worth later: a gap, never a reuse
        long last = before.get(before.size() - 1);
        assertThat(after).hasSize(30).isSorted().doesNotHaveDuplicates();
        assertThat(after[0]).isGreaterThan(last).isLessThanOrEqualTo(last + 1 + 10_000);
    }

    private static FlowRegistry registry(JdbcTemplate jdbc) {
        return new FlowRegistry(jdbc, new TransactionTemplate(
                new DataSourceTransactionManager(jdbc.getDataSource())));
    }

    /** The engine's own H2 URL (application.yml): each commit written at once. */
    private JdbcDataSource engineDataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dataDir.resolve("db/achemine") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        return dataSource;
    }
}
