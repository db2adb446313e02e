package org.achemine.validation.en16931;

import java.io.InputStream;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltTransformer;
import org.achemine.xml.HardenedXml;

/**
 * Removes from an official Schematron stylesheet the output nobody reads, without touching a rule: the
 * {@code svrl:fired-rule} element written each time a rule fires (several per invoice line) and the
 * default-mode walk over the whole document inside each {@code svrl:active-pattern}, which writes nothing.
 * The failed asserts, their ids, flags, texts and locations are unchanged (the benchmark compares them with
 * phive's on every file).
 */
final class StylesheetTrimmer {

    private static final String TRIMMER = "org/achemine/validation/en16931/trim-svrl.xsl";

    private StylesheetTrimmer() {
    }

    /** The trimmed stylesheet, as a tree carrying the original's base URI. */
    static XdmNode trim(InputStream stylesheet, String systemId) throws SaxonApiException {
        Processor processor = HardenedXml.processor();
        XsltTransformer trimmer = processor.newXsltCompiler()
                .compile(new StreamSource(StylesheetTrimmer.class.getClassLoader().getResourceAsStream(TRIMMER),
                        TRIMMER))
                .load();
        XdmNode original = processor.newDocumentBuilder().build(new StreamSource(stylesheet, systemId));
        trimmer.setInitialContextNode(original);
        XdmDestination trimmed = new XdmDestination();
        trimmed.setBaseURI(original.getBaseURI());
        trimmer.setDestination(trimmed);
        trimmer.transform();
        return trimmed.getXdmNode();
    }
}
