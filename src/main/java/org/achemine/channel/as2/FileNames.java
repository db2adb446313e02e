package org.achemine.channel.as2;

import java.util.Locale;

/**
 * The name a payload gets in {@code in/}: the file name the sender gave (Content-Disposition), reduced to
 * characters every file system and the intake take, or one made from its SHA-256 when it gave none.
 */
final class FileNames {

    private static final int MAX = 200;

    private FileNames() {
    }

    static String of(String given, String sha256, String contentType) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^[._]+", "");
        if (name.isEmpty()) {
            return "as2-" + sha256.substring(0, 16) + extension(contentType);
        }
        return name.length() > MAX ? name.substring(name.length() - MAX) : name;
    }

    /** {@code facture.xml} → {@code facture-2.xml}: another message's file of the same name still waits. */
    static String numbered(String name, int n) {
        int dot = name.indexOf('.');
        return dot <= 0 ? name + "-" + n : name.substring(0, dot) + "-" + n + name.substring(dot);
    }

    private static String extension(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("zip")) {
            return ".zip";
        }
        if (type.contains("gzip")) {
            return ".tar.gz";
        }
        return ".xml";
    }
}
