package org.achemine.routing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.qualification.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Double billing: another integrated invoice of the same supplier, number and year that was not sent back
 * 04 by its recipient for recycling (those may be resent under the same number). An invoice refused at
 * integration is no invoice, so its corrected resend is not a duplicate of it. Routing reads invoices in
 * {@link ReceptionOrder}, so the earliest received keeps the number; the invoices this run integrated are
 * remembered, as they are written only with their chunk. One register per routing run. Production and
 * qualification (ADR 0025) are apart: testing an invoice in qualification never makes its production twin a
 * duplicate.
 */
public class JdbcDuplicateRegister implements DuplicateRegister {

    private record Key(String supplierId, String invoiceNumber, int invoiceYear, Environment environment) {
        static Key of(RoutingRequest request) {
            return new Key(request.supplierId(), request.invoiceNumber(), request.invoiceYear(), request.environment());
        }
    }

    private final JdbcTemplate jdbc;
    private final Map<Key, String> integratedThisRun = new HashMap<>();

    public JdbcDuplicateRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> acceptedBefore(RoutingRequest request) {
        if (request.supplierId() == null || request.invoiceNumber() == null) {
            return Optional.empty();
        }
        Optional<String> integrated = jdbc.queryForList("""
                SELECT i.invoice_id FROM invoice i JOIN flow f ON f.flow_id = i.flow_id
                WHERE i.supplier_id = ? AND i.invoice_number = ? AND i.invoice_year = ? AND i.invoice_id <> ?
                  AND i.status <> ? AND i.qualification = ?
                ORDER BY %s FETCH FIRST 1 ROWS ONLY""".formatted(ReceptionOrder.of("f", "i")), String.class,
                request.supplierId(), request.invoiceNumber(), request.invoiceYear(), request.invoiceId(),
                InvoiceStatus.A_RECYCLER.code(), request.environment().isQualification())
                .stream().findFirst();
        return integrated.or(() -> Optional.ofNullable(integratedThisRun.get(Key.of(request))));
    }

    @Override
    public void integrated(RoutingRequest request) {
        if (request.supplierId() != null && request.invoiceNumber() != null) {
            integratedThisRun.putIfAbsent(Key.of(request), request.invoiceId());
        }
    }
}
