package org.achemine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Unmatched;

/**
 * A read-only command ({@code invoice show|list}, {@code flow show|list}, {@code job list}, {@code partner list}): asks
 * the engine running on the data folder when there is one (it holds the H2 file), else reads the database with
 * nothing else started ({@link QueryDatabase}): no Spring context, Camel, Batch or Flyway. Either way the same
 * records, so the same output.
 */
abstract class QueryCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        DataFolder.checkSettings(springArgs);
        // no Spring context sets logging up here: warnings only, on stderr, never into the printed answer
        CommandLogging.warningsToStderr();
        Path folder = DataFolder.configured(springArgs);
        Optional<RunningEngine> engine = RunningEngine.on(folder);
        if (engine.isPresent()) {
            return run(engine.get());
        }
        DataFolder.requireDatabase(folder, DataFolder.OPTION, springArgs);
        try (QueryDatabase database = QueryDatabase.open(springArgs)) {
            return run(new DatabaseQueries(database.jdbc()));
        }
    }

    /** The command's work on whichever answers; returns its exit code. */
    protected abstract int run(CommandQueries queries) throws Exception;
}
