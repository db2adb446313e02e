package org.achemine.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.achemine.validation.FlowState;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.ValidationSettings;
import org.achemine.validation.engine.EngineStart;
import org.achemine.validation.engine.ValidationEngine;
import org.achemine.report.DepositReport;
import org.achemine.validation.report.HtmlReport;
import org.achemine.validation.report.JsonLinesReport;
import org.achemine.validation.report.TextReport;
import org.achemine.validation.report.ValidatedFile;
import org.achemine.validation.report.VerdictReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code validate}: the engine's full validation on files and directories, offline (no Spring context, no
 * database, no mailbox), compiling only the schemas and stylesheets of the syntaxes its files have, when the first
 * file of each comes. Files are validated on every core; results are written in input order.
 * Exit code 0 when every file is valid, 1 when any is invalid, 2 on a usage or processing error.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate invoice files (UBL 2.1, CII D16B, Factur-X .pdf, .zip/.tar.gz batches): admissibility, XSD, "
                + "EN 16931 1.3.16, national Chorus Pro rules. Exit 0 all valid, 1 some invalid, 2 error.")
public class ValidateCommand implements java.util.concurrent.Callable<Integer> {

    /** Report formats. */
    public enum Format { text, jsonl, xml, html }

    static final int EXIT_VALID = 0;
    static final int EXIT_INVALID = 1;
    static final int EXIT_ERROR = 2;

    @Option(names = "--all", description = "Run every check on a well-formed document, even after one failed.")
    boolean all;

    @Option(names = "--format", defaultValue = "text", description = "text, jsonl, xml (the compte rendu, one per file) or html (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "DIR", description = "Write the report into DIR instead of stdout.")
    Path output;

    @Option(names = "--threads", description = "Files validated at once (default: every core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories (searched recursively).")
    List<Path> paths;

    private PrintStream out = System.out;
    private PrintStream err = System.err;
    private java.util.function.Function<ValidationSettings, ValidationEngine> engines =
            settings -> new ValidationEngine(settings, EngineStart.onFirstUse());

    /** For tests: an engine already built (compiling the rules takes seconds). */
    ValidateCommand engines(java.util.function.Function<ValidationSettings, ValidationEngine> factory) {
        this.engines = factory;
        return this;
    }

    /** For tests: where the report and the messages go. */
    ValidateCommand streams(PrintStream stdout, PrintStream stderr) {
        this.out = stdout;
        this.err = stderr;
        return this;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (out == System.out) {
            CommandLogging.warningsToStderr(); // on the real command line only: tests keep their own logging
        }
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> found = Files.walk(path)) {
                    found.filter(Files::isRegularFile).filter(ValidateCommand::looksLikeAFlow).sorted().forEach(files::add);
                }
            } else {
                // A missing file is reported in its place (exit code 2) and the others are still validated.
                files.add(path);
            }
        }
        if (format == Format.xml && output == null && files.size() > 1) {
            err.println("validate: --format xml writes one compte rendu per file: give --output DIR for several files");
            return EXIT_ERROR;
        }
        ValidationEngine engine = engines.apply(ValidationSettings.defaults().withRunAllChecks(all));
        try (Writer writer = openReport()) {
            return validate(engine, files, report(writer, engine));
        }
    }

    private int validate(ValidationEngine engine, List<Path> files, VerdictReport report)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        report.begin(engine.ruleSets());
        ProgressBar progress = new ProgressBar(err, files.size(), files.size() >= 10 && Terminals.stderrIsTerminal());
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "validate");
            thread.setDaemon(true);
            return thread;
        });
        int valid = 0;
        int invalid = 0;
        int errors = 0;
        try {
            // A window of results in flight keeps every core busy while writing in input order with bounded memory.
            Deque<Future<ValidatedFile>> inFlight = new ArrayDeque<>();
            int window = Math.max(1, threads) * 4;
            int next = 0;
            int done = 0;
            while (done < files.size()) {
                while (next < files.size() && inFlight.size() < window) {
                    Path file = files.get(next++);
                    inFlight.add(workers.submit(() -> validateOne(engine, file)));
                }
                ValidatedFile result = inFlight.poll().get();
                report.file(result);
                if (result.failed()) {
                    errors++;
                }
                if (result.valid()) {
                    valid++;
                } else {
                    invalid++;
                }
                progress.update(++done);
            }
        } catch (ExecutionException broken) {
            throw new IllegalStateException("Validation broke", broken.getCause());
        } finally {
            workers.shutdownNow();
            progress.finish();
        }
        report.end(new VerdictReport.Summary(files.size(), valid, invalid, errors,
                (System.nanoTime() - start) / 1_000_000));
        if (errors > 0) {
            return EXIT_ERROR;
        }
        return invalid > 0 ? EXIT_INVALID : EXIT_VALID;
    }

    private static ValidatedFile validateOne(ValidationEngine engine, Path file) {
        String name = file.toString();
        try {
            FlowVerdict verdict = engine.validate(file.getFileName().toString(), file);
            FlowState state = engine.policy().flowState(verdict);
            return new ValidatedFile(name, verdict, state, null);
        } catch (java.nio.file.NoSuchFileException e) {
            return new ValidatedFile(name, null, null, "no such file: " + name);
        } catch (IOException | RuntimeException e) {
            return new ValidatedFile(name, null, null, "cannot process the file: " + e);
        }
    }

    private Writer openReport() throws IOException {
        if (format == Format.xml) {
            if (output != null) {
                Files.createDirectories(output);
            }
            return Writer.nullWriter(); // the compte rendu report writes its own files
        }
        if (output == null) {
            return new BufferedWriter(new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8), 1 << 16);
        }
        Files.createDirectories(output);
        String extension = format == Format.text ? "txt" : format.name();
        return Files.newBufferedWriter(output.resolve("achemine-validation." + extension), StandardCharsets.UTF_8);
    }

    private VerdictReport report(Writer writer, ValidationEngine engine) {
        return switch (format) {
            case jsonl -> new JsonLinesReport(writer);
            case html -> new HtmlReport(writer);
            case text -> new TextReport(writer, output == null && Terminals.stdoutIsTerminal());
            case xml -> new CompteRenduReport(new DepositReport(engine.ruleSets(), engine.policy()), output, out, err);
        };
    }

    /** In a directory, only files of the kinds a mailbox takes (a single file named on the command line always runs). */
    private static boolean looksLikeAFlow(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".xml") || name.endsWith(".pdf") || name.endsWith(".zip") || name.endsWith(".tar.gz")
                || name.endsWith(".tgz"));
    }

    private static java.io.OutputStream nonClosing(PrintStream stream) {
        return new java.io.FilterOutputStream(stream) {
            @Override
            public void write(byte[] b, int off, int len) {
                stream.write(b, off, len);
            }

            @Override
            public void close() {
                stream.flush();
            }
        };
    }
}
