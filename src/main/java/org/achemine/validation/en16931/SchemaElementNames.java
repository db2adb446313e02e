package org.achemine.validation.en16931;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.achemine.validation.Syntax;

/**
 * The element names the official schemas of a syntax declare ({@code Q{namespace}local}, e.g.
 * {@code Q{urn:...:CommonBasicComponents-2}TaxAmount}). They tell {@link WildcardIndex} which names a wildcard rule
 * may meet; a document holding any other name that such a rule could match is checked with the official patterns,
 * so this list decides only how often the faster walk runs, never a finding.
 *
 * <p>The lists are generated from the XSDs on the class path and committed: reading the 3 MB of UBL schemas took
 * seconds of engine start-up under load, the list takes milliseconds. {@code SchemaElementNamesTest} reads the
 * schemas and fails, writing the list to regenerate, when a committed list is no longer what they declare.
 */
final class SchemaElementNames {

    private SchemaElementNames() {
    }

    /** The declared element names of the syntax's family (UBL: Invoice and CreditNote together), sorted. */
    static Set<String> of(Syntax syntax) {
        String resource = resource(syntax);
        try (InputStream in = SchemaElementNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Element name list " + resource + " is not on the class path");
            }
            Set<String> names = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
            return Collections.unmodifiableSet(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The committed list of the syntax's family, next to this class. */
    static String resource(Syntax syntax) {
        return syntax.isUbl() ? "schema-element-names-ubl.txt" : "schema-element-names-cii.txt";
    }
}
