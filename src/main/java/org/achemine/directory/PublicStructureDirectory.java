package org.achemine.directory;

import java.util.List;
import java.util.Optional;
import org.achemine.directory.PublicStructure.PostalAddress;
import org.springframework.jdbc.core.JdbcTemplate;
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
        List<PublicStructure> found = jdbc.query("SELECT * FROM directory_structure WHERE identifier = ? AND" + CURRENT,
                (rs, i) -> new PublicStructure(rs.getString("identifier"), rs.getInt("identifier_type"),
                        rs.getString("name"), rs.getBoolean("edi_issuer"), rs.getBoolean("edi_recipient"),
                        rs.getBoolean("manages_payment_status"), rs.getBoolean("engagement_required"),
                        rs.getBoolean("service_required"), rs.getBoolean("service_or_engagement"),
                        rs.getBoolean("is_moa"), rs.getBoolean("is_moa_only"), rs.getBoolean("active"),
                        rs.getBoolean("checksum_valid"),
                        new PostalAddress(rs.getString("address"), rs.getString("address_line2"),
                                rs.getString("address_line3"), rs.getString("postal_code"), rs.getString("city"),
                                rs.getString("phone"), rs.getString("email"), rs.getString("country_code"),
                                rs.getString("country_name"))),
                identifier);
        return found.stream().findFirst();
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
