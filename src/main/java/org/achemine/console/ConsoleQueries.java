package org.achemine.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.achemine.batch.IntakeYield;
import org.achemine.batch.JobHistory;
import org.achemine.console.Dashboard.Backlog;
import org.achemine.console.Dashboard.CodeCount;
import org.achemine.console.Dashboard.FlowCount;
import org.achemine.console.Dashboard.StatusCount;
import org.achemine.intake.IntakeGate;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.qualification.Environment;
import org.achemine.qualification.EnvironmentCountQueries;
import org.achemine.report.InvoiceQueries;
import org.achemine.report.InvoiceQueries.FlowSummary;
import org.achemine.report.InvoiceQueries.InvoiceSummary;
import org.achemine.validation.FindingCode;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the console's pages ask that the CLI does not: the day's dashboard and a free-text search. */
public class ConsoleQueries {

    private static final int TOP_CODES = 10;
    private static final int SEARCH_LIMIT = 50;

    private final JdbcTemplate jdbc;
    private final InvoiceQueries flowQueries;
    private final EnvironmentCountQueries environments;
    private final JobHistory jobs;
    private final IntakeGate gate;
    private final Clock clock;
    private final ZoneId zone;
    private final IntakeYield intakeYield;

    /**
     * @param gate        null when intake is off (an engine run with {@code achemine.intake.enabled=false})
     * @param intakeYield which jobs yield to a burst at the intake now
     */
    public ConsoleQueries(JdbcTemplate jdbc, JobHistory jobs, IntakeGate gate, Clock clock, ZoneId zone,
                          IntakeYield intakeYield) {
        this.intakeYield = intakeYield;
        this.jdbc = jdbc;
        this.flowQueries = new InvoiceQueries(jdbc);
        this.environments = new EnvironmentCountQueries(jdbc);
        this.jobs = jobs;
        this.gate = gate;
        this.clock = clock;
        this.zone = zone;
    }

