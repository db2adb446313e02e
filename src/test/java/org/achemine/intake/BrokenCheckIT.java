package org.achemine.intake;

import static org.achemine.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.achemine.AchemineApplication;
import org.achemine.mailbox.Mailboxes;
import org.achemine.report.DepositReport;
import org.achemine.report.ReportSchema;
import org.achemine.testing.BrokenCheck;
import org.achemine.testing.Commands.Run;
import org.achemine.validation.DocumentCheck;
import org.achemine.verify.InvariantChecker;
import org.achemine.verify.VerificationReport;
import org.achemine.verify.ViolationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A check that breaks (our fault) no longer keeps a flow unanswered forever: after
 * {@code achemine.intake.max-attempts} attempts the flow is answered with an incident report (ERR_TECHNIQUE and
 * the incident id), parked, counted by {@code verify} and the metrics; once the fault is gone, {@code flow retry}
 * hands it back and the engine answers it with its deposit report proper.
 */
class BrokenCheckIT {

    private static final String PARTNER = "FOU001";

    @TempDir
    Path dataDir;

    /** A check added to the pipeline that breaks on every document: the fault an operator removes. */
    private static final DocumentCheck BROKEN_ON_PURPOSE = new BrokenCheck();

    @Test
    void aFlowWhoseCheckBreaksIsAnsweredAfterItsAttemptsThenAnsweredForRealOnceRetried() throws Exception {
        String flowId;
        Path incidentReport;
        // given an engine whose added check breaks on every document (its routes stopped: attempts made by hand)
        try (ConfigurableApplicationContext engine = start(false, true)) {
            Mailboxes mailboxes = engine.getBean(Mailboxes.class);
            FlowRegistry registry = engine.getBean(FlowRegistry.class);
            FlowDeposit deposit = engine.getBean(FlowDeposit.class);
            Path file = Files.copy(Path.of("samples/ubl/invoice-valid.xml"), mailboxes.in(PARTNER).resolve("f.xml"));
            ReceivedFlow flow = engine.getBean(FlowReception.class).take(PARTNER, file);
            flowId = flow.flowId().value();

            // when its deposit is attempted: the first two attempts leave it unanswered, to be retried
            for (int attempt = 1; attempt <= 2; attempt++) {
                assertThatThrownBy(() -> deposit.process(flow)).isInstanceOf(IntakeFault.class);
                assertThat(files(mailboxes.out(PARTNER))).isEmpty();
                assertThat(registry.awaitingRetry()).extracting(ReceivedFlow::flowId).containsExactly(flow.flowId());
            }
            // and the third (max-attempts) answers it with an incident report and parks it
            incidentReport = deposit.process(flow);

            // then the report carries ERR_TECHNIQUE and the incident id, in a file of its own, schema-valid
            JdbcTemplate jdbc = engine.getBean(JdbcTemplate.class);
            String incident = jdbc.queryForObject("SELECT last_incident FROM flow WHERE flow_id = ?", String.class, flowId);
            assertThat(incident).matches("INC-[0-9A-F]{8}");
            assertThat(incidentReport.getFileName().toString())
                    .isEqualTo(DepositReport.incidentFileName(flowId, "f.xml", incident));
            assertThat(files(mailboxes.out(PARTNER))).containsExactly(incidentReport);
            ReportSchema.validate(incidentReport);
            assertThat(Files.readString(incidentReport)).contains("ERR_TECHNIQUE")
                    .contains("<IdIncident>" + incident + "</IdIncident>").contains("<Etat>IN_REJETE</Etat>");
            assertThat(registry.stage(flow.flowId())).isEqualTo(FlowStage.PARKED);
            assertThat(registry.awaitingRetry()).isEmpty();
            assertThat(registry.unreported()).isEmpty();
            assertThat(engine.getBean(MeterRegistry.class).counter("achemine.flows.parked").count()).isEqualTo(1.0);
            // a late submission answers nothing twice
            assertThat(deposit.process(flow)).isEqualTo(incidentReport);
            assertThat(files(mailboxes.out(PARTNER))).containsExactly(incidentReport);

            // and verify counts it: pending while the engine works, a violation once it says it is drained
            VerificationReport running = InvariantChecker.standard().check(mailboxes, jdbc, false);
            assertThat(running.violations()).isEmpty();
            assertThat(running.count("flux en incident, répondus ERR_TECHNIQUE (en attente de flow retry)")).isOne();
            VerificationReport drained = InvariantChecker.standard().check(mailboxes, jdbc, true);
            assertThat(drained.count(ViolationCode.INV_FLUX_EN_INCIDENT)).isOne();
            assertThat(drained.violationCount()).isOne();
        }

        // when the fault is removed and the operator retries the flow (engine stopped)
        Run retry = run("flow", "retry", flowId, "--achemine.data-dir=" + dataDir);
        Run again = run("flow", "retry", flowId, "--achemine.data-dir=" + dataDir);
        Run all = run("flow", "retry", "--all-parked", "--achemine.data-dir=" + dataDir);

        // then it is handed back once
        assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
        assertThat(retry.out()).contains("Flux " + flowId + " remis en traitement");
        assertThat(again.exitCode()).as("no longer parked").isEqualTo(1);
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.err()).contains("Aucun flux en attente après incident");

        // and the next engine answers it once, with its deposit report proper, next to the incident report
        try (ConfigurableApplicationContext engine = start(true, false)) {
            Mailboxes mailboxes = engine.getBean(Mailboxes.class);
            Path report = mailboxes.out(PARTNER).resolve(DepositReport.fileName(flowId, "f.xml"));
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(report));
            ReportSchema.validate(report);
            assertThat(Files.readString(report)).contains("<Etat>IN_INTEGRE</Etat>").doesNotContain("ERR_TECHNIQUE");
            JdbcTemplate jdbc = engine.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> "REPORTED".equals(
                    jdbc.queryForObject("SELECT stage FROM flow WHERE flow_id = ?", String.class, flowId)));
            assertThat(files(mailboxes.out(PARTNER))).filteredOn(p -> p.getFileName().toString().endsWith(".cr.xml"))
                    .containsExactlyInAnyOrder(incidentReport, report);
        }
    }

    private ConfigurableApplicationContext start(boolean intake, boolean broken) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(AchemineApplication.class)
                .web(WebApplicationType.NONE);
        if (broken) {
            builder.initializers(context -> ((GenericApplicationContext) context)
                    .registerBean("brokenOnPurpose", DocumentCheck.class, () -> BROKEN_ON_PURPOSE));
        }
        return builder.run("--achemine.data-dir=" + dataDir, "--achemine.intake.enabled=" + intake,
                "--achemine.intake.poll-interval=100ms", "--achemine.intake.read-lock-interval=200ms",
                "--achemine.routing.trigger-delay=1h", "--achemine.lifecycle.trigger-delay=1h");
    }

    /** Visible files of an out/ (our temporary names are hidden). */
    private static List<Path> files(Path out) throws IOException {
        try (Stream<Path> all = Files.list(out)) {
            return all.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
