package org.achemine.xml;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;
import net.sf.saxon.lib.Feature;
import net.sf.saxon.s9api.BuildingContentHandler;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The one place where XML parsers are configured. Every parser achemine uses on partner input comes from
 * here: no DTD, no external entity, no external schema, no XInclude, elements nested at most
 * {@value #MAX_ELEMENT_DEPTH} deep. A document with a DOCTYPE fails to parse before anything in it is
 * resolved (the admissibility check reports it as IRR_DTD first, and IRR_LIMITE_XML for the limits).
 */
public final class HardenedXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    /** Deepest element nesting accepted (UBL and CII invoices stay under 20); deeper is hostile. */
    public static final int MAX_ELEMENT_DEPTH = 100;
    /** Longest attribute value accepted, in characters (invoice attributes are codes and identifiers). */
    public static final int MAX_ATTRIBUTE_LENGTH = 10_000;
    /**
     * The JDK parser's own property for the language of its messages. Set to the root locale, its messages are
     * the base (English) ones whatever the machine's language: our French rewrites them, and a report does not
     * change with the JVM's locale. (English would fall back to the machine's language: no bundle is named _en.)
     */
    public static final String MESSAGE_LOCALE = "http://apache.org/xml/properties/locale";
    // JDK parser limit (XMLSecurityManager), applied to every SAX reader as a second line behind admissibility.
    private static final String MAX_ELEMENT_DEPTH_PROPERTY = "jdk.xml.maxElementDepth";

    private static final SAXParserFactory SAX_FACTORY = newSaxParserFactory(null);
    private static final XMLInputFactory STAX_FACTORY = newXmlInputFactory();
    private static final Processor PROCESSOR = newProcessor();
    /** What a SAX reader does without a handler, minus the printing: fatal errors stop the parse, others do not. */
    private static final ErrorHandler THROW_FATAL_ONLY = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) {
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXParseException {
            throw exception;
        }
    };

    private HardenedXml() {
    }

    /** A new namespace-aware SAX reader that refuses DTDs (readers are not thread-safe: one per parse). */
    public static XMLReader newXmlReader() {
        return hardened(SAX_FACTORY);
    }

    /**
     * {@link #newXmlReader()} that also validates what it reads against a compiled schema, inside the parser
     * (its handlers get the validated events; the validated document may load nothing). Cheaper than a reader
     * feeding a {@link ValidatorHandler}, which turns every event back into the parser's own form. The
     * schema's errors reach the reader's error handler, those of its attributes marked not specified
     * ({@link org.xml.sax.ext.Attributes2}) were added by the schema.
     */
    public static XMLReader newXmlReader(Schema schema) {
        XMLReader reader = hardened(newSaxParserFactory(schema));
        hardenValidation(reader::setProperty);
        return reader;
    }

    private static XMLReader hardened(SAXParserFactory factory) {
        try {
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setProperty(MAX_ELEMENT_DEPTH_PROPERTY, String.valueOf(MAX_ELEMENT_DEPTH));
            reader.setProperty(MESSAGE_LOCALE, Locale.ROOT);
            // without a handler the JDK's parser also prints each error on stderr ("[Fatal Error] :1:25: …"): the
            // caller turns the exception into a finding, so the error is only thrown, as it was, never printed
            reader.setErrorHandler(THROW_FATAL_ONLY);
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Cannot create a hardened XML reader", e);
        }
    }

    /** The shared StAX factory (thread-safe once configured): DTDs not supported, no external entities. */
    public static XMLInputFactory xmlInputFactory() {
        return STAX_FACTORY;
    }

    /**
     * The root element of a document, read with the shared StAX factory up to its first start tag and no further:
     * its name and namespace ("" for none). Empty when the document is broken or ends before one, and, unless
     * {@code pastDoctype}, when a DOCTYPE comes first (which is passed over, never resolved, when allowed).
     */
    public static Optional<QName> rootElement(InputStream in, boolean pastDoctype) {
        try {
            XMLStreamReader reader = STAX_FACTORY.createXMLStreamReader(in);
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamReader.START_ELEMENT) {
                        String namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
                        return Optional.of(new QName(namespace, reader.getLocalName()));
                    }
                    if (event == XMLStreamReader.DTD && !pastDoctype) {
                        return Optional.empty();
                    }
                }
                return Optional.empty();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException unreadable) {
            return Optional.empty(); // whoever reads the whole document says what is wrong with it
        }
    }

    /** A schema factory that may read schema imports only through the resource resolver it is given. */
    public static SchemaFactory newSchemaFactory() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // Our schemas come from jars on the class path; imports are resolved by a resolver, never the network.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("Cannot harden the schema factory", e);
        }
        return factory;
    }

    /** Hardens a validator created from a compiled schema: the validated document may load nothing. */
    public static Validator harden(Validator validator) {
        hardenValidation(validator::setProperty);
        return validator;
    }

    /** {@link #harden(Validator)} for a validator fed events (a tree being marshalled) rather than a source. */
    public static ValidatorHandler harden(ValidatorHandler validator) {
        hardenValidation(validator::setProperty);
        return validator;
    }

    /** A validator's {@code setProperty}: {@link Validator} and {@link ValidatorHandler} share no interface. */
    @FunctionalInterface
    private interface ValidatorProperties {
        void set(String name, Object value) throws SAXNotRecognizedException, SAXNotSupportedException;
    }

    private static void hardenValidation(ValidatorProperties validator) {
        try {
            validator.set(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.set(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.set(MESSAGE_LOCALE, Locale.ROOT);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("Cannot harden the validator", e);
        }
    }

    /** A SAX source over the bytes, read by a hardened reader. */
    public static SAXSource saxSource(byte[] bytes, String systemId) {
        InputSource input = new InputSource(new ByteArrayInputStream(bytes));
        input.setSystemId(systemId);
        return new SAXSource(newXmlReader(), input);
    }

    /** The shared Saxon processor (thread-safe); compile stylesheets and build trees with it. */
    public static Processor processor() {
        return PROCESSOR;
    }

    /**
     * Builds Saxon's native tree (TinyTree) straight from the bytes, through a hardened reader, with line
     * numbers kept so findings can point at a line.
     */
    public static XdmNode buildTree(byte[] bytes, String systemId) throws SaxonApiException {
        DocumentBuilder builder = PROCESSOR.newDocumentBuilder();
        builder.setLineNumbering(true);
        return builder.build(saxSource(bytes, systemId));
    }

    /**
     * A builder of Saxon's native tree fed by SAX events from a parse done elsewhere (e.g. a schema validator's
     * output), with line numbers kept like {@link #buildTree}. The caller's parser must come from here.
     */
    public static BuildingContentHandler newTreeBuilder() throws SaxonApiException {
        DocumentBuilder builder = PROCESSOR.newDocumentBuilder();
        builder.setLineNumbering(true);
        return builder.newBuildingContentHandler();
    }

    private static SAXParserFactory newSaxParserFactory(Schema schema) {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setSchema(schema);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Cannot harden the SAX parser factory", e);
        }
        return factory;
    }

    private static XMLInputFactory newXmlInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    private static Processor newProcessor() {
        Processor processor = new Processor(false);
        processor.setConfigurationProperty(Feature.ALLOW_EXTERNAL_FUNCTIONS, false);
        processor.setConfigurationProperty(Feature.DTD_VALIDATION, false);
        processor.setConfigurationProperty(Feature.XINCLUDE, false);
        return processor;
    }
}
