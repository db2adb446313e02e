package org.achemine.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read-only command ({@code invoice show|list}, {@code flow show|list}, {@code job list}, {@code partner list}): asks
 * the engine running on the data folder when there is one (it holds the H2 file), else reads the database with
 * nothing else started ({@link QueryDatabase}): no Spring context, Camel, Batch or Flyway. Either way the same
 * records, so the same output.
 */
abstract class QueryCommand extends DatabaseReadCommand {

    @Override
    protected Optional<Integer> withoutTheDatabase(Path folder) throws Exception {
        Optional<RunningEngine> engine = RunningEngine.on(folder);
        return engine.isPresent() ? Optional.of(run(engine.get())) : Optional.empty();
    }

    @Override
    protected final int run(JdbcTemplate jdbc) throws Exception {
        return run(new DatabaseQueries(jdbc));
    }

    /** The command's work on whichever answers; returns its exit code. */
    protected abstract int run(CommandQueries queries) throws Exception;
}
