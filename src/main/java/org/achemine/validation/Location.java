package org.achemine.validation;

/**
 * Where a finding points: a line and column in the document (1-based, 0 when unknown), an XPath-like
 * path, or both. {@link #NONE} when the finding concerns the whole file.
 */
public record Location(int line, int column, String path) {

    public static final Location NONE = new Location(0, 0, null);

    public static Location at(int line, int column) {
        return new Location(Math.max(line, 0), Math.max(column, 0), null);
    }

    public static Location path(String path) {
        return new Location(0, 0, path);
    }

    public Location withPath(String newPath) {
        return new Location(line, column, newPath);
    }

    public boolean hasLine() {
        return line > 0;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (line > 0) {
            text.append("ligne ").append(line);
            if (column > 0) {
                text.append(", colonne ").append(column);
            }
        }
        if (path != null && !path.isEmpty()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(path);
        }
        return text.toString();
    }
}
