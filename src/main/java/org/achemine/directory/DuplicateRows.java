package org.achemine.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Notes rows whose key was already seen in the file: the last one wins (the writer merges on the key);
 * the report says which line replaced an earlier one.
 */
final class DuplicateRows<T> implements ItemProcessor<DirectoryEntry<T>, DirectoryEntry<T>> {

    private final Function<T, String> key;
    private final Set<String> seen = new HashSet<>();

    DuplicateRows(Function<T, String> key) {
        this.key = key;
    }

    @Override
    public DirectoryEntry<T> process(DirectoryEntry<T> entry) {
        String k = key.apply(entry.value());
        if (seen.add(k)) {
            return entry;
        }
        List<String> warnings = new ArrayList<>(entry.warnings());
        warnings.add("ligne en double pour " + k + " : elle remplace la précédente");
        return new DirectoryEntry<>(entry.value(), entry.lineNumber(), entry.raw(), warnings);
    }
}
