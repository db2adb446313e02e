package org.achemine.validation.en16931;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.xml.transform.Source;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;
import org.achemine.validation.CheckName;
import org.achemine.validation.CheckResult;
import org.achemine.validation.CompiledPerSyntax;
import org.achemine.validation.DocumentCheck;
import org.achemine.validation.Finding;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.RuleSet;
import org.achemine.validation.Syntax;
import org.achemine.xml.HardenedXml;

/**
 * The official CEN EN 16931 business rules (release {@value #VERSION}), as the precompiled XSLT shipped in
 * phive-rules-en16931, run by Saxon on the document's native tree. Each failed assert becomes a finding
 * with the rule id, its flag, its text and its location. Each stylesheet is compiled once (in the constructor,
 * or when a document of its syntax first comes); the executables are shared and new transformers are loaded per
 * document. Thread-safe.
 *
 * <p>A compiled Schematron walks the document once per pattern (UBL: model, syntax, code lists), each walk in
 * its own mode, and concatenates what the walks report. We start each walk directly in its mode on the
 * document node, exactly as the stylesheet's root template does, which lets the walks of a large invoice
 * run on several cores at once; the findings keep the stylesheet's order.
 */
public final class En16931Check implements DocumentCheck {

    public static final String VERSION = "1.3.16";
    public static final RuleSet RULE_SET = new RuleSet("EN 16931 (CEN/TC 434)", VERSION);

    private static final String BASE = "external/schematron/" + VERSION + "/";
    static final String UBL_STYLESHEET = BASE + "ubl/EN16931-UBL-validation.xslt";
    static final String CII_STYLESHEET = BASE + "cii/EN16931-CII-validation.xslt";

    /** Below this size the pattern walks run one after the other: handing them to other threads costs more. */
    static final int PARALLEL_FROM_BYTES = 256 * 1024;

    /**
     * From this size on, the path-absence asserts are answered from a per-document path summary (PathSummary):
     * on a large invoice it saves walking every line once per assert; on a small one the calls cost more than
     * the short walks they replace. The same version reads the absolute paths of the rules below the document
     * element once per document (trim-svrl.xsl).
     */
    static final int PATH_SUMMARY_FROM_BYTES = 64 * 1024;

    static {
        // The rewritten stylesheets call it in place of the official path-absence asserts (trim-svrl.xsl).
        HardenedXml.processor().registerExtensionFunction(new PathSummary());
        // and summary:present, the test that guards a rule's path-absence asserts left as XPath
        HardenedXml.processor().registerExtensionFunction(new PathPresence());
        // and walk:elements, where each pattern's walk starts (SelectiveWalks)
        HardenedXml.processor().registerExtensionFunction(new NamedElements());
    }

    /** The rules with the wildcard patterns looked up by name (WildcardIndex): what documents are checked with. */
    private final CompiledPerSyntax<Rules> rules;
    /** The same rules with the path summary, compiled when the first large invoice of a syntax comes. */
    private final CompiledPerSyntax<Rules> summarisedRules;
    /** Both with the official wildcard patterns, compiled when a document first holds a name WildcardIndex lacks. */
    private final CompiledPerSyntax<Rules> officialPatternRules;
    private final CompiledPerSyntax<Rules> summarisedOfficialPatternRules;
    private final boolean parallelWalks;
    private final RuleMessages messages = RuleMessages.french();

    /**
     * A compiled stylesheet and the modes of its patterns, in the order its root template applies them; byName
     * tells which documents its wildcard rules, looked up by name, still match exactly (null: official patterns).
     */
    private record Rules(XsltExecutable executable, List<QName> patternModes, WildcardIndex byName) {
    }

    /** Compiles both stylesheets now (a few seconds each, in parallel); large invoices' walks run in parallel. */
    public En16931Check() {
        this(false, true);
    }

    /**
     * @param onFirstUse    compile each syntax's stylesheet when a document of it first comes (the validate command)
     * @param parallelWalks run the pattern walks of an invoice of {@value #PARALLEL_FROM_BYTES} bytes or more on
     *                      several cores; off, every document is validated on the calling thread alone
     */
    public En16931Check(boolean onFirstUse, boolean parallelWalks) {
        this.rules = new CompiledPerSyntax<>(syntax -> compile(syntax, false, true), onFirstUse);
        this.summarisedRules = new CompiledPerSyntax<>(syntax -> compile(syntax, true, true), true);
        this.officialPatternRules = new CompiledPerSyntax<>(syntax -> compile(syntax, false, false), true);
        this.summarisedOfficialPatternRules = new CompiledPerSyntax<>(syntax -> compile(syntax, true, false), true);
        this.parallelWalks = parallelWalks;
    }

    @Override
    public CheckName name() {
        return CheckName.EN16931;
    }

