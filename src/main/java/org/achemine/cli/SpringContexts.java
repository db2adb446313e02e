package org.achemine.cli;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.achemine.AchemineApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring application context for commands that need the database, mailboxes or jobs. No web
 * server unless the properties ask for one ({@code run}'s management port).
 */
final class SpringContexts {

    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    /**
     * A start-up failure is told in one line by {@link CommandFailures}, its stack trace in a log file: Spring's
     * own report of it, and the pool's, would print the same stack trace on the console first.
     */
    private static final List<String> QUIET_FAILURE = List.of(
            "logging.level.org.springframework.boot.SpringApplication=OFF",
            "logging.level.org.springframework.boot.diagnostics=OFF",
            "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=ERROR",
            "logging.level.org.springframework.boot.web.server.servlet.context=ERROR",
            "logging.level.com.zaxxer.hikari.pool.HikariPool=OFF");

    private SpringContexts() {
    }

    /**
     * @param properties extra {@code key=value} settings (e.g. {@code achemine.intake.enabled=false})
     * @param args       the user's own {@code --key=value} overrides, passed through to Spring
     */
    static ConfigurableApplicationContext start(List<String> properties, List<String> args) {
        List<String> all = new ArrayList<>();
        QUIET_FAILURE.forEach(p -> all.add("--" + p));
        properties.forEach(p -> all.add("--" + p));
        all.addAll(args);
        try {
            // spring.main.web-application-type (none in application.yml, servlet for run) decides over this default
            return new SpringApplicationBuilder(AchemineApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(all.toArray(String[]::new));
        } catch (RuntimeException failure) {
            if (databaseInUse(failure)) {
                throw heldByAnotherProcess(all, failure);
            }
            throw failure;
        }
    }

    /** What a command says when another process holds the H2 file (the query commands too, {@link QueryDatabase}). */
    static CommandFailure heldByAnotherProcess(List<String> args, Throwable failure) {
        return new CommandFailure("La base de " + DataFolder.configured(args) + " est ouverte par un autre"
                + " processus, sans doute le moteur (run) en marche sur ce dossier : arrêtez-le (SIGTERM),"
                + " puis relancez la commande", failure);
    }

    /** H2 refuses a database file another process holds open (error 90020, "Database may be already in use"). */
    static boolean databaseInUse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }
}
