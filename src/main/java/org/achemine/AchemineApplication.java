package org.achemine;

import org.achemine.cli.AchemineCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * achemine's entry point. The command line decides what runs: offline commands ({@code validate}) need
 * no Spring context; the others start the application context they need.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AchemineApplication {

    public static void main(String[] args) {
        System.exit(AchemineCommand.commandLine(args).execute(args));
    }
}
