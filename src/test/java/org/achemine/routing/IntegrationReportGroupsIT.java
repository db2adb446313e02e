package org.achemine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.report.DepositReport;
import org.achemine.report.FlowStatutReports;
import org.achemine.report.IntegrationReport;
import org.achemine.testing.EngineTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Integration reports written by groups of flows (ADR 0026): shared commits,
 * the official CPPStatut published before the detailed report, a kill at any commit leaves one report of each
 * kind per flow after a restart, and a flow that fails fails alone. Real engine beans, H2 file, real out/.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.routing.trigger-delay=1h",
        "achemine.lifecycle.trigger-delay=1h"})
class IntegrationReportGroupsIT extends EngineTest {

    private static final String PARTNER = "FOU001";

    @Autowired
    DataSource dataSource;

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    DepositReport depositReport;

    @Autowired
    FlowStatutReports officialReports;

    private Path out;
    private List<String> flows;

    @BeforeEach
    void fiveDecidedFlows() throws IOException {
        // a clean slate per test: the engine's context (and data folder) is shared by the class
        jdbc.update("DELETE FROM publication WHERE kind IN ('INTEGRATION_CPPSTATUT', 'INTEGRATION_REPORT')");
        jdbc.update("DELETE FROM integration_refusal");
        jdbc.update("DELETE FROM flow_document");
        jdbc.update("DELETE FROM flow");
        out = mailboxes.out(PARTNER);
        Files.createDirectories(out);
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        flows = IntStream.rangeClosed(1, 5).mapToObj(i -> "ACH0011100" + "%015d".formatted(i)).toList();
        flows.forEach(this::insertFlowRefusedAtIntegration);
    }

    @Test
    void severalFlowsShareTheirCommitsTheOfficialReportsFirst() throws Exception {
        AtomicInteger commits = new AtomicInteger();

        // when five due flows are written by groups of four
        int written = reports(4, journal(commits, 0, false)).writeDue();

        // then every flow has its two reports, once, and is marked with its detailed one
        assertThat(written).isEqualTo(5);
        assertEachFlowReportedOnce();
        // one commit per round, each carrying the marks of the round before (the second group's first round
        // the first group's detailed marks and flows), then the last group's marks alone: 2 × 2 + 1, not 4 per flow
        assertThat(commits).hasValue(5);
    }

