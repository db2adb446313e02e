package org.achemine.delivery.pivot;

/** File names as the pivot carries them ({@code PJ/NomPJ}: at most 50 characters), also a completion document's file name. */
public final class PivotNames {

    static final int MAX_NAME = 50;

    private PivotNames() {
    }

    /**
     * An attachment's name within 50 characters, reduced to characters every recipient's file system accepts,
     * its extension kept (the recipient opens it by its extension); {@code PJ<rank>} when nothing is left.
     */
    public static String attachmentName(String fileName, int rank) {
        String safe = fileName == null ? "" : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.' || c == '_')) {
            safe = "PJ" + rank;
        }
        if (safe.length() <= MAX_NAME) {
            return safe;
        }
        int dot = safe.lastIndexOf('.');
        String extension = dot > 0 && safe.length() - dot <= 10 ? safe.substring(dot) : "";
        return safe.substring(0, MAX_NAME - extension.length()) + extension;
    }
}
