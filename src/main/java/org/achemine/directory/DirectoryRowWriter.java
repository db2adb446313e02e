package org.achemine.directory;

import java.sql.Date;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes parsed directory rows into the generation being loaded. A row replaces any row with its key (delete,
 * then insert: the same SQL on H2 and PostgreSQL), so the last occurrence of a duplicated row wins and a
 * restarted chunk is harmless.
 */
public class DirectoryRowWriter<T> implements ItemWriter<DirectoryEntry<T>> {

    private final JdbcTemplate jdbc;
    private final DirectoryImportIssues issues;
    private final int keyColumns;
    private final String delete;
    private final String insert;
    private final Function<T, Object[]> columns;

    DirectoryRowWriter(JdbcTemplate jdbc, DirectoryImportIssues issues, String table, List<String> columnNames,
                       int keyColumns, Function<T, Object[]> columns) {
        this.jdbc = jdbc;
        this.issues = issues;
        this.keyColumns = keyColumns;
        this.delete = "DELETE FROM " + table + " WHERE " + columnNames.subList(0, keyColumns).stream()
                .map(c -> c + " = ?").collect(Collectors.joining(" AND "));
        this.insert = "INSERT INTO " + table + " (" + String.join(", ", columnNames) + ") VALUES ("
                + columnNames.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        this.columns = columns;
    }

    static DirectoryRowWriter<PublicStructure> structures(JdbcTemplate jdbc, DirectoryImportIssues issues, long generation) {
        List<String> names = List.of("generation_id", "identifier", "identifier_type", "name", "edi_issuer",
                "edi_recipient", "manages_payment_status", "engagement_required", "service_required",
                "service_or_engagement", "is_moa", "is_moa_only", "active", "checksum_valid", "address", "address_line2",
                "address_line3", "postal_code", "city", "phone", "email", "country_code", "country_name");
        return new DirectoryRowWriter<>(jdbc, issues, "directory_structure", names, 2, s -> new Object[] {
            generation, s.identifier(), s.identifierType(), s.name(), s.ediIssuer(), s.ediRecipient(),
            s.managesPaymentStatus(), s.engagementRequired(), s.serviceRequired(), s.serviceOrEngagement(),
            s.moa(), s.moaOnly(), s.active(), s.checksumValid(), s.address().line1(), s.address().line2(),
            s.address().line3(), s.address().postalCode(), s.address().city(), s.address().phone(),
            s.address().email(), s.address().countryCode(), s.address().countryName()});
    }

    static DirectoryRowWriter<PublicService> services(JdbcTemplate jdbc, DirectoryImportIssues issues, long generation) {
        List<String> names = List.of("generation_id", "structure_identifier", "code", "name", "active",
                "engagement_required", "start_date", "end_date");
        return new DirectoryRowWriter<>(jdbc, issues, "directory_service", names, 3, s -> new Object[] {
            generation, s.structureIdentifier(), s.code(), s.name(), s.active(), s.engagementRequired(),
            s.startDate() == null ? null : Date.valueOf(s.startDate()),
            s.endDate() == null ? null : Date.valueOf(s.endDate())});
    }

    @Override
    public void write(Chunk<? extends DirectoryEntry<T>> chunk) {
        Map<List<Object>, Object[]> lastByKey = new LinkedHashMap<>();
        for (DirectoryEntry<T> entry : chunk.getItems()) {
            Object[] row = columns.apply(entry.value());
            List<Object> key = Arrays.asList(Arrays.copyOf(row, keyColumns));
            lastByKey.remove(key);
            lastByKey.put(key, row);
        }
        jdbc.batchUpdate(delete, lastByKey.keySet().stream().map(List::toArray).toList());
        jdbc.batchUpdate(insert, List.copyOf(lastByKey.values()));
        chunk.getItems().forEach(issues::warn);
    }
}