    public Dashboard today() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), zone);
        OffsetDateTime from = day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime to = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        // production's figures only; qualification's apart (ADR 0025)
        List<ReceivedToday> flows = jdbc.query("SELECT partner, received_at, flow_state FROM flow"
                        + " WHERE received_at >= ? AND received_at < ? AND qualification = FALSE",
                (rs, n) -> new ReceivedToday(rs.getString(1), instant(rs, 2), rs.getString(3)), from, to);
        List<StatusCount> statuses = new ArrayList<>(jdbc.query(
                "SELECT status, COUNT(*) FROM invoice WHERE qualification = FALSE GROUP BY status ORDER BY status",
                (rs, n) -> new StatusCount(rs.getString(1), statusLabel(rs.getString(1)), rs.getLong(2))));
        long refusals = count("SELECT COUNT(*) FROM integration_refusal r JOIN flow f ON f.flow_id = r.flow_id"
                + " WHERE f.qualification = FALSE");
        if (refusals > 0) {
            statuses.add(new StatusCount("213", "Refusée à l'intégration (pas de statut)", refusals));
        }
        List<CodeCount> codes = jdbc.query("""
                SELECT code, COUNT(*) FROM (
                    SELECT DISTINCT ff.flow_id, ff.doc_rank, ff.code FROM flow_finding ff JOIN flow f ON f.flow_id = ff.flow_id
                    WHERE ff.severity = 'fatal' AND f.received_at >= ? AND f.received_at < ? AND f.qualification = FALSE
                    UNION ALL
                    SELECT r.flow_id, r.doc_rank, r.refusal_code FROM integration_refusal r JOIN flow f ON f.flow_id = r.flow_id
                    WHERE r.refused_at >= ? AND r.refused_at < ? AND f.qualification = FALSE) refused
                GROUP BY code ORDER BY COUNT(*) DESC, code LIMIT ?""",
                (rs, n) -> new CodeCount(rs.getString(1), codeLabel(rs.getString(1)), rs.getLong(2)),
                from, to, from, to, TOP_CODES);
        Backlog backlog = new Backlog(
                count("SELECT COUNT(*) FROM flow WHERE stage NOT IN ('REPORTED', 'PARKED')"),
                count("SELECT COUNT(*) FROM flow WHERE stage = 'PARKED'"),
                count("SELECT COUNT(*) FROM invoice WHERE status = '01' AND qualification = FALSE"),
                count("SELECT COUNT(*) FROM invoice_status_history WHERE lifecycle_report_id IS NULL"));
        return new Dashboard(day, zone.getId(), counts(flows, ReceivedToday::partner),
                counts(flows, f -> String.format("%02d h", f.receivedAt().atZone(zone).getHour())), statuses, codes,
                backlog, jobs.recent(8), gate == null || gate.isOpen(),
                gate == null ? Map.of("intake", "désactivée (achemine.intake.enabled=false)") : gate.problems(),
                gate == null ? null : gate.checkedAt().orElse(null), environments.of(Environment.QUALIFICATION),
                new TreeMap<>(intakeYield.pausedSince()));
    }

    /**
     * Invoices (and refusals at integration) whose id, number, supplier or recipient SIRET is the term, and flows
     * whose id is the term or whose name contains it.
     */
    public SearchResults search(String term) {
        String t = term.strip();
        List<InvoiceSummary> invoices = jdbc.query("""
                SELECT invoice_id, invoice_number, supplier_id, COALESCE(recipient_siret, buyer_id), status,
                       status_changed_at, CAST(NULL AS VARCHAR(64)), CAST(NULL AS VARCHAR(32))
                FROM invoice WHERE invoice_id = ? OR invoice_number = ? OR supplier_id = ? OR recipient_siret = ?
                                OR buyer_id = ? OR flow_id = ?
                UNION ALL
                SELECT invoice_id, invoice_number, supplier_id, buyer_id, CAST(NULL AS CHAR(2)), refused_at,
                       refusal_code, reform_reason
                FROM integration_refusal WHERE invoice_id = ? OR invoice_number = ? OR supplier_id = ? OR buyer_id = ?
                                            OR flow_id = ?
                ORDER BY 6 DESC LIMIT ?""",
                (rs, n) -> new InvoiceSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs, 6), rs.getString(7), rs.getString(8), false),
                t, t, t, t, t, t, t, t, t, t, t, SEARCH_LIMIT);
        return new SearchResults(t, invoices, flowQueries.flowsMatching(t, SEARCH_LIMIT));
    }

    /** "03 Mise à disposition du destinataire", or the code alone when unknown. */
    public static String statusLabel(String code) {
        try {
            return InvoiceStatus.ofCode(code).label();
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    /**
     * A plain label for a blocking code: the first clause of its French message for our own codes, the rule
     * family for the official EN 16931 ones (their message is in the report).
     */
    public static String codeLabel(String code) {
        try {
            String message = FindingCode.valueOf(code).messageFr("…", "…", "…", "…").strip();
            int end = message.length();
            for (String stop : List.of(" : ", ". ", " (")) {
                int at = message.indexOf(stop);
                if (at > 0 && at < end) {
                    end = at;
                }
            }
            return message.substring(0, end).replaceAll("[.:]$", "");
        } catch (IllegalArgumentException notOurs) {
            return "Règle officielle EN 16931 (voir le message dans le compte rendu)";
        }
    }

    private static List<FlowCount> counts(List<ReceivedToday> flows, Function<ReceivedToday, String> key) {
        Map<String, long[]> byKey = new TreeMap<>();
        for (ReceivedToday flow : flows) {
            long[] counts = byKey.computeIfAbsent(key.apply(flow), k -> new long[4]);
            counts[0]++;
            if ("IN_INTEGRE".equals(flow.state())) {
                counts[1]++;
            } else if ("IN_INTEGRE_PARTIEL".equals(flow.state())) {
                counts[2]++;
            } else if ("IN_REJETE".equals(flow.state())) {
                counts[3]++;
            }
        }
        return byKey.entrySet().stream().map(e -> new FlowCount(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], e.getValue()[3])).sorted(Comparator.comparing(FlowCount::key)).toList();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private record ReceivedToday(String partner, Instant receivedAt, String state) {
    }

    /** What a search found: invoices and refusals, flows. */
    public record SearchResults(String term, List<InvoiceSummary> invoices, List<FlowSummary> flows) {
    }
}
