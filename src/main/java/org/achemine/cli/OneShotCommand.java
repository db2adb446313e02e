package org.achemine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Unmatched;

/**
 * A command that starts the application without watching any mailbox or inbox, does one thing with it,
 * and stops it. The user's own {@code --key=value} settings are passed through to Spring.
 */
abstract class OneShotCommand implements Callable<Integer> {

    static final List<String> PROPERTIES = List.of(
            "achemine.intake.enabled=false",
            "achemine.directory.watch=false",
            "achemine.sftp.enabled=false",
            "achemine.as2.enabled=false",
            // what the command prints is its output (scripts read verify's): no start-up banner lines, and no
            // Camel warning that a context stopped within a second, which is what a one-shot command does
            "logging.level.org.achemine.AchemineApplication=WARN",
            "logging.level.org.apache.camel.spring.boot.SpringBootCamelContext=ERROR");

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        DataFolder.checkSettings(springArgs);
        if (readsExistingData()) {
            DataFolder.requireDatabase(DataFolder.configured(springArgs), DataFolder.OPTION, springArgs);
        }
        try (ConfigurableApplicationContext context = SpringContexts.start(properties(), springArgs)) {
            return run(context);
        }
    }

    /**
     * The one-shot settings, and while an engine answers on the data folder (PostgreSQL lets the command open the
     * database beside it) no recovery of "running" jobs at start-up: they are that engine's, alive.
     */
    private List<String> properties() {
        if (!engineAnswers(DataFolder.configured(springArgs))) {
            return PROPERTIES;
        }
        List<String> properties = new ArrayList<>(PROPERTIES);
        properties.add("achemine.batch.recover-interrupted-at-start=false");
        return properties;
    }

    /** An engine that answers strangely is taken for running: failing its live jobs would be worse. */
    private static boolean engineAnswers(Path dataFolder) {
        try {
            return RunningEngine.on(dataFolder).isPresent();
        } catch (CommandFailure answersBadly) {
            return true;
        }
    }

    /** Whether the command only reads a data folder, which must then hold a database already. */
    protected boolean readsExistingData() {
        return false;
    }

    /** The command's work; returns its exit code. */
    protected abstract int run(ConfigurableApplicationContext context) throws Exception;
}
