package org.achemine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.achemine.batch.JobHistory;
import org.achemine.testing.OwnDataFolder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A routing run that fails (here: an archived flow gone missing) is not relaunched at every poll. */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.routing.trigger-delay=200ms",
        "achemine.routing.retry-after=1h"})
class RoutingTriggerRetryIT extends OwnDataFolder {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobHistory jobs;

    @Autowired
    RoutingTrigger trigger;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Test
    void aFailedRunIsRetriedAfterTheDelayNotAtEveryPoll() {
        // given a reported flow whose archived original has disappeared: delivering its invoice must fail
        // (written in one transaction: the trigger, polling every 200 ms, sees the flow with its document or nothing)
        transactions.executeWithoutResult(tx -> insertFlowWithMissingArchive());

        // when the trigger launches routing, the run fails
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jobs.recent(10))
                .anyMatch(run -> run.jobName().equals("routing") && run.status().equals("FAILED")));

        // then the work is still there, but no new run is launched for a while
        assertThat(trigger.hasWork()).isTrue();
        assertThat(trigger.launchIfWaiting()).isNull();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(jobs.recent(10)).filteredOn(run -> run.jobName().equals("routing")).hasSize(1));
    }

    private void insertFlowWithMissingArchive() {
        Timestamp now = Timestamp.from(clock.instant());
        String flowId = "ACH0011100000000000000999";
        jdbc.update("INSERT INTO flow (flow_id, partner, original_name, source_path, source_removed, size_bytes, sha256,"
                        + " received_at, archive_path, interface_number, stage, flow_kind, flow_state, status_code, validated_at)"
                        + " VALUES (?, 'FOU001', 'f.xml', '/nowhere/f.xml', TRUE, 10, ?, ?, ?, '1100', 'REPORTED', 'XML',"
                        + " 'IN_INTEGRE', '90', ?)",
                flowId, "0".repeat(64), now, dataDir.resolve("archive/missing").toString(), now);
        jdbc.update("INSERT INTO flow_document (flow_id, doc_rank, entry_name, syntax, decision, invoice_number, issue_date,"
                        + " supplier_id, buyer_id) VALUES (?, 1, 'f.xml', 'IN_DP_E1_UBL_INVOICE', 'ACCEPTED', 'F-1', ?, ?, ?)",
                flowId, Date.valueOf(LocalDate.of(2026, 11, 2)), "81234567600025", "21690012600014");
        jdbc.update("INSERT INTO directory_generation (generation_id, started_at, structures_file, services_file, state)"
                + " VALUES (1, ?, 's', 'v', 'ACTIVE')", now);
        jdbc.update("INSERT INTO directory_current (singleton, generation_id) VALUES (1, 1)");
        jdbc.update("INSERT INTO directory_structure (generation_id, identifier, identifier_type, name, edi_issuer,"
                + " edi_recipient, manages_payment_status, engagement_required, service_required, service_or_engagement,"
                + " is_moa, is_moa_only, active, checksum_valid) VALUES (1, '21690012600014', 1, 'COMMUNE', FALSE, TRUE,"
                + " FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, TRUE)");
    }
}