    @Override
    public CheckResult check(ParsedInvoice invoice) throws SaxonApiException {
        long start = System.nanoTime();
        XdmNode tree = invoice.tree();
        int size = invoice.bytes().length;
        List<SvrlCollector.Failure> failures = failures(tree, invoice.syntax(),
                parallelWalks && size >= PARALLEL_FROM_BYTES, size >= PATH_SUMMARY_FROM_BYTES);
        List<Finding> findings = new ArrayList<>(failures.size());
        for (SvrlCollector.Failure failure : failures) {
            findings.add(failure.toFinding(messages, SvrlLocations.resolve(tree, failure.location())));
        }
        return CheckResult.of(CheckName.EN16931, findings, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The failed asserts of the official rules on this tree, in the stylesheet's order, as it wrote them: the
     * wildcard rules looked up by name when that is exact on this document, else with the official patterns.
     */
    List<SvrlCollector.Failure> failures(XdmNode tree, Syntax syntax, boolean inParallel, boolean pathSummary)
            throws SaxonApiException {
        return failures(tree, syntax, inParallel, pathSummary, !matchedByName(tree, syntax));
    }

    /** The same, with the official wildcard patterns whatever the document holds when officialPatterns is set. */
    List<SvrlCollector.Failure> failures(XdmNode tree, Syntax syntax, boolean inParallel, boolean pathSummary,
            boolean officialPatterns) throws SaxonApiException {
        Rules compiled = (officialPatterns ? (pathSummary ? summarisedOfficialPatternRules : officialPatternRules)
                : (pathSummary ? summarisedRules : rules)).of(syntax);
        return inParallel ? walkInParallel(compiled, tree) : walk(compiled, compiled.patternModes(), tree);
    }

    /** True when the wildcard rules looked up by name match exactly what the official patterns match here. */
    boolean matchedByName(XdmNode tree, Syntax syntax) {
        return rules.of(syntax).byName().covers(tree);
    }

    /** Runs the given pattern walks one after the other with one transformer. */
    private static List<SvrlCollector.Failure> walk(Rules rules, List<QName> modes, XdmNode tree)
            throws SaxonApiException {
        Xslt30Transformer transformer = rules.executable().load30();
        transformer.setGlobalContextItem(tree);
        SvrlCollector collector = new SvrlCollector();
        for (QName mode : modes) {
            transformer.setInitialMode(mode);
            transformer.applyTemplates(tree, new SAXDestination(collector));
        }
        return collector.failures();
    }

    /** Runs the first walk on this thread and the others on the common pool, then joins them in order. */
    private static List<SvrlCollector.Failure> walkInParallel(Rules rules, XdmNode tree) throws SaxonApiException {
        List<QName> modes = rules.patternModes();
        List<CompletableFuture<List<SvrlCollector.Failure>>> others = new ArrayList<>();
        for (QName mode : modes.subList(1, modes.size())) {
            others.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return walk(rules, List.of(mode), tree);
                } catch (SaxonApiException e) {
                    throw new CompletionException(e);
                }
            }));
        }
        List<SvrlCollector.Failure> failures = new ArrayList<>(walk(rules, modes.subList(0, 1), tree));
        try {
            for (CompletableFuture<List<SvrlCollector.Failure>> other : others) {
                failures.addAll(other.join());
            }
        } catch (CompletionException e) {
            if (e.getCause() instanceof SaxonApiException saxon) {
                throw saxon;
            }
            throw e;
        }
        return failures;
    }

    private static String stylesheet(Syntax syntax) {
        return syntax.isUbl() ? UBL_STYLESHEET : CII_STYLESHEET;
    }

    private static Rules compile(Syntax syntax, boolean pathSummary, boolean byName) {
        String resource = stylesheet(syntax);
        URL url = En16931Check.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("EN 16931 stylesheet not on the class path: " + resource);
        }
        Processor processor = HardenedXml.processor();
        try (InputStream in = url.openStream()) {
            XdmNode official = StylesheetTrimmer.read(in, url.toExternalForm());
            WildcardIndex index = byName ? WildcardIndex.of(official, SchemaElementNames.of(syntax)) : null;
            // the large invoices' version also reads the asserts' absolute paths once per document: on a small one
            // the global variables cost more than the short paths they replace (En16931StepBench)
            Map<String, List<String>> rewrites = byName ? index.rewrites() : Map.of();
            XdmNode stylesheet = StylesheetTrimmer.trim(official, pathSummary, pathSummary, rewrites,
                    SelectiveWalks.of(official, rewrites));
            Source source = stylesheet.asSource();
            source.setSystemId(url.toExternalForm());
            XsltExecutable executable = processor.newXsltCompiler().compile(source);
            return new Rules(executable, patternModes(processor, stylesheet), index);
        } catch (IOException | SaxonApiException e) {
            throw new IllegalStateException("Cannot compile the EN 16931 stylesheet " + resource, e);
        }
    }

    /** The modes the root template walks the document in, in order (e.g. M11, M12, M13). */
    static List<QName> patternModes(Processor processor, XdmNode stylesheet) throws SaxonApiException {
        XPathCompiler xpath = processor.newXPathCompiler();
        xpath.declareNamespace("xsl", "http://www.w3.org/1999/XSL/Transform");
        List<QName> modes = new ArrayList<>();
        for (XdmItem mode : xpath.evaluate("/xsl:stylesheet/xsl:template[@match = '/' and not(@mode)]"
                + "//xsl:apply-templates[@select = '/']/@mode", stylesheet)) {
            modes.add(new QName(mode.getStringValue()));
        }
        if (modes.isEmpty()) {
            throw new IllegalStateException("No Schematron pattern found in " + stylesheet.getBaseURI());
        }
        return List.copyOf(modes);
    }
}
