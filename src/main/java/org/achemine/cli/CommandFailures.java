package org.achemine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How a command fails in front of its user: one line on stderr, in French, saying what to do; the stack trace
 * goes to a log file that line names, never to the console. Failures the user can fix exit 2, others 1.
 */
final class CommandFailures implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final int USAGE = 2;
    static final int UNEXPECTED = 1;

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        Optional<String> expected = explain(failure);
        String line = expected.orElseGet(() -> "Erreur inattendue (" + deepest(failure) + ") : relancez la commande ;"
                + " si elle échoue encore, transmettez le journal à l'exploitant");
        boolean toldInFull = failure instanceof CommandFailure && failure.getCause() == null;
        command.getErr().println(toldInFull ? line : line + " — détails : " + writeLog(failure, parsed.originalArgs()));
        return expected.isPresent() ? USAGE : UNEXPECTED;
    }

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        String name = command.getCommandSpec().qualifiedName(" ").replaceFirst("^achemine ?", "");
        command.getErr().println(describe(problem) + " : voyez « java -jar achemine.jar " + (name.isEmpty() ? "" : name + " ")
                + "--help »");
        return USAGE;
    }

    /** What the user can do about a failure, when it is one we know. */
    static Optional<String> explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandFailure known) {
                return Optional.of(known.getMessage());
            }
            if (cause instanceof NoSuchFileException missing) {
                return Optional.of("Fichier ou dossier introuvable : " + missing.getFile() + " : vérifiez le chemin");
            }
        }
        return Optional.empty();
    }

    private static String describe(ParameterException problem) {
        if (problem instanceof MissingParameterException missing) {
            return "Paramètre manquant : " + missing.getMissing().stream().map(CommandFailures::label)
                    .collect(Collectors.joining(", "));
        }
        if (problem instanceof UnmatchedArgumentException unmatched) {
            return "Argument inconnu : " + String.join(" ", unmatched.getUnmatched());
        }
        return "Commande incorrecte : " + problem.getMessage();
    }

    private static String label(ArgSpec arg) {
        return arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel();
    }

    private static String deepest(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        return deepest.getClass().getSimpleName()
                + (deepest.getMessage() == null ? "" : ": " + deepest.getMessage().lines().findFirst().orElse(""));
    }

    /** The failure's whole story, for whoever investigates; the console keeps one line. */
    static String writeLog(Throwable failure, List<String> args) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        try {
            Path log = Files.createTempFile("achemine-erreur-", ".log");
            Files.writeString(log, Instant.now() + "  java -jar achemine.jar " + String.join(" ", args)
                    + System.lineSeparator() + trace, StandardCharsets.UTF_8);
            return log.toString();
        } catch (IOException | RuntimeException notWritten) {
            return "(journal non écrit : " + notWritten.getMessage() + ")";
        }
    }
}
