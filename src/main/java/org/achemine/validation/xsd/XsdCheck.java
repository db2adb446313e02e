package org.achemine.validation.xsd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import net.sf.saxon.s9api.BuildingContentHandler;
import net.sf.saxon.s9api.SaxonApiException;
import org.achemine.validation.CheckName;
import org.achemine.validation.CheckResult;
import org.achemine.validation.CompiledPerSyntax;
import org.achemine.validation.DocumentCheck;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.Location;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.ProvingParse;
import org.achemine.validation.RuleSet;
import org.achemine.validation.Syntax;
import org.achemine.xml.HardenedXml;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates a document against the official schema of its syntax (UBL 2.1 Invoice/CreditNote from ph-ubl21,
 * CII D16B from ph-cii-d16b), each compiled once (at construction, or on first use). Every error becomes an XSD_INVALIDE
 * finding with its line and column (all of them, up to {@value #MAX_FINDINGS}). Thread-safe: the compiled
 * {@link Schema}s are shared; each thread keeps its own hardened reader validating against each schema,
 * lent to one document at a time. Its parse is also admissibility's ({@link ProvingParse}): a document it reads
 * to the end is well-formed, and is parsed once.
 */
public final class XsdCheck implements DocumentCheck, ProvingParse {

    /** Most errors detailed per document; a pathological file could otherwise fill a report with millions. */
    static final int MAX_FINDINGS = 100;

    private static final String UBL_INVOICE = "external/schemas/ubl21/maindoc/UBL-Invoice-2.1.xsd";
    private static final String UBL_CREDIT_NOTE = "external/schemas/ubl21/maindoc/UBL-CreditNote-2.1.xsd";
    private static final String CII_D16B = "external/schemas/d16b/data/standard/CrossIndustryInvoice_100pD16B.xsd";

    /**
     * Keys with which the validator restates, at the same position, the error it has just reported on a value
     * ("the value of element X is not valid" after "'abc' is not a valid date"): dropped as noise.
     */
    private static final Set<String> RESTATEMENTS = Set.of("cvc-type.3.1.3", "cvc-complex-type.2.2",
            "cvc-attribute.3", "cvc-elt.5.2.1");

    private static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";
    private static final String NORMALIZED_VALUE = "http://apache.org/xml/features/validation/schema/normalized-value";
    private static final String ELEMENT_DEFAULT = "http://apache.org/xml/features/validation/schema/element-default";

    private final CompiledPerSyntax<Schema> schemas;
    /** This thread's reader and validator for each schema, free between documents. */
    private final ThreadLocal<Map<Schema, Pass>> passes = ThreadLocal.withInitial(() -> new IdentityHashMap<>(2));

    /** Compiles both schemas now (the engine). */
    public XsdCheck() {
        this(false);
    }

    /** @param onFirstUse compile each syntax's schema when a document of it first comes (the validate command) */
    public XsdCheck(boolean onFirstUse) {
        ClasspathSchemaResolver resolver = new ClasspathSchemaResolver();
        // One schema for both UBL documents: their 2.4 MB of common components are compiled once, not twice.
        // The root element still decides: an Invoice is checked against the Invoice declaration only.
        this.schemas = new CompiledPerSyntax<>(syntax -> syntax.isUbl()
                ? compile(resolver, UBL_INVOICE, UBL_CREDIT_NOTE) : compile(resolver, CII_D16B), onFirstUse);
    }

    /** The schemas this check applies, with the versions of the artifacts that ship them, for reports. */
    public static List<RuleSet> ruleSets() {
        return List.of(
                new RuleSet("UBL 2.1 Invoice/CreditNote XSD (OASIS, via ph-ubl21 "
                        + artifactVersion("com.helger.ubl", "ph-ubl21") + ")", "2.1"),
                new RuleSet("UN/CEFACT CII D16B XSD (via ph-cii-d16b "
                        + artifactVersion("com.helger.cii", "ph-cii-d16b") + ")", "D16B"));
    }

    @Override
    public CheckName name() {
        return CheckName.XSD;
    }

    @Override
    public CheckResult check(ParsedInvoice invoice) throws IOException, SAXException {
        Optional<Proof> proved = invoice.derivedIfKept(Proof.class);
        if (proved.isPresent()) {
            return proved.get().result();
        }
        return validate(invoice, false).result();
    }

    /**
     * The same parse, lent to admissibility: guarded (the root it meets must be the syntax's, no attribute may
     * come near the structure limit), and proving only when it reads the document to its end. Its result is then
     * kept in the invoice for {@link #check}; on any doubt nothing is kept and the check parses again later.
     */
    @Override
    public Optional<Duration> prove(ParsedInvoice invoice) {
        try {
            Validated validated = validate(invoice, true);
            if (!validated.complete()) {
                return Optional.empty();
            }
            invoice.derived(Proof.class, () -> new Proof(validated.result()));
            return Optional.of(validated.result().duration());
        } catch (Exception | StackOverflowError doubt) {
            // a guard tripped, or the parse broke: admissibility's own pass and the check's own parse say what it is
            return Optional.empty();
        }
    }

    /** One parse: validated against the syntax's schema, the tree built from the validator's events. */
    private Validated validate(ParsedInvoice invoice, boolean guarded) throws IOException, SAXException {
        long start = System.nanoTime();
        Schema schema = schemas.of(invoice.syntax());
        // One parse for both: the validator's events also build the Saxon tree the later checks read.
        Pass pass = passes.get().remove(schema);
        if (pass == null) {
            pass = new Pass(validatingReader(schema));
        }
        ElementPathTracker paths = new ElementPathTracker(pass.reader());
        if (guarded) {
            paths.guardFor(invoice.syntax());
        }
        Collector collector = new Collector(invoice.syntax().label(), paths);
        BuildingContentHandler tree;
        try {
            tree = HardenedXml.newTreeBuilder();
        } catch (SaxonApiException e) {
            throw new IllegalStateException("Cannot create a tree builder", e);
        }
        paths.setContentHandler(new SpecifiedAttributesOnly(tree));
        paths.setErrorHandler(collector);
        // Comments do not go through the filters: the parser hands them to the tree directly, in order.
        paths.setProperty(LEXICAL_HANDLER, tree);
        InputSource input = new InputSource(new ByteArrayInputStream(invoice.bytes()));
        input.setSystemId(invoice.name());
        boolean complete = false;
        try {
            paths.parse(input);
            complete = true;
        } catch (SAXParseException alreadyCollected) {
            // A fatal error stops the parse after the handler has recorded it.
        } finally {
            paths.givePaths(); // a fatal error's, raised with no event after it
        }
        // Reached only after a parse that ended or stopped on the document (the parser resets at each parse):
        // the pair serves this thread's next document, holding nothing of this one.
        pass.release();
        passes.get().put(schema, pass);
        if (complete) {
            try {
                invoice.useTree(tree.getDocumentNode());
            } catch (SaxonApiException notBuilt) {
                // The next check that needs the tree builds it from the bytes.
            }
        }
        return new Validated(CheckResult.of(CheckName.XSD, collector.findings(), Duration.ofNanos(System.nanoTime() - start)),
                complete);
    }

    /** A parse's result, and whether it read the document to its end (no fatal error). */
    private record Validated(CheckResult result, boolean complete) {
    }

    /** The result of a parse that proved the document well-formed, kept in the invoice for {@link #check}. */
    private record Proof(CheckResult result) {
    }

    /**
     * A hardened reader validating against one schema inside its own pipeline, kept per thread and schema between
     * documents: creating it cost more than a small invoice's whole parse (the parser's configuration, the
     * validator's components).
     */
    private record Pass(XMLReader reader) {

        /** Drops the handlers of the document just read, so that its tree is not kept alive. */
        void release() throws SAXException {
            reader.setProperty(LEXICAL_HANDLER, null);
            reader.setContentHandler(null);
            reader.setErrorHandler(null);
        }
    }

    /** Values and elements reach the tree as written (the reader's validator may load nothing). */
    private static XMLReader validatingReader(Schema schema) throws SAXException {
        XMLReader reader = HardenedXml.newXmlReader(schema);
        reader.setFeature(NORMALIZED_VALUE, false);
        reader.setFeature(ELEMENT_DEFAULT, false);
        return reader;
    }

    private static Schema compile(ClasspathSchemaResolver resolver, String... paths) {
        SchemaFactory factory = HardenedXml.newSchemaFactory();
        factory.setResourceResolver(resolver);
        // By system id: the schema loader opens each document itself and resolves its relative imports from it.
        Source[] sources = Arrays.stream(paths)
                .map(path -> new StreamSource(ClasspathSchemaResolver.resource(path).toExternalForm()))
                .toArray(Source[]::new);
        try {
            return factory.newSchema(sources);
        } catch (SAXException e) {
            throw new IllegalStateException("Cannot compile the schema " + String.join(" + ", paths), e);
        }
    }

    private static String artifactVersion(String group, String artifact) {
        String path = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = XsdCheck.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return "?";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** Collects every error of one validation (one per document, so no sharing). */
    private static final class Collector implements ErrorHandler {

        private final String schemaLabel;
        private final ElementPathTracker paths;
        private final List<Finding> findings = new ArrayList<>();
        private int errors;
        private int lastLine = -1;
        private int lastColumn = -1;

        Collector(String schemaLabel, ElementPathTracker paths) {
            this.schemaLabel = schemaLabel;
            this.paths = paths;
        }

        @Override
        public void warning(SAXParseException exception) {
            // Schema warnings say nothing about the document's validity.
        }

        @Override
        public void error(SAXParseException exception) {
            if (restatesPrevious(exception)) {
                return;
            }
            lastLine = exception.getLineNumber();
            lastColumn = exception.getColumnNumber();
            errors++;
            if (errors <= MAX_FINDINGS) {
                SchemaMessages.Readable text = SchemaMessages.readable(exception.getMessage());
                int line = Math.max(exception.getLineNumber(), 0);
                int column = Math.max(exception.getColumnNumber(), 0);
                int at = findings.size();
                findings.add(null); // its place, in the order of the errors, until its path is known
                paths.whenPathKnown(path -> {
                    FindingCode code = FindingCode.XSD_INVALIDE;
                    // The path goes in the message too: a value error does not otherwise name its element.
                    findings.set(at, new Finding(code.code(), code.severity(), code.source(),
                            code.messageFr(schemaLabel, path + " : " + text.french()),
                            code.messageEn(schemaLabel, path + ": " + text.english()),
                            null, new Location(line, column, path)));
                });
            }
        }

        @Override
        public void fatalError(SAXParseException exception) {
            error(exception);
        }

        private boolean restatesPrevious(SAXParseException exception) {
            return RESTATEMENTS.contains(SchemaMessages.key(exception.getMessage())) && exception.getLineNumber() == lastLine
                    && exception.getColumnNumber() == lastColumn;
        }

        List<Finding> findings() {
            if (errors <= MAX_FINDINGS) {
                return findings;
            }
            List<Finding> all = new ArrayList<>(findings);
            all.add(Finding.of(FindingCode.XSD_ERREURS_LIMITEES, Location.NONE, errors, MAX_FINDINGS));
            return all;
        }
    }
}
