package org.achemine.lifecycle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The invoices and the history of their statuses. Every change goes through {@link #change}, which
 * refuses what {@link StatusTransitions} does not allow, so the history can never hold an impossible
 * sequence. Callers own the transaction.
 */
public class InvoiceLedger {

    private static final int REGISTRATION_BATCH = 1000;

    private final JdbcTemplate jdbc;

    public InvoiceLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registers as invoices, in status 01 Déposée dated when validation accepted them, the accepted
     * documents of every flow whose deposit report is out and that is not registered yet. Works on a
     * fixed list of flows per round, so a flow reported meanwhile waits for the next round, never skipped.
     */
    public int registerDeposited() {
        int registered = 0;
        List<String> flows;
        while (!(flows = jdbc.queryForList("SELECT flow_id FROM flow WHERE stage = 'REPORTED' AND invoices_registered = FALSE"
                + " ORDER BY flow_id FETCH FIRST " + REGISTRATION_BATCH + " ROWS ONLY", String.class)).isEmpty()) {
            registered += register(flows);
        }
        return registered;
    }

    private int register(List<String> flows) {
        String in = String.join(", ", java.util.Collections.nCopies(flows.size(), "?"));
        Object[] ids = flows.toArray();
        int registered = jdbc.update("""
                INSERT INTO invoice (invoice_id, flow_id, doc_rank, supplier_id, invoice_number, invoice_year, buyer_id,
                                     service_code, engagement_number, status, status_changed_at)
                SELECT d.flow_id || '-' || d.doc_rank, d.flow_id, d.doc_rank, d.supplier_id, d.invoice_number,
                       EXTRACT(YEAR FROM d.issue_date), d.buyer_id, d.service_code, d.engagement_number, '01', f.validated_at
                FROM flow_document d JOIN flow f ON f.flow_id = d.flow_id
                WHERE d.decision = 'ACCEPTED' AND d.flow_id IN (%s)""".formatted(in), ids);
        jdbc.update("""
                INSERT INTO invoice_status_history (invoice_id, seq, status, reform_code, actor, message, changed_at)
                SELECT i.invoice_id, 1, '01', '%s', '%s', 'Facture déposée', i.status_changed_at FROM invoice i
                WHERE i.flow_id IN (%s)""".formatted(InvoiceStatus.DEPOSEE.reformCode(), Actor.PLATFORM.name(), in), ids);
        jdbc.update("UPDATE flow SET invoices_registered = TRUE WHERE flow_id IN (%s)".formatted(in), ids);
        return registered;
    }

    /**
     * Moves an invoice to a new status if the transition table allows it from its current status.
     *
     * @throws ForbiddenTransitionException when it does not (or a mandatory reason is missing)
     */
    public void change(String invoiceId, InvoiceStatus to, Actor by, String reasonCode, String message, Instant at) {
        change(invoiceId, to, by, reasonCode, message, at, null);
    }

    /**
     * As {@link #change(String, InvoiceStatus, Actor, String, String, Instant)}, keeping the time the change's
     * producer declared beside the platform's {@code at}.
     */
    public void change(String invoiceId, InvoiceStatus to, Actor by, String reasonCode, String message, Instant at,
                       Instant declaredAt) {
        InvoiceStatus from = status(invoiceId).orElseThrow(() -> new UnknownInvoiceException(invoiceId));
        changeAll(List.of(new Change(invoiceId, from, to, by, reasonCode, message, at, declaredAt)));
    }

    /**
     * Applies many changes in a few batched statements (routing applies a chunk at a time). Each change
     * names the status it expects the invoice to be in; if any invoice is no longer there (a concurrent
     * change), nothing of the batch may stand: the exception makes the caller's transaction roll back.
     *
     * @throws ForbiddenTransitionException for a change the table does not allow, or a lost race
     */
    public void changeAll(List<Change> changes) {
        for (Change change : changes) {
            StatusTransitions.Transition transition = StatusTransitions.find(change.from(), change.by(), change.to())
                    .orElseThrow(() -> new ForbiddenTransitionException(change.invoiceId(), change.from(), change.by(),
                            change.to()));
            if (transition.reasonRequired() && (change.reasonCode() == null || change.reasonCode().isBlank())) {
                throw new ForbiddenTransitionException(change.invoiceId(), change.from(), change.by(), change.to(),
                        "un motif est obligatoire");
            }
            if (change.by() != Actor.PLATFORM && change.reasonCode() != null && !justifies(change.reasonCode(), change.to())) {
                throw new ForbiddenTransitionException(change.invoiceId(), change.from(), change.by(), change.to(),
                        "le motif " + change.reasonCode() + " ne justifie pas ce statut");
            }
        }
        // Conditional on the expected status: a concurrent change (another routing run, a status file)
        // fails the batch instead of writing a second, impossible history. The time is never earlier than the
        // invoice's previous change, so the history's order and its times agree.
        int[] updated = jdbc.batchUpdate("UPDATE invoice SET status = ?, status_changed_at = GREATEST(CAST(? AS TIMESTAMP(3) WITH TIME ZONE), status_changed_at),"
                        + " reason_code = COALESCE(?, reason_code), reason_message = COALESCE(?, reason_message)"
                        + " WHERE invoice_id = ? AND status = ?",
                changes.stream().map(c -> new Object[] {c.to().code(), utc(c.at()), c.reasonCode(),
                    truncate(c.message()), c.invoiceId(), c.from().code()}).toList());
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] != 1) {
                Change lost = changes.get(i);
                throw new ForbiddenTransitionException(lost.invoiceId(), lost.from(), lost.by(), lost.to(),
                        "statut modifié entre-temps");
            }
        }
        jdbc.batchUpdate("INSERT INTO invoice_status_history (invoice_id, seq, status, reform_code, actor, reason_code,"
                        + " message, changed_at, declared_at) SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ?,"
                        + " (SELECT status_changed_at FROM invoice WHERE invoice_id = ?), ?"
                        + " FROM invoice_status_history WHERE invoice_id = ?",
                changes.stream().map(c -> new Object[] {c.invoiceId(), c.to().code(), c.to().reformCode(), c.by().name(),
                    c.reasonCode(), truncate(c.message()), c.invoiceId(), utc(c.declaredAt()), c.invoiceId()}).toList());
    }

    public Optional<InvoiceStatus> status(String invoiceId) {
        return jdbc.queryForList("SELECT status FROM invoice WHERE invoice_id = ?", String.class, invoiceId).stream()
                .findFirst().map(InvoiceStatus::ofCode);
    }

    public List<StatusChange> history(String invoiceId) {
        return jdbc.query("SELECT seq, status, reform_code, actor, reason_code, message, changed_at, declared_at"
                        + " FROM invoice_status_history WHERE invoice_id = ? ORDER BY seq",
                (rs, i) -> new StatusChange(rs.getInt(1), InvoiceStatus.ofCode(rs.getString(2)), rs.getString(3),
                        Actor.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant(), instant(rs.getObject(8, OffsetDateTime.class))),
                invoiceId);
    }

    /** A catalogue reason must belong to the status it justifies; routing's finding codes are not catalogue reasons. */
    private static boolean justifies(String reasonCode, InvoiceStatus status) {
        return Arrays.stream(StatusReason.values()).anyMatch(r -> r.name().equals(reasonCode) && r.justifies(status));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    /**
     * A status change to apply: the invoice must be in {@code from}. {@code at} is the platform's time (moved
     * up to the invoice's previous change if earlier); {@code declaredAt} the producer's, or null.
     */
    public record Change(String invoiceId, InvoiceStatus from, InvoiceStatus to, Actor by, String reasonCode,
                         String message, Instant at, Instant declaredAt) {

        /** A change the platform makes: no declared time. */
        public Change(String invoiceId, InvoiceStatus from, InvoiceStatus to, Actor by, String reasonCode,
                      String message, Instant at) {
            this(invoiceId, from, to, by, reasonCode, message, at, null);
        }
    }

    /** One line of an invoice's history: {@code at} recorded by the platform, {@code declaredAt} by its producer. */
    public record StatusChange(int seq, InvoiceStatus status, String reformCode, Actor actor, String reasonCode,
                               String message, Instant at, Instant declaredAt) {
    }
}
