package org.achemine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code java -jar achemine.jar <command>}. */
@Command(name = "achemine", mixinStandardHelpOptions = true, version = "achemine 0.1.0",
        description = "EDI flow-processing engine for French public-sector e-invoicing (Chorus Pro EDI mode).",
        subcommands = {
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
            As2Command.class,
        })
public class AchemineCommand implements Runnable {

    /** The command line as users run it: a failure is one line saying what to do, its stack trace in a log file. */
    public static CommandLine commandLine() {
        CommandFailures failures = new CommandFailures();
        return new CommandLine(new AchemineCommand())
                // formats are written as in application.yml (cppstatut, pivot) as well as in capitals
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
