package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.achemine.AchemineApplication;
import org.achemine.archive.FlowArchive;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.report.ReportSchema;
import org.achemine.testing.TestDatabase;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Start-up recovery: flows left at each stage of the crash protocol by a stopped engine are finished by
 * the next one, each answered exactly once and under its original flow id (ADR 0001): a take interrupted,
 * a flow taken but not validated, a verdict committed with its report journaled and not yet renamed, renamed
 * and already taken by the partner, or not yet journaled, a staged copy.
 */
class IntakeRecoveryTest {

    private static final String PARTNER = "FOU001";

    @TempDir
    Path dataDir;

    /** The database both engines run on: the data folder's H2 file. */
    protected TestDatabase database(Path dataDir) {
        return TestDatabase.h2(dataDir);
    }

    @Test
    void restartFinishesInterruptedTakesAndReportsEveryFlowLeftUnreported() throws Exception {
        TestDatabase database = database(dataDir);
        String interruptedId;
        // given an engine with its routes stopped, leaving flows at three stages of the protocol
        try (ConfigurableApplicationContext engine = start(database, false)) {
            Mailboxes mailboxes = engine.getBean(Mailboxes.class);
            FlowRegistry registry = engine.getBean(FlowRegistry.class);
            FlowArchive archive = engine.getBean(FlowArchive.class);
            Path in = mailboxes.in(PARTNER);

            // a take interrupted after the row was recorded, before the archive and the removal
            Path interrupted = Files.copy(Path.of("samples/ubl/invoice-valid.xml"), in.resolve("interrupted.xml"));
            FlowId id = FlowId.of("ACH001", "1100", registry.nextSequence());
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            registry.insertReceived(new ReceivedFlow(id, PARTNER, "interrupted.xml", interrupted.toAbsolutePath(),
                    Files.size(interrupted), FlowArchive.sha256Of(interrupted), now, archive.pathFor(id.value(), now)));
            interruptedId = id.value();

            // a flow fully taken, never validated
            Path taken = Files.copy(Path.of("samples/cii/invoice-valid.xml"), in.resolve("taken.xml"));
            engine.getBean(FlowReception.class).take(PARTNER, taken);

            // three flows validated, their verdict committed (REPORT_READY), stopped before REPORTED: one with its
            // report journaled but not renamed, one journaled and renamed then taken at once by the partner, one
            // stopped before its report was journaled
            JdbcTemplate jdbc = engine.getBean(JdbcTemplate.class);
            FlowDeposit deposit = engine.getBean(FlowDeposit.class);
            for (String name : List.of("ready.xml", "taken-by-partner.xml", "never-journaled.xml")) {
                Path file = Files.copy(Path.of("samples/ubl/invoice-valid.xml"), in.resolve(name));
                ReceivedFlow flow = engine.getBean(FlowReception.class).take(PARTNER, file);
                Path report = deposit.process(flow);
                switch (name) {
                    case "ready.xml" -> Files.move(report, PublicationJournal.temporary(report));
                    case "taken-by-partner.xml" -> Files.move(report, Files.createDirectories(takenByPartner())
                            .resolve(report.getFileName()));
                    default -> {
                        Files.delete(report);
                        jdbc.update("DELETE FROM publication WHERE subject = ?", flow.flowId().value());
                    }
                }
                jdbc.update("UPDATE publication SET state = 'PENDING' WHERE subject = ?",
                        flow.flowId().value());
                jdbc.update("UPDATE flow SET stage = 'REPORT_READY', reported_at = NULL WHERE flow_id = ?",
                        flow.flowId().value());
            }

            // and a staged copy left behind by a kill during a copy
            archive.stage(Files.copy(Path.of("samples/ubl/creditnote-valid.xml"), dataDir.resolve("other.xml")));

            // (with achemine.intake.enabled=false no route runs, so nothing else touches them)
            CamelContext camel = engine.getBean(CamelContext.class);
            assertThat(camel.getRoutes()).isNotEmpty().allSatisfy(route ->
                    assertThat(camel.getRouteController().getRouteStatus(route.getRouteId()).isStopped()).isTrue());
            assertThat(interrupted).exists();
        }

        // when the engine starts again with its routes
        try (ConfigurableApplicationContext engine = start(database, true)) {
            Mailboxes mailboxes = engine.getBean(Mailboxes.class);
            JdbcTemplate jdbc = engine.getBean(JdbcTemplate.class);

            // then every flow is answered once, the interrupted one under the id it was recorded with, and the
            // report the partner took is not published again
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM flow WHERE stage = 'REPORTED'", Integer.class) == 5);
            for (Path report : reports(mailboxes)) {
                ReportSchema.validate(report);
            }
            assertThat(reports(mailboxes)).extracting(p -> p.getFileName().toString()).hasSize(4)
                    .contains(interruptedId + "_interrupted.xml.cr.xml")
                    .anyMatch(name -> name.endsWith("_taken.xml.cr.xml"))
                    .anyMatch(name -> name.endsWith("_ready.xml.cr.xml"))
                    .anyMatch(name -> name.endsWith("_never-journaled.xml.cr.xml"))
                    .noneMatch(name -> name.endsWith("_taken-by-partner.xml.cr.xml"));
            assertThat(jdbc.queryForList("SELECT stage FROM flow", String.class)).containsOnly("REPORTED").hasSize(5);
            assertThat(jdbc.queryForList("SELECT state FROM publication WHERE kind = 'DEPOSIT_REPORT'", String.class))
                    .containsOnly("PUBLISHED").hasSize(5);
            // (routing, triggered by the restart, may be writing an integration report right now: its temporary
            // file goes once renamed; one the recovery left behind never would)
            await("temporary reports left").atMost(Duration.ofSeconds(30)).until(() -> {
                try (Stream<Path> left = Files.list(mailboxes.out(PARTNER))) {
                    return left.noneMatch(p -> p.getFileName().toString().startsWith("."));
                }
            });
            assertThat(mailboxes.in(PARTNER)).isEmptyDirectory();
            assertThat(dataDir.resolve("archive/.staging")).isEmptyDirectory();
            String archived = jdbc.queryForObject("SELECT archive_path FROM flow WHERE flow_id = ?", String.class,
                    interruptedId);
            assertThat(FlowArchive.sha256Of(Path.of(archived)))
                    .isEqualTo(FlowArchive.sha256Of(Path.of("samples/ubl/invoice-valid.xml")));
        }
    }

    private Path takenByPartner() {
        return dataDir.resolve("taken-by-partner");
    }

    private ConfigurableApplicationContext start(TestDatabase database, boolean intake) {
        List<String> args = new java.util.ArrayList<>(List.of("--achemine.data-dir=" + dataDir,
                "--achemine.intake.enabled=" + intake, "--achemine.intake.poll-interval=100ms",
                "--achemine.intake.read-lock-interval=200ms"));
        args.addAll(database.arguments());
        return new SpringApplicationBuilder(AchemineApplication.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }

    private static List<Path> reports(Mailboxes mailboxes) throws IOException {
        try (Stream<Path> files = Files.list(mailboxes.out(PARTNER))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".cr.xml")
                    && !p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
