package org.achemine.directory;

import java.util.List;

/** A parsed directory row, kept with its line number and the warnings it raised (kept, but reported). */
public record DirectoryEntry<T>(T value, long lineNumber, String raw, List<String> warnings) {

    public DirectoryEntry {
        warnings = List.copyOf(warnings);
    }
}
