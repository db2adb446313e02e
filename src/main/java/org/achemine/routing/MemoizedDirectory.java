package org.achemine.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.achemine.directory.DirectoryLookup;
import org.achemine.directory.PublicService;
import org.achemine.directory.PublicStructure;

/**
 * Remembers, for one routing run, what the directory answered: recipients receive invoices by the
 * hundred, and a generation never changes once active. Bounded; one per step execution, single-threaded.
 */
final class MemoizedDirectory implements DirectoryLookup {

    private static final int MAX_ENTRIES = 50_000;

    private final DirectoryLookup directory;
    private final Map<String, Optional<PublicStructure>> structures = new HashMap<>();
    private final Map<String, Optional<PublicService>> services = new HashMap<>();
    private final Map<String, List<PublicService>> servicesOf = new HashMap<>();

    MemoizedDirectory(DirectoryLookup directory) {
        this.directory = directory;
    }

    @Override
    public Optional<PublicStructure> structure(String identifier) {
        return remember(structures, identifier, () -> directory.structure(identifier));
    }

    @Override
    public Optional<PublicService> service(String structureIdentifier, String code) {
        String key = structureIdentifier + '\u0000' + code;
        return remember(services, key, () -> directory.service(structureIdentifier, code));
    }

    @Override
    public List<PublicService> services(String structureIdentifier) {
        return remember(servicesOf, structureIdentifier, () -> directory.services(structureIdentifier));
    }

    private static <V> V remember(Map<String, V> memory, String key, java.util.function.Supplier<V> lookup) {
        V known = memory.get(key);
        if (known == null) {
            if (memory.size() >= MAX_ENTRIES) {
                memory.clear();
            }
            known = lookup.get();
            memory.put(key, known);
        }
        return known;
    }
}
