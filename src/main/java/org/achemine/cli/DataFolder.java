package org.achemine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The data folder a command works on, known before the application starts: to check it is there and to name
 * it in messages. The application itself reads {@code achemine.data-dir} (made absolute at start-up).
 */
final class DataFolder {

    static final String OPTION = "--achemine.data-dir=";

    private DataFolder() {
    }

    /** {@code --achemine.data-dir=}, then the environment, then the default, as an absolute path. */
    static Path configured(List<String> args) {
        for (String arg : args) {
            if (arg.startsWith(OPTION)) {
                return absolute(arg.substring(OPTION.length()));
            }
        }
        String fromEnvironment = System.getenv("ACHEMINE_DATA_DIR");
        return absolute(fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : "achemine-data");
    }

    static Path absolute(String folder) {
        return Path.of(folder).toAbsolutePath().normalize();
    }

    /**
     * Refuses a folder without achemine's database: starting the application there would create an empty one
     * and answer "nothing" instead of "wrong folder". A PostgreSQL server (ADR 0018) is not in the folder: the
     * application checks it when it connects.
     */
    static void requireDatabase(Path folder, String option, List<String> args) {
        if (embeddedDatabase(args) && !Files.exists(folder.resolve("db").resolve("achemine.mv.db"))) {
            throw new CommandFailure("Pas de base achemine dans " + folder + " (db/achemine.mv.db absent) : indiquez"
                    + " le dossier de données avec " + option + "DOSSIER (après la démo : " + option
                    + "achemine-data-demo), ou lancez d'abord « demo » ou « run »");
        }
    }

    /** Whether the database is the folder's H2 file: no PostgreSQL URL or profile among the settings. */
    static boolean embeddedDatabase(List<String> args) {
        List<String> settings = new ArrayList<>(args);
        settings.add("--achemine.database.url=" + System.getenv().getOrDefault("ACHEMINE_DATABASE_URL", ""));
        settings.add("--spring.profiles.active=" + System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", ""));
        return settings.stream().noneMatch(arg -> arg.matches("--(achemine\\.database|spring\\.datasource)\\.url=jdbc:postgresql:.*")
                || arg.matches("--spring\\.profiles\\.active=(.*,)?postgres(,.*)?"));
    }

    /**
     * Refuses an argument that is neither one of the command's options nor a {@code --key=value} setting for
     * the application (whose keys all have a dot: {@code --achemine.data-dir=...}, {@code --server.port=...}):
     * a mistyped option would otherwise be ignored in silence.
     */
    static void checkSettings(List<String> args) {
        for (String arg : args) {
            if (!arg.matches("--[A-Za-z][\\w\\[\\]-]*(\\.[\\w\\[\\]-]+)+=.*")) {
                throw new CommandFailure("Option inconnue : " + arg + " : voyez --help pour les options de la"
                        + " commande ; un réglage s'écrit --clé=valeur, par exemple " + OPTION + "achemine-data-demo");
            }
        }
    }
}
