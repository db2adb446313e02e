package org.achemine.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What routing asks the directory in service. */
public interface DirectoryLookup {

    Optional<PublicStructure> structure(String identifier);

    Optional<PublicService> service(String structureIdentifier, String code);

    /** The services of a structure, by code. */
    List<PublicService> services(String structureIdentifier);

    /** {@link #structure} for many identifiers (a routing chunk's): those found, by identifier. */
    default Map<String, PublicStructure> structures(Collection<String> identifiers) {
        Map<String, PublicStructure> found = new HashMap<>();
        identifiers.forEach(identifier -> structure(identifier).ifPresent(s -> found.put(identifier, s)));
        return found;
    }

    /** {@link #services(String)} for many structures: by identifier, every one asked (an empty list: none). */
    default Map<String, List<PublicService>> services(Collection<String> structureIdentifiers) {
        Map<String, List<PublicService>> found = new HashMap<>();
        structureIdentifiers.forEach(identifier -> found.put(identifier, services(identifier)));
        return found;
    }
}
