package org.achemine.validation.attachment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Whether an attachment that is text would be run or rendered rather than read: a {@code #!} line (already an
 * executable for the sniffer), HTML, JavaScript, SVG or server-page markup in its first bytes, or a name whose
 * extension a desktop opens in a browser or an interpreter. Plain text under a wrong declared type is only
 * mislabelled; active text under a wrong type is disguised, and stays refused. Stateless and thread-safe.
 */
final class ActiveText {

    /** Lower-case markers of markup or script a browser or interpreter acts on. */
    private static final List<String> MARKERS = List.of("<script", "<html", "<!doctype html", "<svg", "<iframe",
            "<object", "<embed", "<?php", "<%", "javascript:", "vbscript:");
    private static final List<String> EXTENSIONS = List.of(".htm", ".html", ".xhtml", ".svg", ".js", ".mjs", ".hta",
            ".sh", ".bat", ".cmd", ".ps1", ".vbs", ".wsf", ".php", ".py", ".pl");
    private static final int PROBE = 8192;

    private ActiveText() {
    }

    /** What makes this text active, shown to the supplier, or null when it is plain text. */
    static String sign(Attachment attachment) {
        byte[] content = attachment.content();
        String start = new String(content, 0, Math.min(content.length, PROBE), StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT);
        if (start.stripLeading().startsWith("#!")) {
            return "une ligne « #! » de script";
        }
        for (String marker : MARKERS) {
            if (start.contains(marker)) {
                return "le balisage ou script « " + marker + " »";
            }
        }
        String name = attachment.fileName() == null ? "" : attachment.fileName().toLowerCase(Locale.ROOT);
        for (String extension : EXTENSIONS) {
            if (name.endsWith(extension)) {
                return "un nom en « " + extension + " », ouvert comme un script ou une page";
            }
        }
        return null;
    }
}
