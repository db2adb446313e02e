package org.achemine.cli;

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

    private SpringContexts() {
    }

    /**
     * @param properties extra {@code key=value} settings (e.g. {@code achemine.intake.enabled=false})
     * @param args       the user's own {@code --key=value} overrides, passed through to Spring
     */
    static ConfigurableApplicationContext start(List<String> properties, List<String> args) {
        List<String> all = new ArrayList<>();
        properties.forEach(p -> all.add("--" + p));
        all.addAll(args);
        // spring.main.web-application-type (none in application.yml, servlet for run) decides over this default
        return new SpringApplicationBuilder(AchemineApplication.class)
                .web(WebApplicationType.NONE)
                .run(all.toArray(String[]::new));
    }
}
