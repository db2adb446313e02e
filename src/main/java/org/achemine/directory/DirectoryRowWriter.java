package org.achemine.directory;

import java.sql.Date;
import java.util.List;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes parsed directory rows into the generation being loaded. MERGE on the row's key makes the last
 * occurrence of a duplicated row win and makes a restarted chunk harmless.
 */
public class DirectoryRowWriter<T> implements ItemWriter<DirectoryEntry<T>> {

    private final JdbcTemplate jdbc;
    private final DirectoryImportIssues issues;
    private final String sql;
    private final Function<T, Object[]> columns;

    DirectoryRowWriter(JdbcTemplate jdbc, DirectoryImportIssues issues, String sql, Function<T, Object[]> columns) {
        this.jdbc = jdbc;
        this.issues = issues;
        this.sql = sql;
        this.columns = columns;
    }

    static DirectoryRowWriter<PublicStructure> structures(JdbcTemplate jdbc, DirectoryImportIssues issues, long generation) {
        String sql = "MERGE INTO directory_structure (generation_id, identifier, identifier_type, name, edi_issuer,"
                + " edi_recipient, manages_payment_status, engagement_required, service_required, service_or_engagement,"
                + " is_moa, is_moa_only, active, checksum_valid, address, address_line2, address_line3, postal_code, city,"
                + " phone, email, country_code, country_name) KEY (generation_id, identifier)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        return new DirectoryRowWriter<>(jdbc, issues, sql, s -> new Object[] {
            generation, s.identifier(), s.identifierType(), s.name(), s.ediIssuer(), s.ediRecipient(),
            s.managesPaymentStatus(), s.engagementRequired(), s.serviceRequired(), s.serviceOrEngagement(),
            s.moa(), s.moaOnly(), s.active(), s.checksumValid(), s.address().line1(), s.address().line2(),
            s.address().line3(), s.address().postalCode(), s.address().city(), s.address().phone(),
            s.address().email(), s.address().countryCode(), s.address().countryName()});
    }

    static DirectoryRowWriter<PublicService> services(JdbcTemplate jdbc, DirectoryImportIssues issues, long generation) {
        String sql = "MERGE INTO directory_service (generation_id, structure_identifier, code, name, active,"
                + " engagement_required, start_date, end_date) KEY (generation_id, structure_identifier, code)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        return new DirectoryRowWriter<>(jdbc, issues, sql, s -> new Object[] {
            generation, s.structureIdentifier(), s.code(), s.name(), s.active(), s.engagementRequired(),
            s.startDate() == null ? null : Date.valueOf(s.startDate()),
            s.endDate() == null ? null : Date.valueOf(s.endDate())});
    }

    @Override
    public void write(Chunk<? extends DirectoryEntry<T>> chunk) {
        List<Object[]> rows = chunk.getItems().stream().map(e -> columns.apply(e.value())).toList();
        jdbc.batchUpdate(sql, rows);
        chunk.getItems().forEach(issues::warn);
    }
}
