package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/** The gate against a real disk and a real H2 database: pause and resume, logged once each. */
class IntakeGateTest {

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger gateLogger = (Logger) LoggerFactory.getLogger(IntakeGate.class);

    @BeforeEach
    void captureLog() {
        log.start();
        gateLogger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        gateLogger.detachAppender(log);
    }

    @Test
    void pausesWhileTheDiskHasLessThanTheMinimumAndSaysSoOnce() throws Exception {
        // given a gate on a real disk and a real database
        DiskSpaceCondition disk = new DiskSpaceCondition(dataDir, DataSize.ofMegabytes(1));
        IntakeGate gate = new IntakeGate(List.of(disk, new DatabaseCondition(database(), Duration.ofSeconds(1))), "/srv/achemine",
                Clock.systemUTC());
        assertThat(gate.check()).isFalse();
        assertThat(gate.isOpen()).isTrue();

        // when the minimum is above the free space, for several checks
        disk.minimum(DataSize.ofBytes(disk.freeBytes() + DataSize.ofGigabytes(1).toBytes()));
        gate.check();
        gate.check();
        gate.check();

        // then intake is paused, with the reason, and one ERROR was logged
        assertThat(gate.isOpen()).isFalse();
        assertThat(gate.problems()).containsOnlyKeys("diskSpace");
        assertThat(gate.problems().get("diskSpace")).contains("achemine.intake.min-free-space");
        assertThat(messages(Level.ERROR)).hasSize(1).allMatch(m -> m.startsWith("Intake paused for /srv/achemine: "));

        // and when there is room again, the next check re-opens it, says so once, and reports the resume
        disk.minimum(DataSize.ofMegabytes(1));
        assertThat(gate.check()).isTrue();
        assertThat(gate.check()).isFalse();
        assertThat(gate.isOpen()).isTrue();
        assertThat(gate.problems()).isEmpty();
        assertThat(messages(Level.INFO)).containsExactly("Intake resumed for /srv/achemine: disk space and database are available again");
    }

    @Test
    void pausesWhileTheDatabaseRefusesConnections() throws Exception {
        // given a real H2 database in exclusive mode (another session holds it; new connections are refused)
        JdbcDataSource dataSource = database();
        try (var admin = dataSource.getConnection(); var statement = admin.createStatement()) {
            statement.execute("SET EXCLUSIVE 1");
            IntakeGate gate = new IntakeGate(List.of(new DatabaseCondition(dataSource, Duration.ofSeconds(1))), "/srv/achemine",
                    Clock.systemUTC());

            // when checked
            gate.check();

            // then intake is paused because of the database
            assertThat(gate.isOpen()).isFalse();
            assertThat(gate.problems().get("database")).startsWith("the database is unreachable");

            // and once the database accepts connections again, intake resumes
            statement.execute("SET EXCLUSIVE 0");
            assertThat(gate.check()).isTrue();
            assertThat(gate.isOpen()).isTrue();
        }
    }

    private JdbcDataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dataDir.resolve("db/gate"));
        dataSource.setUser("sa");
        return dataSource;
    }

    private List<String> messages(Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }
}
