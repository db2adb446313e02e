package org.achemine.routing;

import java.util.Optional;
import org.achemine.lifecycle.InvoiceStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Double billing, from the invoice table: another invoice of the same supplier, number and year that was
 * not sent back for recycling (04) — those may be resent under the same number. Invoices still waiting
 * for routing count when they came first (smaller id), as routing takes them in id order.
 */
public class JdbcDuplicateRegister implements DuplicateRegister {

    private final JdbcTemplate jdbc;

    public JdbcDuplicateRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> acceptedBefore(RoutingRequest request) {
        if (request.supplierId() == null || request.invoiceNumber() == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("""
                SELECT invoice_id FROM invoice
                WHERE supplier_id = ? AND invoice_number = ? AND invoice_year = ? AND invoice_id <> ?
                  AND status <> ? AND (status <> ? OR invoice_id < ?)
                ORDER BY invoice_id FETCH FIRST 1 ROWS ONLY""", String.class,
                request.supplierId(), request.invoiceNumber(), request.invoiceYear(), request.invoiceId(),
                InvoiceStatus.A_RECYCLER.code(), InvoiceStatus.DEPOSEE.code(), request.invoiceId())
                .stream().findFirst();
    }
}
