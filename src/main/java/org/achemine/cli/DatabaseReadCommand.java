package org.achemine.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.achemine.config.ClockConfiguration;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Unmatched;

/**
 * A command that reads a few rows the engine's read API does not serve ({@code partner key list}, {@code sftp audit},
 * {@code as2 audit}): one connection to the configured database ({@link QueryDatabase}), nothing else started —
 * no Spring context, Camel, Batch, Flyway. While an engine holds the H2 file the command is refused in one line, as
 * the one-shot commands are; on PostgreSQL it reads beside the running engine.
 */
abstract class DatabaseReadCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        DataFolder.checkSettings(springArgs);
        // no Spring context sets logging up here: warnings only, on stderr, never into the printed answer
        CommandLogging.warningsToStderr();
        Path folder = DataFolder.configured(springArgs);
        Optional<Integer> answered = withoutTheDatabase(folder);
        if (answered.isPresent()) {
            return answered.get();
        }
        DataFolder.requireDatabase(folder, DataFolder.OPTION, springArgs);
        try (QueryDatabase database = QueryDatabase.open(springArgs)) {
            return run(database.jdbc());
        }
    }

    /** The command's exit code when it could answer without opening the database; none here. */
    protected Optional<Integer> withoutTheDatabase(Path folder) throws Exception {
        return Optional.empty();
    }

    /** The command's reads and output; returns its exit code. */
    protected abstract int run(JdbcTemplate jdbc) throws Exception;

    /** The platform clock as the engine sets it ({@code achemine.clock.offset}), for the classes that read here. */
    Clock platformClock() {
        String offset = QueryDatabase.environment(springArgs).getProperty("achemine.clock.offset");
        return ClockConfiguration.platformClock(offset == null ? Duration.ZERO : DurationStyle.detectAndParse(offset));
    }
}
