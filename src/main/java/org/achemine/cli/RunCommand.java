package org.achemine.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code run}: the engine as a long-running service watching the mailboxes until stopped. SIGTERM closes
 * the context: Camel stops taking files and finishes (or safely abandons) the flows in hand. Only this
 * command serves HTTP: health and Prometheus metrics on the management port ({@code server.port}, default
 * 8081 on 127.0.0.1).
 */
@Command(name = "run", description = "Run the engine: watch the partners' mailboxes until stopped (SIGTERM).")
public class RunCommand implements Callable<Integer> {

    /** The management port: the only web server achemine starts (one-shot commands have none). */
    static final List<String> PROPERTIES = List.of("spring.main.web-application-type=servlet");

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        DataFolder.checkSettings(springArgs);
        ConfigurableApplicationContext context = SpringContexts.start(PROPERTIES, springArgs);
        Thread.currentThread().join(); // the JVM's shutdown hook closes the context on SIGTERM
        return context.isActive() ? 0 : 1;
    }
}
