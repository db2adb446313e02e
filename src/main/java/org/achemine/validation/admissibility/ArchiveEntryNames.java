package org.achemine.validation.admissibility;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.achemine.validation.PartnerText;

/** The rules on entry names inside a batch archive: safe paths, junk to skip, archives not to open. */
final class ArchiveEntryNames {

    private static final String[] ARCHIVE_EXTENSIONS = {
        ".zip", ".tar.gz", ".tgz", ".gz", ".tar", ".7z", ".rar", ".bz2", ".tbz2", ".xz", ".jar"};

    /** The longest entry name kept (flow_document.entry_name); longer is refused, never stored or copied whole. */
    static final int MAX_NAME = 1024;
    /** Linux and Windows limit one name to 255 bytes: a longer one cannot be unpacked anywhere. */
    static final int MAX_SEGMENT_BYTES = 255;

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
        if (name.length() > MAX_NAME) {
            return Optional.of("« " + PartnerText.shown(name, 80) + " » : un nom d'entrée de " + name.length()
                    + " caractères dépasse les " + MAX_NAME + " que la plateforme conserve");
        }
        for (String segment : name.split("/")) {
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                return Optional.of("« " + PartnerText.shown(name, 80) + " » : un nom de plus de " + MAX_SEGMENT_BYTES
                        + " octets n'est pas portable");
            }
        }
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || PartnerText.isBidiControl(c))) {
            return Optional.of("« " + PartnerText.shown(name) + " » contient un caractère de contrôle");
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

    /**
     * What two names share when they land on the same file once unpacked: {@code .} and empty segments dropped,
     * case folded (Windows and macOS disks ignore case).
     */
    static String sameFileKey(String name) {
        StringBuilder key = new StringBuilder();
        for (String segment : name.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                key.append(key.isEmpty() ? "" : "/").append(segment.toLowerCase(Locale.ROOT));
            }
        }
        return key.toString();
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
}
