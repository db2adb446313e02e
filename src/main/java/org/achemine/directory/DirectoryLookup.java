package org.achemine.directory;

import java.util.List;
import java.util.Optional;

/** What routing asks the directory in service. */
public interface DirectoryLookup {

    Optional<PublicStructure> structure(String identifier);

    Optional<PublicService> service(String structureIdentifier, String code);

    /** The services of a structure, by code. */
    List<PublicService> services(String structureIdentifier);
}
