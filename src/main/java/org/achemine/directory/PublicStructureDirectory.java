package org.achemine.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.achemine.database.KeyLists;
import org.achemine.directory.PublicStructure.PostalAddress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** Reads the directory in service (the active generation) for routing and for operators. */
@Component
public class PublicStructureDirectory implements DirectoryLookup {

    private static final String CURRENT = " generation_id = (SELECT generation_id FROM directory_current)";

    private final JdbcTemplate jdbc;

    public PublicStructureDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PublicStructure> structure(String identifier) {
        return jdbc.query("SELECT * FROM directory_structure WHERE identifier = ? AND" + CURRENT,
                PublicStructureDirectory::structure, identifier).stream().findFirst();
    }

    /** In one query ({@link KeyLists}) of the generation in service. */
    @Override
    public Map<String, PublicStructure> structures(Collection<String> identifiers) {
        Map<String, PublicStructure> found = new HashMap<>();
        inService(identifiers, "directory_structure", "identifier", "",
                rs -> found.put(rs.getString("identifier"), structure(rs, 0)));
        return found;
    }

    /** In one query ({@link KeyLists}) of the generation in service. */
    @Override
    public Map<String, List<PublicService>> services(Collection<String> structureIdentifiers) {
        Map<String, List<PublicService>> found = new HashMap<>();
        structureIdentifiers.forEach(identifier -> found.put(identifier, new ArrayList<>()));
        inService(structureIdentifiers, "directory_service", "structure_identifier", " ORDER BY structure_identifier, code",
                rs -> found.get(rs.getString("structure_identifier")).add(service(rs, 0)));
        return found;
    }

    /**
     * The rows of the generation in service for these keys: a row-value IN list, so that both H2 and PostgreSQL
     * look each key up in the primary key (generation, key) instead of scanning the whole generation.
     */
    private void inService(Collection<String> keys, String table, String keyColumn, String orderBy,
                           RowCallbackHandler each) {
        if (keys.isEmpty()) {
            return;
        }
        Long generation = jdbc.query("SELECT generation_id FROM directory_current",
                (ResultSetExtractor<Long>) rs -> rs.next() ? rs.getLong(1) : null);
        if (generation == null) {
            return;
        }
        KeyLists.inSlices(keys, slice -> {
            List<Object> arguments = new ArrayList<>(2 * slice.size());
            slice.forEach(key -> {
                arguments.add(generation);
                arguments.add(key);
            });
            jdbc.query("SELECT * FROM " + table + " WHERE (generation_id, " + keyColumn + ") IN ("
                    + KeyLists.placeholders(slice.size(), 2) + ")" + orderBy, each, arguments.toArray());
        });
    }

    private static PublicStructure structure(ResultSet rs, int row) throws SQLException {
        return new PublicStructure(rs.getString("identifier"), rs.getInt("identifier_type"),
                rs.getString("name"), rs.getBoolean("edi_issuer"), rs.getBoolean("edi_recipient"),
                rs.getBoolean("manages_payment_status"), rs.getBoolean("engagement_required"),
                rs.getBoolean("service_required"), rs.getBoolean("service_or_engagement"),
                rs.getBoolean("is_moa"), rs.getBoolean("is_moa_only"), rs.getBoolean("active"),
                rs.getBoolean("checksum_valid"),
                new PostalAddress(rs.getString("address"), rs.getString("address_line2"),
                        rs.getString("address_line3"), rs.getString("postal_code"), rs.getString("city"),
                        rs.getString("phone"), rs.getString("email"), rs.getString("country_code"),
                        rs.getString("country_name")));
    }

    @Override
    public Optional<PublicService> service(String structureIdentifier, String code) {
        return jdbc.query("SELECT * FROM directory_service WHERE structure_identifier = ? AND code = ? AND" + CURRENT,
                PublicStructureDirectory::service, structureIdentifier, code).stream().findFirst();
    }

    @Override
    public List<PublicService> services(String structureIdentifier) {
        return jdbc.query("SELECT * FROM directory_service WHERE structure_identifier = ? AND" + CURRENT + " ORDER BY code",
                PublicStructureDirectory::service, structureIdentifier);
    }

    private static PublicService service(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PublicService(rs.getString("structure_identifier"), rs.getString("code"), rs.getString("name"),
                rs.getBoolean("active"), rs.getBoolean("engagement_required"),
                rs.getObject("start_date", java.time.LocalDate.class), rs.getObject("end_date", java.time.LocalDate.class));
    }

    public int structureCount() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM directory_structure WHERE" + CURRENT, Integer.class);
        return count == null ? 0 : count;
    }
}
