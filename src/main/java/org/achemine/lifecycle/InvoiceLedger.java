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

    private final JdbcTemplate jdbc;

    public InvoiceLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records invoices that passed the platform's integration checks, in status 01 Déposée at {@code at}:
     * an invoice exists only once integrated (one refused at integration never becomes 01). Routing moves
     * them on in the same transaction.
     */
    public void integrate(List<NewInvoice> invoices, Instant at) {
        OffsetDateTime when = utc(at);
        jdbc.batchUpdate("""
                        INSERT INTO invoice (invoice_id, flow_id, doc_rank, supplier_id, invoice_number, invoice_year,
                                             buyer_id, service_code, engagement_number, status, status_changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                invoices.stream().map(i -> new Object[] {i.invoiceId(), i.flowId(), i.docRank(), i.supplierId(),
                    i.invoiceNumber(), i.invoiceYear(), i.buyerId(), i.serviceCode(), i.engagementNumber(),
                    InvoiceStatus.DEPOSEE.code(), when}).toList());
        jdbc.batchUpdate("INSERT INTO invoice_status_history (invoice_id, seq, status, reform_code, actor, message,"
                        + " changed_at) VALUES (?, 1, ?, ?, ?, 'Facture déposée', ?)",
                invoices.stream().map(i -> new Object[] {i.invoiceId(), InvoiceStatus.DEPOSEE.code(),
                    InvoiceStatus.DEPOSEE.reformCode(), Actor.PLATFORM.name(), when}).toList());
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

    /** An accepted document that passed the integration checks, as it becomes an invoice. */
    public record NewInvoice(String invoiceId, String flowId, int docRank, String supplierId, String invoiceNumber,
                             Integer invoiceYear, String buyerId, String serviceCode, String engagementNumber) {
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
