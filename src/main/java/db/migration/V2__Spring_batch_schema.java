package db.migration;

import java.sql.Connection;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates Spring Batch's job repository tables from the script Spring Batch ships for the database in use,
 * so the schema is versioned with ours (and not retyped). Flyway convention puts Java migrations here.
 */
public class V2__Spring_batch_schema extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        String vendor = product.contains("postgres") ? "postgresql" : "h2";
        ResourceDatabasePopulator populator =
                new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-" + vendor + ".sql"));
        populator.populate(new SingleConnectionDataSource(connection, true).getConnection());
    }
}
