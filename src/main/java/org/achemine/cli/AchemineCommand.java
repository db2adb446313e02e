package org.achemine.cli;

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
        })
public class AchemineCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
