package org.achemine.validation.en16931;

import java.io.InputStream;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltTransformer;
import org.achemine.xml.HardenedXml;

/**
 * Rewrites an official Schematron stylesheet mechanically, without changing a finding ({@code trim-svrl.xsl}):
 * removes the output nobody reads (the {@code svrl:fired-rule} element written each time a rule fires and the
 * default-mode walk inside each {@code svrl:active-pattern}, which writes nothing) and, when asked, answers the
 * path-absence asserts of the rules on the document element from a per-document path summary
 * ({@link PathSummary}). The failed asserts, their ids, flags, texts and locations are unchanged:
 * En16931AgreesWithPhiveTest compares them with phive's.
 */
final class StylesheetTrimmer {

    private static final String TRIMMER = "org/achemine/validation/en16931/trim-svrl.xsl";

    private StylesheetTrimmer() {
    }

    /**
     * The trimmed stylesheet, as a tree carrying the original's base URI.
     *
     * @param pathSummary also answer the path-absence asserts from the per-document path summary
     */
    static XdmNode trim(InputStream stylesheet, String systemId, boolean pathSummary) throws SaxonApiException {
        Processor processor = HardenedXml.processor();
        XsltTransformer trimmer = processor.newXsltCompiler()
                .compile(new StreamSource(StylesheetTrimmer.class.getClassLoader().getResourceAsStream(TRIMMER),
                        TRIMMER))
                .load();
        XdmNode original = processor.newDocumentBuilder().build(new StreamSource(stylesheet, systemId));
        trimmer.setInitialContextNode(original);
        trimmer.setParameter(new QName("path-summary"), new XdmAtomicValue(pathSummary));
        XdmDestination trimmed = new XdmDestination();
        trimmed.setBaseURI(original.getBaseURI());
        trimmer.setDestination(trimmed);
        trimmer.transform();
        return trimmed.getXdmNode();
    }
}
