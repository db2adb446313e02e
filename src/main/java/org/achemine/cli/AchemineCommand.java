package org.achemine.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: {@code java -jar achemine.jar <command>}. */
@Command(name = "achemine", mixinStandardHelpOptions = true, version = "achemine 0.1.0",
        description = "EDI flow-processing engine for French public-sector e-invoicing (Chorus Pro EDI mode).")
public class AchemineCommand implements Runnable {

    /** The commands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            RunCommand.class,
            DemoCommand.class,
            ValidateCommand.class,
            DirectoryCommand.class,
            JobCommand.class,
            InvoiceCommand.class,
            FlowCommand.class,
            NightlyCommand.class,
            VerifyCommand.class,
            PartnerCommand.class,
            SftpCommand.class,
            As2Command.class);

    @Spec
    CommandSpec spec;

    /** The command line as users run it, every command known (the help lists them all). */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for these arguments: a failure is one line saying what to do, its stack trace in a log file.
     * When the first argument names a command, only that command's tree is built: picocli reads every option of
     * every command it is given by reflection, a tenth of a quick command's start-up spent on commands not run.
     */
    public static CommandLine commandLine(String[] args) {
        CommandFailures failures = new CommandFailures();
        CommandLine root = new CommandLine(new AchemineCommand())
                // formats are written as in application.yml (cppstatut, pivot) as well as in capitals
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures);
        String named = args.length == 0 ? null : args[0];
        List<Class<?>> wanted = COMMANDS.stream().filter(command -> nameOf(command).equals(named)).toList();
        for (Class<?> command : wanted.isEmpty() ? COMMANDS : wanted) {
            root.addSubcommand(nameOf(command), new CommandLine(command));
        }
        // set again: subcommands added after the root's settings do not inherit them
        return root.setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures);
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
