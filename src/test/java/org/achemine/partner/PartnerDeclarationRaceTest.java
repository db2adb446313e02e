package org.achemine.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.config.AchemineProperties.PartnerRole;
import org.achemine.testing.EmbeddedPostgresServer;
import org.achemine.testing.MigratedDatabase;
import org.achemine.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two engines starting at once on one database each write the configured partners ({@link PartnerRegistry#declare}):
 * neither stops on a duplicate key (TwoEnginesIT met {@code partner_pkey} on PostgreSQL), and the partners, their
 * structures and mandates are there once. On the H2 file (two sessions of one JVM, as the engine's H2 allows no
 * second process) and on PostgreSQL; many rounds, each on partners new to the database, so that the two
 * declarations meet while both find the partners absent.
 */
class PartnerDeclarationRaceTest {

    private static final int ROUNDS = 15;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @Test
    void twoDeclarationsAtOnceOnH2BothSucceedAndWriteEachPartnerOnce() throws Exception {
        DataSource dataSource = MigratedDatabase.in(dataDir);
        declareTwiceAtOnce(dataSource, dataSource);
    }

    @Test
    void twoDeclarationsAtOnceOnPostgresBothSucceedAndWriteEachPartnerOnce() throws Exception {
        TestDatabase database = EmbeddedPostgresServer.freshDatabase();
        DataSource first = new DriverManagerDataSource(database.url(), database.username(), database.password());
        DataSource second = new DriverManagerDataSource(database.url(), database.username(), database.password());
        Flyway.configure().dataSource(first).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load().migrate();
        declareTwiceAtOnce(first, second);
    }

    private static void declareTwiceAtOnce(DataSource first, DataSource second) throws Exception {
        PartnerRegistry one = registry(first);
        PartnerRegistry other = registry(second);
        ExecutorService engines = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Partner> configured = partners(round);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<?>> declarations = new ArrayList<>();
                for (PartnerRegistry engine : List.of(one, other)) {
                    declarations.add(engines.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        engine.declare(configured);
                        return null;
                    }));
                }
                for (Future<?> declaration : declarations) {
                    declaration.get(60, TimeUnit.SECONDS); // a duplicate key would be thrown here
                }
            }
        } finally {
            engines.shutdownNow();
        }

        JdbcTemplate jdbc = new JdbcTemplate(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM partner", Integer.class)).isEqualTo(ROUNDS * 3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM partner_structure", Integer.class)).isEqualTo(ROUNDS * 2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM partner_mandate", Integer.class)).isEqualTo(ROUNDS);
        assertThat(one.find(code("REC", 0))).get().extracting(found -> found.partner().structures())
                .isEqualTo(List.of(siret(0, 1), siret(0, 2)));
        assertThat(other.find(code("OPE", ROUNDS - 1))).get().extracting(found -> found.partner().mandates())
                .isEqualTo(List.of("MANDATE" + (ROUNDS - 1)));
    }

    /** A round's configuration: an issuer, a recipient serving two structures, an operator with a mandate. */
    private static List<Partner> partners(int round) {
        return List.of(
                new Partner(code("FOU", round), "Fournisseur " + round, PartnerRole.ISSUER, null, List.of(), List.of(),
                        null, null, null),
                new Partner(code("REC", round), "Destinataire " + round, PartnerRole.RECIPIENT, siret(round, 1),
                        List.of(siret(round, 2)), List.of(), null, null, null),
                new Partner(code("OPE", round), "Opérateur " + round, PartnerRole.ISSUER, null, List.of(),
                        List.of("MANDATE" + round), null, null, null));
    }

    private static String code(String prefix, int round) {
        return prefix + String.format("%03d", round);
    }

    private static String siret(int round, int structure) {
        return String.format("%012d%02d", round, structure);
    }

    private static PartnerRegistry registry(DataSource dataSource) {
        return new PartnerRegistry(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), CLOCK);
    }
}
