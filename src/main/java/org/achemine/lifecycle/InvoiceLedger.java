package org.achemine.lifecycle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

    /** An invoice is in its flow's environment, production or qualification (ADR 0025). */
    private static final String FLOW_ENVIRONMENT =
            "COALESCE((SELECT f.qualification FROM flow f WHERE f.flow_id = ?), FALSE)";

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
                                             buyer_id, service_code, engagement_number, status, status_changed_at,
                                             qualification)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %s)""".formatted(FLOW_ENVIRONMENT),
                invoices.stream().map(i -> new Object[] {i.invoiceId(), i.flowId(), i.docRank(), i.supplierId(),
                    i.invoiceNumber(), i.invoiceYear(), i.buyerId(), i.serviceCode(), i.engagementNumber(),
                    InvoiceStatus.DEPOSEE.code(), when, i.flowId()}).toList());
        jdbc.batchUpdate("INSERT INTO invoice_status_history (invoice_id, seq, status, reform_code, actor, message,"
                        + " changed_at) VALUES (?, 1, ?, ?, ?, 'Facture déposée', ?)",
                invoices.stream().map(i -> new Object[] {i.invoiceId(), InvoiceStatus.DEPOSEE.code(),
                    InvoiceStatus.DEPOSEE.reformCode(), Actor.PLATFORM.name(), when}).toList());
    }

    /**
     * Records invoices that passed integration and that the platform moved on in the same transaction (routing:
     * 01 Déposée, then its changes, e.g. 02 and 03 with the delivery): each invoice is inserted once, already
     * in its last status, and its whole history (01 then the changes, numbered 1, 2, ...) in one batch — the
     * same rows as {@link #integrate} followed by {@link #changeAll} for each step, without updating a row the
     * transaction has just inserted.
     *
     * @throws ForbiddenTransitionException when the changes do not chain from 01 as the transition table allows
     */
    public void integrateMovedOn(List<MovedOn> invoices, Instant at) {
        OffsetDateTime when = utc(at);
        List<Object[]> rows = new ArrayList<>(invoices.size());
        List<List<Object[]>> historyBySeq = new ArrayList<>();
        for (MovedOn moved : invoices) {
            NewInvoice i = moved.invoice();
            InvoiceStatus status = InvoiceStatus.DEPOSEE;
            String reasonCode = null;
            String message = null;
            OffsetDateTime changedAt = when;
            addHistory(historyBySeq, 0, new Object[] {i.invoiceId(), 1, InvoiceStatus.DEPOSEE.code(),
                InvoiceStatus.DEPOSEE.reformCode(), Actor.PLATFORM.name(), null, "Facture déposée", when, null});
            for (int n = 0; n < moved.changes().size(); n++) {
                Change change = moved.changes().get(n);
                if (!change.invoiceId().equals(i.invoiceId()) || change.from() != status) {
                    throw new ForbiddenTransitionException(i.invoiceId(), status, change.by(), change.to(),
                            "changements non enchaînés depuis " + status.code());
                }
                check(change);
                status = change.to();
                // never earlier than the previous change, as changeAll keeps it
                changedAt = change.at().isAfter(changedAt.toInstant()) ? utc(change.at()) : changedAt;
                reasonCode = change.reasonCode() == null ? reasonCode : change.reasonCode();
                message = change.message() == null ? message : truncate(change.message());
                addHistory(historyBySeq, n + 1, new Object[] {i.invoiceId(), n + 2, status.code(), status.reformCode(),
                    change.by().name(), change.reasonCode(), truncate(change.message()), changedAt,
                    utc(change.declaredAt())});
            }
            rows.add(new Object[] {i.invoiceId(), i.flowId(), i.docRank(), i.supplierId(), i.invoiceNumber(),
                i.invoiceYear(), i.buyerId(), i.serviceCode(), i.engagementNumber(), status.code(), changedAt,
                moved.recipientSiret(), moved.routedService(), moved.deliveryPath(), reasonCode, message, i.flowId()});
        }
        jdbc.batchUpdate("""
                        INSERT INTO invoice (invoice_id, flow_id, doc_rank, supplier_id, invoice_number, invoice_year,
                                             buyer_id, service_code, engagement_number, status, status_changed_at,
                                             recipient_siret, routed_service, delivery_path, reason_code, reason_message,
                                             qualification)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %s)""".formatted(FLOW_ENVIRONMENT), rows);
        // Step by step (every 01, then every second change, ...) as the separate statements wrote them, so the
        // change numbers a lifecycle report follows keep the same order.
        for (List<Object[]> step : historyBySeq) {
            jdbc.batchUpdate("INSERT INTO invoice_status_history (invoice_id, seq, status, reform_code, actor,"
                    + " reason_code, message, changed_at, declared_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", step);
        }
    }

    private static void addHistory(List<List<Object[]>> historyBySeq, int step, Object[] row) {
        while (historyBySeq.size() <= step) {
            historyBySeq.add(new ArrayList<>());
        }
        historyBySeq.get(step).add(row);
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
        changes.forEach(InvoiceLedger::check);
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

    /** Refuses a change the transition table does not allow, or whose reason is missing or does not fit. */
    private static void check(Change change) {
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
     * An integrated invoice with the platform's changes after 01 Déposée (in order, all at the same time), and
     * where routing sent it (null when it did not).
     */
    public record MovedOn(NewInvoice invoice, List<Change> changes, String recipientSiret, String routedService,
                          String deliveryPath) {
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
