package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.achemine.qualification.Environment;
import org.achemine.testing.MigratedDatabase;
import org.achemine.validation.AcceptancePolicy;
import org.achemine.validation.CheckName;
import org.achemine.validation.CheckResult;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.FlowKind;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.Location;
import org.achemine.validation.Severity;
import org.achemine.validation.Syntax;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An answer group's verdicts are recorded in the commit that journals their reports {@code PENDING}, written as
 * that commit is made with one JDBC batch per table for the whole group ({@link FlowRegistry#recordVerdictAtCommit},
 * ADR 0001 « One commit per answer group »): the same rows and the same all-or-nothing as one transaction per flow.
 * On the engine's H2 file; the statements prepared are counted on the connections the registry is given.
 */
class FlowVerdictRowsTest {

    private static final Instant RECEIVED_AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant VALIDATED_AT = Instant.parse("2026-12-07T10:00:01.250Z");
    private static final AcceptancePolicy POLICY = new AcceptancePolicy();

    @TempDir
    Path dataDir;

    JdbcTemplate jdbc;
    FlowRegistry registry;
    /** The journal's own commit: a transaction of its own, as {@code PublicationJournal} makes it. */
    TransactionTemplate ownCommit;
    /** Statements prepared on the registry's connections, by their first words. */
    final Map<String, AtomicInteger> prepared = new ConcurrentHashMap<>();

    /** Held open so the database stays open between the test's connections. */
    Connection keepOpen;

    @BeforeEach
    void registry() throws SQLException {
        DataSource dataSource = counting(MigratedDatabase.in(dataDir));
        keepOpen = dataSource.getConnection();
        jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        registry = new FlowRegistry(jdbc, new TransactionTemplate(transactions));
        ownCommit = new TransactionTemplate(transactions);
        ownCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @AfterEach
    void close() throws SQLException {
        keepOpen.close();
    }

    @Test
    void aGroupsVerdictsAreWrittenWhenItsCommitIsMadeOneBatchPerTable() {
        // given twelve flows received, each with two documents, one of them refused with two findings
        List<FlowId> group = IntStream.rangeClosed(1, 12).mapToObj(this::received).toList();
        prepared.clear();

        // when one commit records their verdicts, each by its own record (the journal runs one record per flow)
        List<String> seenBeforeCommit = ownCommit.execute(status -> {
            group.forEach(flow -> registry.recordVerdictAtCommit(flow, verdict(), POLICY, VALIDATED_AT,
                    report(flow)));
            return jdbc.queryForList("SELECT DISTINCT stage FROM flow", String.class);
        });

        // then nothing was written before the commit, everything with it, each table with one statement
        assertThat(seenBeforeCommit).containsExactly("RECEIVED");
        assertThat(jdbc.queryForList("SELECT DISTINCT stage FROM flow", String.class)).containsExactly("REPORT_READY");
        assertThat(jdbc.queryForList("SELECT DISTINCT flow_state FROM flow", String.class))
                .containsExactly("IN_INTEGRE_PARTIEL");
        assertThat(registry.reportPath(group.get(4))).contains(report(group.get(4)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow_document", Integer.class)).isEqualTo(24);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow_document WHERE decision = 'REJECTED'",
                Integer.class)).isEqualTo(12);
        assertThat(jdbc.queryForList("SELECT doc_rank || ':' || finding_rank || ':' || code || ':' || severity"
                + " FROM flow_finding WHERE flow_id = ? ORDER BY doc_rank, finding_rank", String.class,
                group.get(7).value())).containsExactly("0:1:ADM_CONTENU_DEJA_RECU:warning",
                        "2:1:XSD_INVALIDE:fatal", "2:2:XSD_INVALIDE:fatal");
        assertThat(preparedCount("INSERT INTO flow_document")).isEqualTo(1);
        assertThat(preparedCount("INSERT INTO flow_finding")).isEqualTo(1);
        assertThat(preparedCount("UPDATE flow SET stage")).isEqualTo(1);
    }

    @Test
    void aFlowNoLongerReceivedFailsTheWholeCommitAsItsOwnTransactionDid() {
        // given two flows received, and a third whose verdict is already recorded
        FlowId first = received(1);
        FlowId second = received(2);
        FlowId recorded = received(3);
        registry.recordVerdict(recorded, verdict(), POLICY, VALIDATED_AT, report(recorded));

        // when one commit records the three verdicts, with other work of that commit (a source marked removed)
        assertThatThrownBy(() -> ownCommit.executeWithoutResult(status -> {
            registry.markSourceRemoved(first);
            List.of(first, second, recorded).forEach(flow -> registry.recordVerdictAtCommit(flow, verdict(), POLICY,
                    VALIDATED_AT, report(flow)));
        })).isInstanceOf(RuntimeException.class);

        // then nothing of that commit was made: the two flows still RECEIVED without rows, the other work undone
        assertThat(registry.stage(first)).isEqualTo(FlowStage.RECEIVED);
        assertThat(registry.stage(second)).isEqualTo(FlowStage.RECEIVED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow_document WHERE flow_id IN (?, ?)", Integer.class,
                first.value(), second.value())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE source_removed", Integer.class)).isZero();

        // and the next commit recording them is a fresh one: the failed one's verdicts are not carried over
        ownCommit.executeWithoutResult(status -> List.of(first, second).forEach(flow ->
                registry.recordVerdictAtCommit(flow, verdict(), POLICY, VALIDATED_AT, report(flow))));
        assertThat(registry.stage(first)).isEqualTo(FlowStage.REPORT_READY);
        assertThat(registry.stage(second)).isEqualTo(FlowStage.REPORT_READY);
    }

    @Test
    void aVerdictIsWrittenBeforeAReportedMarkOfTheSameCommitAndOutsideATransactionAtOnce() {
        FlowId both = received(1);
        FlowId rolledBack = received(2);
        FlowId alone = received(3);

        // a flow's verdict and its REPORTED mark in one commit (recorded in that order or the other)
        ownCommit.executeWithoutResult(status -> {
            registry.markReportedAtCommit(both, VALIDATED_AT);
            registry.recordVerdictAtCommit(both, verdict(), POLICY, VALIDATED_AT, report(both));
        });
        ownCommit.executeWithoutResult(status -> {
            registry.recordVerdictAtCommit(rolledBack, verdict(), POLICY, VALIDATED_AT, report(rolledBack));
            status.setRollbackOnly();
        });
        registry.recordVerdictAtCommit(alone, verdict(), POLICY, VALIDATED_AT, report(alone));

        assertThat(registry.stage(both)).isEqualTo(FlowStage.REPORTED);
        assertThat(registry.state(both).name()).isEqualTo("IN_INTEGRE_PARTIEL");
        assertThat(registry.stage(rolledBack)).isEqualTo(FlowStage.RECEIVED);
        assertThat(registry.stage(alone)).isEqualTo(FlowStage.REPORT_READY);
    }

    /** Two documents: one accepted, one refused by its schema twice; the flow's content already received once. */
    private static FlowVerdict verdict() {
        DocumentVerdict good = new DocumentVerdict("a.xml", Syntax.UBL_INVOICE,
                List.of(CheckResult.of(CheckName.XSD, List.of(), Duration.ZERO)), null);
        Finding xsd = new Finding("XSD_INVALIDE", Severity.FATAL, CheckName.XSD, "Non conforme au schéma",
                "Not schema-valid", null, new Location(12, 7, "/Invoice/cbc:IssueDate"));
        DocumentVerdict bad = new DocumentVerdict("b.xml", Syntax.UBL_INVOICE,
                List.of(CheckResult.of(CheckName.XSD, List.of(xsd, xsd), Duration.ZERO)), null);
        Finding again = Finding.of(FindingCode.ADM_CONTENU_DEJA_RECU, Location.NONE, "ACH0011190000000000000003",
                "lot.zip");
        return new FlowVerdict(FlowKind.ZIP, List.of(again), List.of(good, bad));
    }

    private static Path report(FlowId flow) {
        return Path.of("/mailboxes/FOU001/out", flow.value() + ".cr.xml");
    }

    private int preparedCount(String start) {
        return prepared.entrySet().stream().filter(e -> e.getKey().startsWith(start))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    private FlowId received(int sequence) {
        FlowId flowId = FlowId.of("ACH001", "1100", sequence);
        registry.insertReceived(new ReceivedFlow(flowId, "FOU001", flowId.value() + ".xml",
                Path.of("/in", flowId.value() + ".xml"), 10, "a".repeat(64), RECEIVED_AT,
                Path.of("/archive", flowId.value()), Environment.PRODUCTION));
        return flowId;
    }

    /** The data source whose connections count each statement prepared on them, by its SQL. */
    private DataSource counting(DataSource dataSource) {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement") && args != null
                                    && args[0] instanceof String sql) {
                                prepared.computeIfAbsent(sql, s -> new AtomicInteger()).incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
