package org.achemine.lifecycle.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.achemine.database.DatabaseSequence;
import org.achemine.archive.AtomicFiles;
import org.achemine.qualification.Environment;
import org.achemine.report.cppstatut.FactureStatutWriter.Envelope;
import org.achemine.lifecycle.report.LifecycleReportFormat.Lines;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.publication.PublicationKind;
import org.achemine.report.cppstatut.FactureStatutWriter;
import org.achemine.report.cppstatut.FluxStatut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes every status change not yet reported into a lifecycle report, one per supplier partner (the
 * partner that deposited the invoice) per run, into that partner's {@code out/}. Exactly once, across
 * crashes, by the publication journal's protocol: the report is written under a temporary name and forced to
 * disk; one commit records it READY, marks its history rows with its id and journals the file; it is renamed
 * into place; it is recorded WRITTEN. A run first finishes the READY reports a crash left (a temporary file
 * that is gone was renamed already: the supplier may have taken it, it is never written again). A change is in exactly one report:
 * rows are marked only in the commit that makes their report READY, and only if they are exactly the rows
 * the file lists. One run at a time (the job's triggers see to it).
 */
public class LifecycleReports {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleReports.class);
    /** The interface number of lifecycle reports in their ids, beside intake's 1100, 1106, 1190, 1199. */
    public static final String INTERFACE = "1310";
    /** How lifecycle report files end, after their id ({@link #fileName}). */
    static final String SUFFIX = ".xml";

    private static final String LINE_COLUMNS = """
            SELECT h.invoice_id, h.seq, h.status, h.reform_code, h.actor, h.reason_code, h.message, h.changed_at,
                   i.invoice_number, d.issue_date, i.supplier_id, COALESCE(i.recipient_siret, i.buyer_id),
                   COALESCE(i.routed_service, i.service_code), h.declared_at, d.supplier_name, d.supplier_scheme,
                   h.mandate_id, h.change_no
            FROM invoice_status_history h
            JOIN invoice i ON i.invoice_id = h.invoice_id
            JOIN flow_document d ON d.flow_id = i.flow_id AND d.doc_rank = i.doc_rank
            """;

    private final JdbcTemplate jdbc;
    private final DatabaseSequence reportSequence;
    private final TransactionTemplate tx;
    private final LifecycleReportFormat format;
    private final Mailboxes mailboxes;
    private final String platformCode;
    private final Clock clock;
    private final PublicationJournal publications;

    /** @param tx a template that commits on its own (REQUIRES_NEW): the protocol needs real commits */
    public LifecycleReports(JdbcTemplate jdbc, TransactionTemplate tx, LifecycleReportFormat format,
                            Mailboxes mailboxes, String platformCode, Clock clock, PublicationJournal publications) {
        this.publications = publications;
        this.jdbc = jdbc;
        this.reportSequence = new DatabaseSequence(jdbc, "lifecycle_report_sequence");
        this.tx = tx;
        this.format = format;
        this.mailboxes = mailboxes;
        this.platformCode = platformCode;
        this.clock = clock;
    }

    /** What a run did. */
    public record RunSummary(int reports, int changes, int resumed) {
    }

    /** A report written under its temporary name, not yet committed; {@code listed}: the change numbers it lists. */
    public record PreparedReport(String reportId, String partner, Path file, Path temporary, int changes,
                                 long upToChange, Instant producedAt, Environment environment, ChangeRanges listed) {
    }

    /** Finishes what a crash left, then reports every change written so far. */
    public RunSummary run() throws IOException {
        return run(() -> { }, () -> false);
    }

    /**
     * As {@link #run()}, running {@code beforeEachReport} before each report is prepared (no transaction open, no
     * file being written: the job waits there for its turn while the intake has a burst to answer, ADR 0029), and
     * ending early once {@code stopping} says so (the engine's stop): between two reports, or while a report is
     * written to its temporary file, which is then removed (nothing recorded yet: its changes wait for the next
     * run). A report committed is always published before the run ends.
     */
    public RunSummary run(Runnable beforeEachReport, BooleanSupplier stopping) throws IOException {
        int resumed = resumeReady();
        Long upTo = jdbc.queryForObject("SELECT MAX(change_no) FROM invoice_status_history", Long.class);
        if (upTo == null) {
            return new RunSummary(0, 0, resumed);
        }
        // a partner's qualification changes go to its qualif/out in reports of their own (ADR 0025)
        List<Map.Entry<String, Environment>> outboxes = jdbc.query("""
                SELECT DISTINCT f.partner, f.qualification FROM invoice_status_history h
                JOIN invoice i ON i.invoice_id = h.invoice_id JOIN flow f ON f.flow_id = i.flow_id
                WHERE h.lifecycle_report_id IS NULL AND h.change_no <= ? ORDER BY f.partner, f.qualification""",
                (rs, n) -> Map.entry(rs.getString(1), Environment.of(rs.getBoolean(2))), upTo);
        int reports = 0;
        int changes = 0;
        for (Map.Entry<String, Environment> mailbox : outboxes) {
            beforeEachReport.run();
            if (stopping.getAsBoolean()) {
                break;
            }
            PreparedReport prepared = prepare(mailbox.getKey(), mailbox.getValue(), upTo, stopping);
            if (prepared == null) {
                continue;
            }
            if (commit(prepared)) {
                publish(prepared.reportId());
                reports++;
                changes += prepared.changes();
            }
        }
        return new RunSummary(reports, changes, resumed);
    }

    /**
     * Stage 1: writes the partner's unreported changes (up to change number {@code upTo}) to a temporary
     * file, forced to disk and checked against the schema. Nothing is recorded yet: a crash here leaves
     * only a temporary file, removed by the partner's next report or the engine's next start.
     *
     * @return null when the partner has nothing to report
     */
    public PreparedReport prepare(String partner, long upTo) throws IOException {
        return prepare(partner, Environment.PRODUCTION, upTo);
    }

    /** As {@link #prepare(String, long)}, for the partner's production or qualification mailbox. */
    public PreparedReport prepare(String partner, Environment environment, long upTo) throws IOException {
        return prepare(partner, environment, upTo, () -> false);
    }

    private PreparedReport prepare(String partner, Environment environment, long upTo, BooleanSupplier stopping)
            throws IOException {
        boolean qualification = environment.isQualification();
        Integer count = jdbc.queryForObject("""
                SELECT COUNT(*) FROM invoice_status_history h
                JOIN invoice i ON i.invoice_id = h.invoice_id JOIN flow f ON f.flow_id = i.flow_id
                WHERE h.lifecycle_report_id IS NULL AND h.change_no <= ? AND f.partner = ? AND f.qualification = ?""",
                Integer.class, upTo, partner, qualification);
        if (count == null || count == 0) {
            return null;
        }
        Path outbox = Files.createDirectories(mailboxes.out(partner, environment));
        removeAbandoned(outbox);
        long sequence = reportSequence.next();
        String reportId = platformCode + INTERFACE + String.format("%015d", sequence);
        Path file = outbox.resolve(fileName(reportId));
        Path temporary = temporary(file);
        Instant producedAt = clock.instant();
        ChangeRanges[] listed = {new ChangeRanges()};
        Lines lines = each -> {
            listed[0] = new ChangeRanges(); // what the file lists: the last pass the writer made
            jdbc.query(LINE_COLUMNS + """
                    JOIN flow f ON f.flow_id = i.flow_id
                    WHERE h.lifecycle_report_id IS NULL AND h.change_no <= ? AND f.partner = ? AND f.qualification = ?
                    ORDER BY h.change_no""", lineReader(each, listed[0], stopping), upTo, partner, qualification);
        };
        try {
            format.write(temporary, envelope(reportId, partner, producedAt), count, lines);
        } catch (Stopped stopped) {
            AtomicFiles.discard(temporary, stopped);
            LOG.info("Lifecycle report {} for {} dropped: the engine is stopping; its changes go in the next one",
                    reportId, partner);
            return null;
        } catch (IOException | RuntimeException failed) {
            AtomicFiles.discard(temporary, failed);
            throw failed;
        }
        return new PreparedReport(reportId, partner, file, temporary, count, upTo, producedAt, environment, listed[0]);
    }

    /**
     * Stage 2: in one commit, the report READY and its rows marked: the rows of the change numbers the file lists,
     * by ranges of consecutive numbers, each still unreported. If they are no longer all there to mark, nothing is
     * recorded, the temporary file is removed and the changes wait for the next run. (A change committed late with
     * a smaller number is in no range: it waits for the next report.)
     *
     * @return whether it was committed
     */
    public boolean commit(PreparedReport report) {
        Boolean committed = tx.execute(status -> {
            jdbc.update("INSERT INTO lifecycle_report (report_id, partner, file_path, stage, changes, produced_at)"
                            + " VALUES (?, ?, ?, 'READY', ?, ?)", report.reportId(), report.partner(),
                    report.file().toString(), report.changes(), Timestamp.from(report.producedAt()));
            int marked = Arrays.stream(jdbc.batchUpdate("""
                    UPDATE invoice_status_history SET lifecycle_report_id = ?
                    WHERE lifecycle_report_id IS NULL AND change_no BETWEEN ? AND ?""",
                    report.listed().arguments(report.reportId()))).sum();
            if (marked != report.changes() || report.listed().count() != report.changes()) {
                status.setRollbackOnly();
                return false;
            }
            try {
                publications.journalWithCaller(PublicationKind.LIFECYCLE_REPORT, report.reportId(), report.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        });
        if (!Boolean.TRUE.equals(committed)) {
            LOG.warn("Lifecycle report {} for {} abandoned: its changes moved meanwhile; they go in the next one",
                    report.reportId(), report.partner());
            AtomicFiles.discard(report.temporary(), new IOException("abandoned"));
            return false;
        }
        return true;
    }

    /**
     * Stage 3 and 4: renames a READY report's file into place through the publication journal (if its temporary
     * file is gone, the rename happened, and the supplier may have taken the report since: it is never written
     * again), then records it WRITTEN in the journal's PUBLISHED commit.
     */
    public void publish(String reportId) throws IOException {
        Map<String, Object> ready = jdbc.queryForMap("SELECT partner, file_path FROM lifecycle_report"
                + " WHERE report_id = ? AND stage = 'READY'", reportId);
        Path file = Path.of((String) ready.get("file_path"));
        // WRITTEN in the commit that marks the file PUBLISHED: a crash before it leaves the report READY, finished
        // again by the next run (its temporary file gone: marked, never written again)
        publications.finish(file, () -> jdbc.update("UPDATE lifecycle_report SET stage = 'WRITTEN', written_at = ?"
                + " WHERE report_id = ?", Timestamp.from(clock.instant()), reportId));
        LOG.info("Lifecycle report {} for {}: {}", reportId, ready.get("partner"), file);
    }

    /** The reports a crash left READY, published now. */
    int resumeReady() throws IOException {
        List<String> ready = jdbc.queryForList("SELECT report_id FROM lifecycle_report WHERE stage = 'READY'"
                + " ORDER BY report_id", String.class);
        for (String reportId : ready) {
            publish(reportId);
        }
        return ready.size();
    }

    /**
     * {@code FEN1200A_<platform>_<reportId>.xml}, e.g. {@code FEN1200A_ACH001_ACH0011310000000000000042.xml}: Chorus's
     * {@code <interface>_<application>_<flowId>} shape.
     */
    public String fileName(String reportId) {
        return FluxStatut.fileName(FactureStatutWriter.INTERFACE_CODE, platformCode, reportId);
    }

    static Path temporary(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".tmp");
    }

    private Envelope envelope(String reportId, String partner, Instant producedAt) {
        return new Envelope(platformCode, partner, reportId, producedAt);
    }

    /**
     * Temporary report files of runs that stopped before their commit: no READY report will rename them
     * (runs are one at a time, and READY ones were published first).
     */
    private void removeAbandoned(Path outbox) throws IOException {
        Set<String> ready = new HashSet<>(jdbc.queryForList(
                "SELECT report_id FROM lifecycle_report WHERE stage = 'READY'", String.class));
        String prefix = "." + FactureStatutWriter.INTERFACE_CODE + "_" + platformCode + "_";
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(outbox, prefix + "*" + SUFFIX + ".tmp")) {
            for (Path leftover : leftovers) {
                String name = leftover.getFileName().toString();
                String reportId = name.substring(prefix.length(), name.length() - SUFFIX.length() - ".tmp".length());
                if (!ready.contains(reportId)) {
                    Files.deleteIfExists(leftover);
                }
            }
        }
    }

    /** Thrown from the lines being written when the engine stops: the report is dropped. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("engine stopping", null, false, false);
        }
    }

    private static RowCallbackHandler lineReader(Consumer<StatusLine> each, ChangeRanges listed,
                                                 BooleanSupplier stopping) {
        return rs -> {
            if (stopping.getAsBoolean()) {
                throw new Stopped();
            }
            listed.add(rs.getLong(18));
            Date issued = rs.getDate(10);
            OffsetDateTime declared = rs.getObject(14, OffsetDateTime.class);
            each.accept(new StatusLine(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(),
                    rs.getString(9), issued == null ? null : issued.toLocalDate(), rs.getString(11),
                    rs.getString(12), rs.getString(13), declared == null ? null : declared.toInstant(),
                    rs.getString(15), rs.getString(16), rs.getString(17)));
        };
    }
}