    @Test
    void aStopEndsTheRunBetweenTwoGroupsAndTheNextRunWritesTheRest() throws Exception {
        AtomicInteger asked = new AtomicInteger();

        // when the engine stops while the first of two groups (4 flows, then 1) is being written
        int written = reports(4, journal(new AtomicInteger(), 0, false)).writeDue(() -> asked.getAndIncrement() > 0);

        // then that group went through both its rounds, the last flow stays due, and no temporary file is left
        assertThat(written).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE integration_reported_at IS NULL",
                Integer.class)).isEqualTo(1);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }

        // and the next run writes the last one: each flow reported once
        assertThat(reports(4, journal(new AtomicInteger(), 0, false)).writeDue()).isEqualTo(1);
        assertEachFlowReportedOnce();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void aKillBeforeAnyCommitOfAGroupLeavesOneReportOfEachKindPerFlowAfterARestart(int commit) throws Exception {
        killedAt(commit, false);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void aKillRightAfterAnyCommitOfAGroupLeavesOneReportOfEachKindPerFlowAfterARestart(int commit)
            throws Exception {
        killedAt(commit, true);
    }

    private void killedAt(int commit, boolean afterIt) throws Exception {
        // when the engine is killed at one of the commits of the two groups of (4, 1) flows
        assertThatThrownBy(() -> reports(4, journal(new AtomicInteger(), commit, afterIt)).writeDue())
                .isInstanceOf(Killed.class);

        // then no detailed report was ever journaled before its flow's official one was published
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM publication d WHERE d.kind = 'INTEGRATION_REPORT' AND NOT EXISTS (
                    SELECT 1 FROM publication o WHERE o.kind = 'INTEGRATION_CPPSTATUT' AND o.subject = d.subject
                      AND o.state = 'PUBLISHED')""", Integer.class)).isZero();
        // and no flow is marked without its reports out
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM flow f WHERE f.integration_reported_at IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM publication d WHERE d.kind = 'INTEGRATION_REPORT' AND d.subject = f.flow_id
                      AND d.state = 'PUBLISHED')""", Integer.class)).isZero();

        // when the engine starts again (IntakeRecovery's first step) and routing writes what is due
        PublicationJournal restarted = journal(new AtomicInteger(), 0, false);
        restarted.finishPending();
        mailboxes.clearInterruptedWrites(restarted.pendingTemporaries());
        reports(4, restarted).writeDue();

        // then each flow has exactly one report of each kind, and is marked
        assertEachFlowReportedOnce();
    }

    @Test
    void aFlowThatFailsFailsAloneTheOthersAreReportedAndItIsWrittenByTheNextRun() throws Exception {
        // given the third flow's detailed report cannot be written (its temporary name taken by a folder)
        String third = flows.get(2);
        Path blocked = PublicationJournal.temporary(out.resolve(IntegrationReport.fileName(third, third + ".xml")));
        Files.createDirectories(blocked.resolve("in-the-way"));

        // when the due flows are written in one group
        assertThatThrownBy(() -> reports(64, journal(new AtomicInteger(), 0, false)).writeDue())
                .isInstanceOf(IOException.class).hasMessageContaining("1 of 5").hasMessageContaining(third);

        // then the four others are reported and marked; the third has its official report only, and is still due
        assertThat(jdbc.queryForList("SELECT flow_id FROM flow WHERE integration_reported_at IS NULL", String.class))
                .containsExactly(third);
        assertThat(out.resolve(FlowStatutReports.integrationFileName(third))).exists();

        // when the obstacle is gone and routing runs again
        Files.delete(blocked.resolve("in-the-way"));
        Files.delete(blocked);
        assertThat(reports(64, journal(new AtomicInteger(), 0, false)).writeDue()).isEqualTo(1);

        // then every flow is reported once, the third's official report not written twice
        assertEachFlowReportedOnce();
    }

    private void assertEachFlowReportedOnce() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            List<String> expected = flows.stream().flatMap(flow -> Stream.of(
                    FlowStatutReports.integrationFileName(flow), IntegrationReport.fileName(flow, flow + ".xml")))
                    .sorted().toList();
            assertThat(names).containsExactlyElementsOf(expected);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication WHERE state = 'PUBLISHED'"
                + " AND kind IN ('INTEGRATION_CPPSTATUT', 'INTEGRATION_REPORT')", Integer.class)).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication WHERE state <> 'PUBLISHED'", Integer.class))
                .isZero();
        for (String flow : flows) {
            assertThat(jdbc.queryForObject("SELECT integration_report_path FROM flow WHERE flow_id = ?", String.class,
                    flow)).isEqualTo(out.resolve(IntegrationReport.fileName(flow, flow + ".xml")).toString());
        }
    }

    private IntegrationReports reports(int groupSize, PublicationJournal journal) {
        return new IntegrationReports(jdbc, new IntegrationReport(depositReport), officialReports, mailboxes, clock,
                journal, groupSize);
    }

    /**
     * The journal on the engine's database, its own commits counted; the {@code killAt}-th one (from 1; 0: none)
     * stops everything, before it commits or right after.
     */
    private PublicationJournal journal(AtomicInteger commits, int killAt, boolean afterIt) {
        TransactionTemplate ownCommit = new TransactionTemplate(new DataSourceTransactionManager(dataSource)) {
            @Override
            public <T> T execute(TransactionCallback<T> action) throws TransactionException {
                int commit = commits.incrementAndGet();
                if (commit == killAt && !afterIt) {
                    throw new Killed();
                }
                T result = super.execute(action);
                if (commit == killAt) {
                    throw new Killed();
                }
                return result;
            }
        };
        ownCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new PublicationJournal(jdbc, ownCommit, mailboxes, clock);
    }

    /** The process stopping: nothing after it runs (an Error, which no step of the journal catches). */
    private static final class Killed extends Error {
    }

    private void insertFlowRefusedAtIntegration(String flowId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO flow (flow_id, partner, original_name, source_path, source_removed, size_bytes, sha256,"
                        + " received_at, archive_path, interface_number, stage, flow_kind, flow_state, status_code,"
                        + " validated_at, syntax, invoices_registered) VALUES (?, ?, ?, '/nowhere', TRUE, 10, ?, ?, ?,"
                        + " '1100', 'REPORTED', 'XML', 'IN_INTEGRE', '90', ?, 'IN_DP_E1_UBL_INVOICE', TRUE)",
                flowId, PARTNER, flowId + ".xml", "0".repeat(64), now, dataDir.resolve("archive/none").toString(), now);
        jdbc.update("INSERT INTO flow_document (flow_id, doc_rank, entry_name, syntax, decision, invoice_number,"
                        + " issue_date, supplier_id, buyer_id) VALUES (?, 1, ?, 'IN_DP_E1_UBL_INVOICE', 'ACCEPTED', ?, ?,"
                        + " '81234567600025', '73282932000074')",
                flowId, flowId + ".xml", "F-" + flowId, Date.valueOf(LocalDate.of(2026, 11, 2)));
        jdbc.update("INSERT INTO integration_refusal (invoice_id, flow_id, doc_rank, supplier_id, invoice_number,"
                        + " invoice_year, buyer_id, refusal_code, refusal_message, reform_status, reform_reason,"
                        + " refused_at) VALUES (?, ?, 1, '81234567600025', ?, 2026, '73282932000074',"
                        + " 'ROUTAGE_SIRET_INCONNU', 'Destinataire inconnu de l''annuaire', ?, 'DEST_INC', ?)",
                flowId + "-1", flowId, "F-" + flowId, RejectionReason.REFORM_STATUS, now);
    }
}
