package org.achemine.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.achemine.database.KeyLists;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.qualification.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Double billing: another integrated invoice of the same supplier, number and year that was not sent back
 * 04 by its recipient for recycling (those may be resent under the same number). An invoice refused at
 * integration is no invoice, so its corrected resend is not a duplicate of it. Routing reads invoices in
 * {@link ReceptionOrder}, so the earliest received keeps the number; the invoices this run integrated are
 * remembered, as they are written only with their chunk. One register per routing run. Production and
 * qualification (ADR 0025) are apart: testing an invoice in qualification never makes its production twin a
 * duplicate. Routing asks for a chunk's numbers at once ({@link #lookAhead}): one query per chunk, not one per
 * invoice; a number not looked ahead is asked on its own.
 */
public class JdbcDuplicateRegister implements DuplicateRegister {

    private record Key(String supplierId, String invoiceNumber, int invoiceYear, Environment environment) {
        static Key of(RoutingRequest request) {
            return new Key(request.supplierId(), request.invoiceNumber(), request.invoiceYear(), request.environment());
        }
    }

    private final JdbcTemplate jdbc;
    private final Map<Key, String> integratedThisRun = new HashMap<>();
    /** The integrated invoices of the numbers looked ahead, earliest received first (none: an empty list). */
    private final Map<Key, List<String>> lookedAhead = new HashMap<>();

    public JdbcDuplicateRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reads the integrated invoices of these requests' numbers (a chunk about to be decided) in one query
     * ({@link KeyLists}), forgetting the previous chunk's: what {@link #acceptedBefore} then answers from. As
     * exact as asking one by one: the chunk's own integrations are in the run's memory either way.
     */
    @Override
    public void lookAhead(List<RoutingRequest> requests) {
        lookedAhead.clear();
        List<Key> keys = requests.stream().filter(JdbcDuplicateRegister::numbered).map(Key::of).distinct().toList();
        keys.forEach(key -> lookedAhead.put(key, new ArrayList<>(1)));
        List<List<Object>> triples = keys.stream()
                .map(key -> List.<Object>of(key.supplierId(), key.invoiceNumber(), key.invoiceYear()))
                .distinct().toList();
        KeyLists.inSlices(triples, slice -> {
            List<Object> arguments = new ArrayList<>(3 * slice.size() + 1);
            slice.forEach(arguments::addAll);
            arguments.add(InvoiceStatus.A_RECYCLER.code());
            // on the index invoice_duplicates, H2 and PostgreSQL alike
            jdbc.query("""
                    SELECT i.supplier_id, i.invoice_number, i.invoice_year, i.qualification, i.invoice_id
                    FROM invoice i JOIN flow f ON f.flow_id = i.flow_id
                    WHERE (i.supplier_id, i.invoice_number, i.invoice_year) IN (%s) AND i.status <> ?
                    ORDER BY %s""".formatted(KeyLists.placeholders(slice.size(), 3), ReceptionOrder.of("f", "i")),
                    (RowCallbackHandler) rs -> {
                        List<String> earlier = lookedAhead.get(new Key(rs.getString(1), rs.getString(2), rs.getInt(3),
                                Environment.of(rs.getBoolean(4))));
                        if (earlier != null) {
                            earlier.add(rs.getString(5));
                        }
                    }, arguments.toArray());
        });
    }

    @Override
    public Optional<String> acceptedBefore(RoutingRequest request) {
        if (!numbered(request)) {
            return Optional.empty();
        }
        List<String> earlier = lookedAhead.get(Key.of(request));
        Optional<String> integrated = earlier != null
                ? earlier.stream().filter(id -> !id.equals(request.invoiceId())).findFirst()
                : jdbc.queryForList("""
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
        if (numbered(request)) {
            integratedThisRun.putIfAbsent(Key.of(request), request.invoiceId());
        }
    }

    private static boolean numbered(RoutingRequest request) {
        return request.supplierId() != null && request.invoiceNumber() != null;
    }
}
