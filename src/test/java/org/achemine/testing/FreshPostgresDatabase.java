package org.achemine.testing;

import org.achemine.database.DatabaseVendor;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Puts a Spring test's engine on a fresh database of the JVM's {@link EmbeddedPostgresServer}:
 * {@code @ContextConfiguration(initializers = FreshPostgresDatabase.class)} on a subclass of an H2 test runs
 * that test again on PostgreSQL. The context refuses to start if it ends up on another database.
 */
public class FreshPostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = EmbeddedPostgresServer.freshDatabase();
        TestPropertyValues.of("achemine.database.url=" + database.url(),
                "achemine.database.username=" + database.username(),
                "achemine.database.password=" + database.password()).applyTo(context);
        context.addApplicationListener(event -> {
            if (event instanceof ContextRefreshedEvent refreshed && DatabaseVendor.of(
                    refreshed.getApplicationContext().getBean(JdbcTemplate.class)) != DatabaseVendor.POSTGRESQL) {
                throw new IllegalStateException("The test was meant to run on PostgreSQL");
            }
        });
    }
}
