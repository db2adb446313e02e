package org.achemine.validation.admissibility;

import java.util.Locale;
import java.util.Optional;

/** The rules on entry names inside a batch archive: safe paths, junk to skip, archives not to open. */
final class ArchiveEntryNames {

    private static final String[] ARCHIVE_EXTENSIONS = {
        ".zip", ".tar.gz", ".tgz", ".gz", ".tar", ".7z", ".rar", ".bz2", ".tbz2", ".xz", ".jar"};

    private ArchiveEntryNames() {
    }

    /**
     * Why the name is not a safe relative path, if it is not. We never write entries to disk, but the names go
     * into reports and archives downstream, and a name that climbs out of its folder is an attack, not an invoice.
     */
    static Optional<String> pathProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("entrée sans nom");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("« " + printable(name) + " » contient un caractère de contrôle");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("« " + name + " » contient une barre oblique inverse « \\ »");
        }
        if (name.startsWith("/")) {
            return Optional.of("« " + name + " » est un chemin absolu");
        }
        if (name.length() >= 2 && Character.isLetter(name.charAt(0)) && name.charAt(1) == ':') {
            return Optional.of("« " + name + " » commence par une lettre de lecteur");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return Optional.of("« " + name + " » remonte dans l'arborescence (« .. »)");
            }
        }
        return Optional.empty();
    }

    /** Files desktop tools add to archives (macOS resource forks and folder settings): not invoices, skipped. */
    static boolean isJunk(String name) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || fileName.equals(".DS_Store");
    }

    static boolean looksLikeArchive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String extension : ARCHIVE_EXTENSIONS) {
            if (lower.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String name) {
        StringBuilder text = new StringBuilder();
        name.codePoints().forEach(c -> text.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return text.toString();
    }
}
