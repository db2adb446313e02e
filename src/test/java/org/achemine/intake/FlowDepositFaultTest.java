package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.achemine.mailbox.Mailboxes;
import org.achemine.testing.OwnDataFolder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fault of ours (here: the sender's out/ cannot be written) never answers the flow; it stays retryable. */
@SpringBootTest(properties = {"achemine.intake.enabled=false"})
class FlowDepositFaultTest extends OwnDataFolder {

    private static final String PARTNER = "OPE001";

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    FlowReception reception;

    @Autowired
    FlowDeposit deposit;

    @Autowired
    FlowRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void diskFaultWritesNoReportKeepsTheFlowAndARetryAnswersIt() throws Exception {
        // given a taken flow whose sender's out/ is broken (a plain file where the folder should be)
        Path file = Files.copy(Path.of("samples/ubl/invoice-valid.xml"), mailboxes.in(PARTNER).resolve("f.xml"));
        ReceivedFlow flow = reception.take(PARTNER, file);
        Path out = mailboxes.out(PARTNER);
        Files.delete(out);
        Files.writeString(out, "not a folder");

        // when its deposit is attempted, then it fails with an incident, and the flow is kept unreported
        assertThatThrownBy(() -> deposit.process(flow)).isInstanceOf(IntakeFault.class)
                .hasMessageContaining("INC-");
        // (its verdict commits with its reports journaled: neither could be written, so neither is recorded and
        // the flow is validated again from the archived original)
        assertThat(registry.stage(flow.flowId())).isEqualTo(FlowStage.RECEIVED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow_document WHERE flow_id = ?", Integer.class,
                flow.flowId().value())).isZero();
        assertThat(jdbc.queryForObject("SELECT last_incident FROM flow WHERE flow_id = ?", String.class,
                flow.flowId().value())).startsWith("INC-");
        assertThat(registry.unreported()).extracting(ReceivedFlow::flowId).contains(flow.flowId());
        assertThat(registry.awaitingRetry()).extracting(ReceivedFlow::flowId).containsExactly(flow.flowId());

        // when the disk is repaired and the flow retried
        Files.delete(out);
        Files.createDirectories(out);
        Path report = deposit.process(flow);

        // then it is answered once, with a normal report
        assertThat(report).exists();
        assertThat(Files.readString(report)).contains("<Etat>IN_INTEGRE</Etat>");
        assertThat(registry.stage(flow.flowId())).isEqualTo(FlowStage.REPORTED);
        assertThat(registry.awaitingRetry()).isEmpty();
        assertThat(deposit.process(flow)).isEqualTo(report); // a late duplicate submission changes nothing
        // beside the detailed report, the official CPPStatut one, each once
        try (var files = Files.list(out)) {
            assertThat(files).containsExactlyInAnyOrder(report,
                    out.resolve("FSO1100A_ACH001_" + flow.flowId().value() + ".xml"));
        }
    }
}
