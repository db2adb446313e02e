package org.achemine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.achemine.directory.DirectoryImporter;
import org.achemine.directory.DirectoryImporter.ImportOutcome;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code directory import STRUCTURES.csv SERVICES.csv}: loads the directory of public structures. */
@Command(name = "directory", description = "Directory of public structures (annuaire).",
        subcommands = DirectoryCommand.Import.class)
public class DirectoryCommand {

    @Command(name = "import", description = "Import the structures and services CSV files; the directory in use"
            + " is replaced atomically once the import succeeds.")
    static class Import extends OneShotCommand {

        @Parameters(index = "0", paramLabel = "STRUCTURES.csv")
        Path structures;

        @Parameters(index = "1", paramLabel = "SERVICES.csv")
        Path services;

        @Override
        public Integer call() throws Exception {
            for (Path file : List.of(structures, services)) {
                if (!Files.isReadable(file)) {
                    System.err.println("Fichier illisible : " + file + " : vérifiez le chemin ; la commande prend le"
                            + " fichier des structures puis celui des services");
                    return 2;
                }
            }
            return super.call();
        }

        @Override
        protected int run(ConfigurableApplicationContext context) throws Exception {
            ImportOutcome outcome = context.getBean(DirectoryImporter.class).importFiles(structures, services);
            System.out.printf("%s: import %d, %d structures, %d services, %d lignes rejetées, %d avertissements%n",
                    outcome.activated() ? "ACTIVE" : "ÉCHEC", outcome.generation(), outcome.structures(),
                    outcome.services(), outcome.rejectedRows(), outcome.warningRows());
            System.out.println("Rapport : " + outcome.report());
            if (!outcome.activated()) {
                System.out.println("Motif : " + outcome.failure());
            }
            return outcome.activated() ? 0 : 1;
        }
    }
}
