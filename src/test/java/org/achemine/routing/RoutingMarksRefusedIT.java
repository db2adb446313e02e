package org.achemine.routing;

import static org.achemine.testing.StoppableEngine.acceptedInvoicesWaiting;
import static org.achemine.testing.StoppableEngine.count;
import static org.achemine.testing.StoppableEngine.files;
import static org.achemine.testing.StoppableEngine.runJob;
import static org.achemine.testing.StoppableEngine.start;
import static org.achemine.testing.StoppableEngine.temporaryFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.achemine.testing.AcceptedFlows;
import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The journal's double-failure rule on the routing side ({@code PublicationJournal.publishGroups}, called by
 * {@code InvoiceDelivery.deliverChunk}): a routing chunk whose owed {@code PUBLISHED} marks (the previous chunk's)
 * are refused, in its shared commit and then alone, journals nothing of its own and fails; once the refusal
 * clears, the next run and the next start deliver every invoice exactly once, even the files the recipient took
 * in between. Real engine contexts, H2 file (a real trigger refuses the marks), real mailboxes.
 */
class RoutingMarksRefusedIT {

    private static final int INVOICES = 25;
    private static final int CHUNK = 5;
    private static final String CHUNKS = "--achemine.routing.chunk-size=" + CHUNK;
    private static final String BELLERIVE = "21690012600014";

    @TempDir
    Path work;

    @Test
    void aChunkWhoseOwedMarksAreRefusedTwiceJournalsNothingAndOnceClearedEveryInvoiceIsDeliveredOnce()
            throws Exception {
        // given accepted invoices waiting for routing, and the journal's PUBLISHED marks refused by the database
        Path dataDir = work.resolve("data");
        Path delivered = dataDir.resolve("mailboxes/COL001/out"); // the recipient partner serving BELLERIVE
        try (ConfigurableApplicationContext engine = start(dataDir, "--achemine.intake.enabled=false", CHUNKS)) {
            JdbcTemplate db = engine.getBean(JdbcTemplate.class);
            acceptedInvoicesWaiting(engine, dataDir, INVOICES, INVOICES, n -> new AcceptedFlows.Document(
                    String.format("F-MARK-%03d", n), BELLERIVE, "SCE-TECH-042", null, false));
            db.execute("CREATE TABLE marks_refused (why VARCHAR(40))");
            db.update("INSERT INTO marks_refused VALUES ('disk full')");
            db.execute("CREATE TRIGGER refuse_marks BEFORE UPDATE ON publication FOR EACH ROW CALL \""
                    + RefuseMarks.class.getName() + "\"");

            // when routing runs: chunk 1's files are renamed into place, their marks owed to chunk 2's commit
            JobExecution refused = runJob(engine, "routingJob", "refused");

            // then chunk 2 failed with the marks (refused with its rows, then alone), journaling none of its files,
            // and the run failed there: chunk 1 routed, its rows PENDING with their files in place, nothing else
            assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(refused.getAllFailureExceptions()).anySatisfy(failure ->
                    assertThat(failure).hasStackTraceContaining("PUBLISHED marks refused"));
            assertThat(count(db, "SELECT COUNT(*) FROM invoice WHERE status = '03'")).isEqualTo(CHUNK);
            assertThat(db.queryForList("SELECT DISTINCT state FROM publication", String.class))
                    .containsExactly("PENDING");
            assertThat(count(db, "SELECT COUNT(*) FROM publication")).isEqualTo(CHUNK);
            assertThat(files(delivered, ".xml")).hasSize(CHUNK);
            assertThat(db.queryForList("SELECT delivery_path FROM invoice", String.class))
                    .allSatisfy(path -> assertThat(Path.of(path)).exists());

            // when the recipient takes (downloads and deletes) what it sees, the refusal clears, routing runs again
            for (Path file : files(delivered, ".xml")) {
                Files.delete(file);
            }
            db.update("DELETE FROM marks_refused");
            JobExecution again = runJob(engine, "routingJob", "again");

            // then the rest is routed and published, chunk 2's invoices written from scratch, once each
            assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(count(db, "SELECT COUNT(*) FROM invoice WHERE status = '03'")).isEqualTo(INVOICES);
            assertThat(files(delivered, ".xml")).hasSize(INVOICES - CHUNK);
            assertThat(count(db, "SELECT COUNT(*) FROM publication WHERE kind = 'DELIVERY' AND state = 'PENDING'"))
                    .as("the refused run's first chunk, waiting for a start").isEqualTo(CHUNK);
        }

        // and the next start finishes the refused run's first chunk from the journal, writing none of it again
        try (ConfigurableApplicationContext next = start(dataDir, CHUNKS)) {
            JdbcTemplate db = next.getBean(JdbcTemplate.class);
            assertThat(count(db, "SELECT COUNT(*) FROM publication WHERE state = 'PENDING'")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM publication WHERE kind = 'DELIVERY'")).isEqualTo(INVOICES);
            List<String> paths = db.queryForList("SELECT delivery_path FROM invoice", String.class);
            assertThat(paths).hasSize(INVOICES).doesNotHaveDuplicates();
            Map<String, String> histories = new HashMap<>();
            db.query("SELECT invoice_id, status FROM invoice_status_history ORDER BY invoice_id, seq",
                    (RowCallbackHandler) rs -> histories.merge(rs.getString(1), rs.getString(2),
                            (before, then) -> before + "," + then));
            assertThat(histories).hasSize(INVOICES).allSatisfy((invoice, history) ->
                    assertThat(history).isEqualTo("01,02,03"));
        }
        assertThat(files(delivered, ".xml")).hasSize(INVOICES - CHUNK);
        assertThat(temporaryFiles(dataDir.resolve("mailboxes"))).isEmpty();
    }

    /** Refuses every update of the publication journal while {@code marks_refused} has a row (a failing disk). */
    public static class RefuseMarks implements Trigger {

        @Override
        public void fire(Connection connection, Object[] before, Object[] after) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet refused = statement.executeQuery("SELECT COUNT(*) FROM marks_refused")) {
                refused.next();
                if (refused.getInt(1) > 0) {
                    throw new SQLException("PUBLISHED marks refused (test trigger)");
                }
            }
        }
    }
}
