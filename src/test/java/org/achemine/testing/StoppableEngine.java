package org.achemine.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.achemine.AchemineApplication;
import org.achemine.directory.DirectoryImporter;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine started in the test's JVM on a data folder, as {@code run} starts it, and closed as SIGTERM closes
 * it ({@link ConfigurableApplicationContext#close()}): for the tests that stop and start an engine on the same
 * folder (clean stops, recoveries), and read what each start left. Its triggers and the directory watch are off
 * unless a setting turns them on.
 */
public final class StoppableEngine {

    private static final Map<String, String> QUIET = Map.of("achemine.directory.watch", "false",
            "achemine.routing.trigger-delay", "1h", "achemine.lifecycle.trigger-delay", "1h");

    private StoppableEngine() {
    }

    /**
     * Starts an engine on {@code dataDir}.
     *
     * @param settings {@code --name=value} options, each replacing the quiet default of the same name
     */
    public static ConfigurableApplicationContext start(Path dataDir, String... settings) {
        Map<String, String> options = new LinkedHashMap<>(QUIET);
        options.put("achemine.data-dir", dataDir.toString());
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (!setting.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Not a --name=value setting: " + setting);
            }
            options.put(setting.substring(2, equals), setting.substring(equals + 1));
        }
        return new SpringApplicationBuilder(AchemineApplication.class).web(WebApplicationType.NONE)
                .run(options.entrySet().stream().map(o -> "--" + o.getKey() + "=" + o.getValue())
                        .toArray(String[]::new));
    }

    /**
     * The sample directory put in service and {@code count} accepted invoices seeded for routing, in flows of
     * {@code perFlow}, dated by the engine's clock ({@link AcceptedFlows}).
     */
    public static void acceptedInvoicesWaiting(ConfigurableApplicationContext engine, Path dataDir, int count,
                                               int perFlow, IntFunction<AcceptedFlows.Document> document)
            throws Exception {
        SampleDirectory.importInto(engine.getBean(DirectoryImporter.class), dataDir);
        AcceptedFlows.seed(engine.getBean(JdbcTemplate.class), dataDir.resolve("archive/seeded"),
                engine.getBean(Clock.class), count, perFlow, document);
    }

    /** Runs one of the engine's jobs now, as a new instance named {@code run}, and returns when it has ended. */
    public static JobExecution runJob(ConfigurableApplicationContext engine, String jobBean, String run)
            throws Exception {
        return engine.getBean(JobOperator.class).start(engine.getBean(jobBean, Job.class),
                new JobParametersBuilder().addString("run", run).toJobParameters());
    }

    /** The status of the job's latest execution, as the job repository has it. */
    public static String lastStatus(JdbcTemplate db, String jobName) {
        return db.queryForObject("SELECT e.status FROM batch_job_execution e JOIN batch_job_instance i"
                + " ON i.job_instance_id = e.job_instance_id WHERE i.job_name = ?"
                + " ORDER BY e.job_execution_id DESC FETCH FIRST 1 ROWS ONLY", String.class, jobName);
    }

    public static long count(JdbcTemplate db, String sql) {
        return db.queryForObject(sql, Long.class);
    }

    /** The publication journal's temporary files left anywhere below the folder (none if it does not exist). */
    public static List<Path> temporaryFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** The files directly in the folder whose names end with {@code suffix}. */
    public static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
        }
    }
}
