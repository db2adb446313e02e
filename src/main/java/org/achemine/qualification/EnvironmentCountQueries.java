package org.achemine.qualification;

import org.springframework.jdbc.core.JdbcTemplate;

/** Counts one environment's flows and invoices: the API's {@code /counts} and the console's dashboard. */
public class EnvironmentCountQueries {

    private final JdbcTemplate jdbc;

    public EnvironmentCountQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public EnvironmentCounts of(Environment environment) {
        boolean qualification = environment.isQualification();
        return new EnvironmentCounts(environment.label(),
                count("SELECT COUNT(*) FROM flow WHERE qualification = ?", qualification),
                count("SELECT COUNT(*) FROM flow WHERE qualification = ? AND flow_state = 'IN_REJETE'", qualification),
                count("SELECT COUNT(*) FROM invoice WHERE qualification = ?", qualification),
                count("SELECT COUNT(*) FROM invoice WHERE qualification = ? AND delivery_path IS NOT NULL", qualification),
                count("SELECT COUNT(*) FROM integration_refusal r JOIN flow f ON f.flow_id = r.flow_id"
                        + " WHERE f.qualification = ?", qualification));
    }

    private long count(String sql, boolean qualification) {
        Long counted = jdbc.queryForObject(sql, Long.class, qualification);
        return counted == null ? 0 : counted;
    }
}
