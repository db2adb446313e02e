package org.achemine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.achemine.testing.OwnDataFolder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.integration.endpoint.SourcePollingChannelAdapter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The triggers' polls read the database on a thread of their own ({@link TriggerQueryThread}): stopping a poller
 * (Spring Integration cancels its task with an interrupt) never interrupts a query inside H2, which would close the
 * database under every thread. Routing is given work it cannot do (an archived flow gone missing: its run fails,
 * and is retried only after {@code achemine.routing.retry-after}), so that every poll reads the flows and the job
 * repository, every 5 ms.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.routing.trigger-delay=5ms",
        "achemine.lifecycle.trigger-delay=5ms", "achemine.routing.retry-after=1h"})
class TriggerQueryThreadIT extends OwnDataFolder {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobHistory jobs;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("routingTriggerThread")
    TriggerQueryThread routingTriggerThread;

    @Test
    void stoppingTheTriggersPollersMidPollLeavesTheDatabaseUsableAndNoRunUnknown() throws Exception {
        // given routing's trigger reading work it cannot do at every poll (its one run failed)
        transactions.executeWithoutResult(tx -> insertFlowWithMissingArchive());
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.recent(10).stream()
                .anyMatch(run -> run.jobName().equals("routing") && run.status().equals("FAILED")));

        // when both triggers' pollers are stopped and started again, 300 times, at moments a seeded dice picks
        List<SourcePollingChannelAdapter> pollers = triggerPollers();
        assertThat(pollers).hasSize(2);
        Random dice = new Random(16);
        for (int round = 0; round < 300; round++) {
            Thread.sleep(dice.nextInt(8));
            for (SourcePollingChannelAdapter poller : pollers) {
                poller.stop();
            }
            for (SourcePollingChannelAdapter poller : pollers) {
                poller.start();
            }
        }

        // then the database still answers every thread, and no run was left in an unknown state
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'UNKNOWN'",
                Long.class)).isZero();
        assertThat(routingTriggerThread.ask(() -> jdbc.queryForObject("SELECT COUNT(*) FROM flow", Long.class)))
                .isEqualTo(1);
        assertThat(jobs.recent(10)).filteredOn(run -> run.jobName().equals("routing")).hasSize(1);
    }

    @Test
    void aPollerInterruptedWhileItWaitsLaunchesNothingAndTheQueryEndsOnTheTriggersThread() throws Exception {
        // given a poller thread interrupted (its poller stopped) as it asks
        AtomicReference<String> queriedOn = new AtomicReference<>();
        AtomicReference<Object> answered = new AtomicReference<>("not asked");
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread poller = new Thread(() -> {
            Thread.currentThread().interrupt();
            // when it asks
            answered.set(routingTriggerThread.ask(() -> {
                queriedOn.set(Thread.currentThread().getName() + " interrupted="
                        + Thread.currentThread().isInterrupted());
                return jdbc.queryForList("SELECT flow_id FROM flow");
            }));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        poller.start();
        poller.join();

        // then it gets no answer (no launch) and keeps its interrupt, while the query ran on the trigger's thread,
        // not interrupted, and the database answers
        assertThat(answered.get()).isNull();
        assertThat(stillInterrupted.get()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> queriedOn.get() != null);
        assertThat(queriedOn.get()).startsWith("routing-trigger-").endsWith("interrupted=false");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class)).isNotNull();
    }

    private List<SourcePollingChannelAdapter> triggerPollers() {
        return context.getBeansOfType(SourcePollingChannelAdapter.class).entrySet().stream()
                .filter(bean -> bean.getKey().startsWith("routingAfterIntake")
                        || bean.getKey().startsWith("lifecycleReportsAfterStatusChanges"))
                .map(Map.Entry::getValue)
                .toList();
    }

    private void insertFlowWithMissingArchive() {
        Timestamp now = Timestamp.from(clock.instant());
        String flowId = "ACH0011100000000000000998";
        jdbc.update("INSERT INTO flow (flow_id, partner, original_name, source_path, source_removed, size_bytes,"
                        + " sha256, received_at, archive_path, interface_number, stage, flow_kind, flow_state,"
                        + " status_code, validated_at) VALUES (?, 'FOU001', 'f.xml', '/nowhere/f.xml', TRUE, 10, ?, ?,"
                        + " ?, '1100', 'REPORTED', 'XML', 'IN_INTEGRE', '90', ?)",
                flowId, "0".repeat(64), now, dataDir.resolve("archive/missing").toString(), now);
        jdbc.update("INSERT INTO flow_document (flow_id, doc_rank, entry_name, syntax, decision, invoice_number,"
                        + " issue_date, supplier_id, buyer_id) VALUES (?, 1, 'f.xml', 'IN_DP_E1_UBL_INVOICE', 'ACCEPTED',"
                        + " 'F-1', ?, ?, ?)",
                flowId, Date.valueOf(LocalDate.of(2026, 11, 2)), "81234567600025", "21690012600014");
        jdbc.update("INSERT INTO directory_generation (generation_id, started_at, structures_file, services_file, state)"
                + " VALUES (1, ?, 's', 'v', 'ACTIVE')", now);
        jdbc.update("INSERT INTO directory_current (singleton, generation_id) VALUES (1, 1)");
        jdbc.update("INSERT INTO directory_structure (generation_id, identifier, identifier_type, name, edi_issuer,"
                + " edi_recipient, manages_payment_status, engagement_required, service_required,"
                + " service_or_engagement, is_moa, is_moa_only, active, checksum_valid) VALUES (1, '21690012600014', 1,"
                + " 'COMMUNE', FALSE, TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, TRUE)");
    }
}
