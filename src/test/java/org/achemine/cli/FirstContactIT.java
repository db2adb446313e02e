package org.achemine.cli;

import static org.achemine.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.achemine.testing.Commands.Run;
import org.achemine.testing.FileLockHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer types after the demo, and the mistakes everyone makes: each expected failure is one French
 * line saying what to do, exit 2, never a stack trace on the console.
 */
class FirstContactIT {

    @TempDir
    Path work;

    @Test
    void aRelativeDataFolderWorksAndADatabaseHeldByARunningEngineIsOneClearLine() throws Exception {
        // given a data folder named relative to the working folder, as typed after the demo
        Path data = work.resolve("achemine-data-demo");
        String relative = Path.of("").toAbsolutePath().relativize(data).toString();
        assertThat(Path.of(relative).isAbsolute()).isFalse();
        Path structures = Files.copy(Path.of("samples/directory/structures.csv"), work.resolve("structures.csv"));
        Path services = Files.copy(Path.of("samples/directory/services.csv"), work.resolve("services.csv"));

        // when the directory is imported there, then listed
        Run imported = run("directory", "import", structures.toString(), services.toString(),
                "--achemine.data-dir=" + relative);
        Run listed = run("invoice", "list", "--achemine.data-dir=" + relative);

        // then both work on that very folder, resolved once to its absolute path
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(data.resolve("db/achemine.mv.db")).exists();
        assertThat(listed.exitCode()).as(listed.err()).isZero();

        // when another process holds the database, as a running engine does
        Process engine = FileLockHolder.start(data.resolve("db/achemine.mv.db"));
        try (BufferedReader said = new BufferedReader(new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(said.readLine()).isEqualTo(FileLockHolder.HOLDING);
            Run locked = run("invoice", "list", "--achemine.data-dir=" + relative);

            // then one line says so and what to do, and names the log holding the stack trace
            assertOneLine(locked, "La base de " + data + " est ouverte par un autre processus, sans doute le moteur"
                    + " (run) en marche sur ce dossier : arrêtez-le (SIGTERM), puis relancez la commande — détails : ");
            Path log = Path.of(locked.err().strip().substring(locked.err().lastIndexOf(" : ") + 3));
            assertThat(Files.readString(log)).contains("invoice list").contains("90020").contains("\tat ");
            Files.delete(log);
        } finally {
            engine.getOutputStream().close();
            assertThat(engine.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aMissingDataFolderIsOneLineAndIsNotCreated() {
        Path nowhere = work.resolve("nowhere");

        Run run = run("invoice", "show", "ACH0011100000000000000001-1", "--achemine.data-dir=" + nowhere);

        assertOneLine(run, "Pas de base achemine dans " + nowhere + " (db/achemine.mv.db absent) : indiquez le dossier"
                + " de données avec --achemine.data-dir=DOSSIER (après la démo : --achemine.data-dir=achemine-data-demo),"
                + " ou lancez d'abord « demo » ou « run »");
        assertThat(nowhere).doesNotExist();
        assertThat(run("flow", "show", "X", "--achemine.data-dir=" + nowhere).exitCode()).isEqualTo(2);
        assertThat(run("job", "list", "--achemine.data-dir=" + nowhere).exitCode()).isEqualTo(2);
        assertThat(nowhere).doesNotExist();
    }

    @Test
    void aFileNotFoundIsOneLine() {
        Run run = run("directory", "import", work.resolve("structures.csv").toString(),
                work.resolve("services.csv").toString(), "--achemine.data-dir=" + work.resolve("data"));

        assertOneLine(run, "Fichier illisible : " + work.resolve("structures.csv")
                + " : vérifiez le chemin ; la commande prend le fichier des structures puis celui des services");
        assertOneLine(run("demo", "--samples", work.resolve("none").toString(), "--data-dir", work.resolve("demo").toString()),
                "Dossier d'exemples introuvable : " + work.resolve("none") + " (il doit contenir directory/ : indiquez"
                        + " le dossier samples du projet, ou omettez --samples pour les exemples du jar)");
    }

    @Test
    void aBadOptionIsOneLineNamingTheHelp() {
        String data = "--achemine.data-dir=" + work.resolve("data");

        assertOneLine(run("invoice", "list", "--sinse=2026-11-01", data), "Option inconnue : --sinse=2026-11-01 : voyez"
                + " --help pour les options de la commande ; un réglage s'écrit --clé=valeur, par exemple"
                + " --achemine.data-dir=achemine-data-demo");
        assertOneLine(run("invoice", "show"), "Paramètre manquant : ID : voyez « java -jar achemine.jar invoice show --help »");
        assertOneLine(run("invoice", "list", "--limit", "beaucoup", data), "Commande incorrecte : Invalid value for option"
                + " '--limit': 'beaucoup' is not an int : voyez « java -jar achemine.jar invoice list --help »");
        assertOneLine(run("facture"), "Argument inconnu : facture : voyez « java -jar achemine.jar --help »");
    }

    private static void assertOneLine(Run run, String line) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).as("stderr").hasSize(1).first().asString().startsWith(line);
        assertThat(run.out()).as("stdout").doesNotContain("\tat ").doesNotContain("Exception");
    }
}
