package org.achemine.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.achemine.config.DataFolderEnvironment;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The database a query command reads when no engine runs on the data folder: one connection, set from the same
 * configuration as the engine's data source (the user's {@code --key=value}, the environment, an
 * {@code application.yml} or {@code .properties} in {@code ./config/} or beside the jar, the jar's own, with the
 * active profiles' files), and nothing else — no Spring context, Camel, Batch, Flyway, rules or mailboxes: a query
 * answers in about a second instead of the engine's start-up (issue 16).
 */
final class QueryDatabase implements AutoCloseable {

    private static final String PROFILES = "spring.profiles.active";
    private static final String ON_PROFILE = "spring.config.activate.on-profile";

    private final SingleConnectionDataSource dataSource;

    private QueryDatabase(SingleConnectionDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens the configured database; a database another process holds is one clear line (CommandFailure). */
    static QueryDatabase open(List<String> args) {
        StandardEnvironment environment = environment(args);
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username", ""),
                environment.getProperty("spring.datasource.password", ""), true);
        try {
            dataSource.getConnection().setReadOnly(true);
        } catch (SQLException failure) {
            dataSource.destroy();
            if (SpringContexts.databaseInUse(failure)) {
                throw SpringContexts.heldByAnotherProcess(args, failure);
            }
            throw new IllegalStateException("Cannot open " + environment.getProperty("spring.datasource.url"), failure);
        }
        return new QueryDatabase(dataSource);
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    @Override
    public void close() {
        dataSource.destroy();
    }

    /**
     * The configuration Spring Boot would see, most specific first: arguments, system properties, environment,
     * {@code ./config/}, {@code ./}, the jar's own files (profile-specific before plain), then the data folder made
     * absolute as the engine does ({@link DataFolderEnvironment}).
     */
    static StandardEnvironment environment(List<String> args) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.addFirst(new SimpleCommandLinePropertySource(args.toArray(String[]::new)));
        List<PropertySource<?>> plain = locations("").stream().flatMap(location -> load(location).stream()).toList();
        // the active profiles: from the arguments or the environment, else from the plain files
        String active = environment.getProperty(PROFILES);
        for (PropertySource<?> source : plain) {
            if (active == null && source.getProperty(ON_PROFILE) == null && source.getProperty(PROFILES) != null) {
                active = String.valueOf(source.getProperty(PROFILES));
            }
        }
        List<String> profiles = active == null ? List.of()
                : Arrays.stream(active.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        // profile files, and documents activated on an active profile, before the plain ones of the same place
        for (String profile : profiles) {
            locations("-" + profile).forEach(location -> load(location).stream()
                    .filter(source -> activeOn(source, profiles)).forEach(sources::addLast));
        }
        plain.stream().filter(source -> source.getProperty(ON_PROFILE) != null && activeOn(source, profiles))
                .forEach(sources::addLast);
        plain.stream().filter(source -> source.getProperty(ON_PROFILE) == null).forEach(sources::addLast);
        new DataFolderEnvironment().postProcessEnvironment(environment, null);
        return environment;
    }

    private static boolean activeOn(PropertySource<?> source, List<String> profiles) {
        Object onProfile = source.getProperty(ON_PROFILE);
        return onProfile == null || Arrays.stream(onProfile.toString().split(",")).map(String::strip)
                .anyMatch(profiles::contains);
    }

    /** Where Boot looks, most specific first. */
    private static List<Resource> locations(String suffix) {
        List<Resource> locations = new ArrayList<>();
        for (String extension : List.of(".properties", ".yml", ".yaml")) {
            locations.add(new FileSystemResource("config/application" + suffix + extension));
        }
        for (String extension : List.of(".properties", ".yml", ".yaml")) {
            locations.add(new FileSystemResource("application" + suffix + extension));
        }
        for (String extension : List.of(".properties", ".yml", ".yaml")) {
            locations.add(new ClassPathResource("application" + suffix + extension));
        }
        return locations;
    }

    private static List<PropertySource<?>> load(Resource resource) {
        if (!resource.exists()) {
            return List.of();
        }
        PropertySourceLoader loader = Objects.requireNonNull(resource.getFilename()).endsWith(".properties")
                ? new PropertiesPropertySourceLoader() : new YamlPropertySourceLoader();
        try {
            return loader.load("config: " + resource.getDescription(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
