package org.achemine.validation.admissibility;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.achemine.validation.Syntax;
import org.achemine.xml.HardenedXml;

/**
 * The syntax a document's root start tag announces, read by the hardened StAX parser up to that tag only (the
 * intake's interface sniffer reads a root the same way): its name and the namespace it is in. A guess that only
 * chooses which schema the one parse validates against: the parse checks the root it meets against it and proves
 * nothing when they differ. A DOCTYPE before the root, or a document broken before it, is no guess at all.
 */
final class DeclaredRoot {

    private DeclaredRoot() {
    }

    /** @param offset where the document starts (past a BOM) */
    static Optional<Syntax> syntax(byte[] bytes, int offset) {
        return HardenedXml.rootElement(new ByteArrayInputStream(bytes, offset, bytes.length - offset), false)
                .flatMap(root -> Syntax.of(root.getNamespaceURI(), root.getLocalPart()));
    }
}
