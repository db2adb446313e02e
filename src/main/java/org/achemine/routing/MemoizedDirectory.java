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
     * Reads together what a chunk's requests will ask and is not remembered yet: their recipients, then the services
     * of those named with a service code and of those that require one where none is given (the refusal lists their
     * open codes): two queries for the chunk instead of up to two per invoice.
     */
    void lookAhead(List<RoutingRequest> requests) {
        List<String> unknown = requests.stream().map(RoutingRequest::buyerSiret).filter(Objects::nonNull)
                .filter(siret -> !structures.containsKey(siret)).distinct().toList();
        if (structures.size() + unknown.size() >= MAX_ENTRIES) {
            forget();
        }
        Map<String, PublicStructure> found = directory.structures(unknown);
        unknown.forEach(siret -> structures.put(siret, Optional.ofNullable(found.get(siret))));
        List<String> withServices = requests.stream().filter(this::asksServices).map(RoutingRequest::buyerSiret)
                .filter(siret -> !servicesOf.containsKey(siret)).distinct().toList();
        if (servicesOf.size() + withServices.size() >= MAX_ENTRIES) {
            servicesOf.clear(); // the structures just read stay
            services.clear();
        }
        servicesOf.putAll(directory.services(withServices));
    }

    /**
     * Whether deciding this request reads its recipient's services: it names a service code, or gives none to a
     * recipient that requires one (as {@link RoutingRules#decide} reaches that check: active, not a project owner
     * only).
     */
    private boolean asksServices(RoutingRequest request) {
        if (request.buyerSiret() == null) {
            return false;
        }
        if (request.hasServiceCode()) {
            return true;
        }
        Optional<PublicStructure> recipient = structures.get(request.buyerSiret());
        return recipient != null && recipient.isPresent() && recipient.get().active() && !recipient.get().moaOnly()
                && recipient.get().serviceRequired();
    }

    /** Bounded: past {@link #MAX_ENTRIES}, everything is read again. */
    private void forget() {
        structures.clear();
        servicesOf.clear();
        services.clear();
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
