package org.achemine.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.achemine.directory.DirectoryLookup;
import org.achemine.directory.PublicService;
import org.achemine.directory.PublicStructure;

/**
 * Remembers, for one routing run, what the directory answered: recipients receive invoices by the
 * hundred, and a generation never changes once active. A chunk's unknown recipients are read together
 * ({@link #lookAhead}). Bounded; one per step execution, single-threaded.
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

    /**
     * Reads together what a chunk's requests will ask and is not remembered yet: their recipients, and the
     * services of those named with a service code (two queries for the chunk instead of two per invoice).
     */
    void lookAhead(List<RoutingRequest> requests) {
        List<String> unknown = requests.stream().map(RoutingRequest::buyerSiret).filter(Objects::nonNull)
                .filter(siret -> !structures.containsKey(siret)).distinct().toList();
        List<String> withServices = requests.stream().filter(RoutingRequest::hasServiceCode)
                .map(RoutingRequest::buyerSiret).filter(Objects::nonNull)
                .filter(siret -> !servicesOf.containsKey(siret)).distinct().toList();
        if (structures.size() + unknown.size() >= MAX_ENTRIES || servicesOf.size() + withServices.size() >= MAX_ENTRIES) {
            structures.clear();
            servicesOf.clear();
            services.clear();
        }
        Map<String, PublicStructure> found = directory.structures(unknown);
        unknown.forEach(siret -> structures.put(siret, Optional.ofNullable(found.get(siret))));
        servicesOf.putAll(directory.services(withServices));
    }

    @Override
    public Optional<PublicService> service(String structureIdentifier, String code) {
        List<PublicService> known = servicesOf.get(structureIdentifier);
        if (known != null) {
            // the structure's services were read ahead: the one of this code among them
            return known.stream().filter(service -> service.code().equals(code)).findFirst();
        }
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
