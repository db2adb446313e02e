package org.achemine.validation.en16931;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltTransformer;
import org.achemine.xml.HardenedXml;

/**
 * Rewrites an official Schematron stylesheet mechanically, without changing a finding ({@code trim-svrl.xsl}):
 * removes the output nobody reads (the {@code svrl:fired-rule} element written each time a rule fires and the
 * default-mode walk inside each {@code svrl:active-pattern}, which writes nothing) and, when asked, answers the
 * path-absence asserts of the rules on the document element from a per-document path summary
 * ({@link PathSummary}) and, when given, matches the wildcard rules by element name ({@link WildcardIndex}); in
 * every rule with several path-absence asserts left as XPath, runs them only when one existence test of all their
 * paths, computed once as the rule fires, finds one (when none exists, each of them holds); when asked, reads the
 * absolute paths of the asserts in the rules below the document element once per document, into global variables;
 * when given, walks each pattern over only the elements its rules can match ({@link SelectiveWalks}).
 * The failed asserts, their ids, flags, texts and locations are unchanged:
 * En16931AgreesWithPhiveTest compares them with phive's.
 */
final class StylesheetTrimmer {

    private static final String TRIMMER = "org/achemine/validation/en16931/trim-svrl.xsl";

    private StylesheetTrimmer() {
    }

    /** The official stylesheet as a tree, to trim and to read the rules of. */
    static XdmNode read(InputStream stylesheet, String systemId) throws SaxonApiException {
        return HardenedXml.processor().newDocumentBuilder().build(new StreamSource(stylesheet, systemId));
    }

    /**
     * The trimmed stylesheet, as a tree carrying the original's base URI.
     *
     * @param pathSummary      also answer the path-absence asserts from the per-document path summary
     * @param pathsOnce        read the absolute paths of the asserts below the document element once per document
     * @param wildcardRewrites official match pattern → its patterns by element name ({@link WildcardIndex}), or none
     * @param selectiveWalks   pattern mode → the elements its walk visits ({@link SelectiveWalks}), or none
     */
    static XdmNode trim(XdmNode original, boolean pathSummary, boolean pathsOnce,
            Map<String, List<String>> wildcardRewrites, Map<String, String> selectiveWalks) throws SaxonApiException {
        Processor processor = HardenedXml.processor();
        XsltTransformer trimmer = processor.newXsltCompiler()
                .compile(new StreamSource(StylesheetTrimmer.class.getClassLoader().getResourceAsStream(TRIMMER),
                        TRIMMER))
                .load();
        trimmer.setInitialContextNode(original);
        trimmer.setParameter(new QName("path-summary"), new XdmAtomicValue(pathSummary));
        trimmer.setParameter(new QName("paths-once"), new XdmAtomicValue(pathsOnce));
        Map<XdmAtomicValue, XdmValue> rewrites = new HashMap<>();
        wildcardRewrites.forEach((match, branches) -> rewrites.put(new XdmAtomicValue(match),
                new XdmValue(branches.stream().map(XdmAtomicValue::new).toList())));
        trimmer.setParameter(new QName("wildcard-rewrites"), new XdmMap(rewrites));
        Map<XdmAtomicValue, XdmValue> walks = new HashMap<>();
        selectiveWalks.forEach((mode, select) -> walks.put(new XdmAtomicValue(mode), new XdmAtomicValue(select)));
        trimmer.setParameter(new QName("selective-walks"), new XdmMap(walks));
        XdmDestination trimmed = new XdmDestination();
        trimmed.setBaseURI(original.getBaseURI());
        trimmer.setDestination(trimmed);
        trimmer.transform();
        return trimmed.getXdmNode();
    }
}
