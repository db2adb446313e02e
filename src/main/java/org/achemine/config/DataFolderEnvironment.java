package org.achemine.config;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves {@code achemine.data-dir} to an absolute path once, at start-up, before anything reads it: H2
 * refuses a database URL relative to the working folder, and every log line, report and command then names
 * the same folder whatever its user typed ({@code --achemine.data-dir=achemine-data-demo}).
 */
public class DataFolderEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String KEY = "achemine.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(KEY);
        if (configured == null || configured.isBlank()) {
            return;
        }
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addFirst(new MapPropertySource("achemineDataFolder", Map.of(KEY, absolute)));
    }

    /** After the configuration files are read (Boot's ConfigData post-processor), whatever set the key. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
