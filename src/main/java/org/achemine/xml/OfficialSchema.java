package org.achemine.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A schema published by others (AIFE's, copied unchanged, on the class path) and the JAXB classes generated from
 * it: what validates against it, as bytes or streamed from a file, and what it reads back, through this module's
 * hardened parsers only. Thread-safe: the context and the schema are shared; a marshaller, a validator and a
 * reader are made per call.
 *
 * @param <T> the generated class of the root element
 */
public final class OfficialSchema<T> {

    private final Class<T> root;
    private final JAXBContext context;
    private final Schema schema;
    private final CheckedMarshalling checked;

    /** @throws IllegalStateException when the schema is not on the class path or cannot be loaded */
    public OfficialSchema(Class<T> root, String resource) {
        URL xsd = OfficialSchema.class.getResource(resource);
        if (xsd == null) {
            throw new IllegalStateException("The schema " + resource + " is not on the class path");
        }
        try {
            this.root = root;
            this.context = JAXBContext.newInstance(root);
            this.schema = HardenedXml.newSchemaFactory().newSchema(xsd);
            this.checked = new CheckedMarshalling(context, schema);
        } catch (JAXBException | SAXException e) {
            throw new IllegalStateException("Cannot load the schema " + resource, e);
        }
    }

    /** A marshaller writing indented UTF-8; with {@code checked}, it refuses what breaks the schema as it writes. */
    public Marshaller marshaller(boolean checked) throws JAXBException {
        Marshaller marshaller = context.createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
        marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
        if (checked) {
            marshaller.setSchema(schema);
        }
        return marshaller;
    }

    /** The tree as indented UTF-8 XML, written only once it validates ({@link CheckedMarshalling}). */
    public byte[] write(T tree) throws JAXBException {
        return checked.write(tree);
    }

    /** A marshaller of fragments, for a file streamed piece by piece and checked whole afterwards. */
    public Marshaller fragmentMarshaller() throws JAXBException {
        Marshaller marshaller = context.createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
        return marshaller;
    }

    /** @throws SAXException naming the first violation of the schema */
    public void validate(byte[] xml, String systemId) throws SAXException, IOException {
        HardenedXml.harden(schema.newValidator()).validate(HardenedXml.saxSource(xml, systemId));
    }

    /** Streams a file through the schema; the file's own content may load nothing. */
    public void validate(Path file) throws SAXException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            InputSource input = new InputSource(in);
            input.setSystemId(file.toUri().toString());
            HardenedXml.harden(schema.newValidator()).validate(new SAXSource(HardenedXml.newXmlReader(), input));
        }
    }

    /** Reads bytes (validated by the caller first) into the generated classes, through a hardened reader. */
    public T read(byte[] xml) throws JAXBException, XMLStreamException {
        XMLStreamReader reader = HardenedXml.xmlInputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
        try {
            return context.createUnmarshaller().unmarshal(reader, root).getValue();
        } finally {
            reader.close();
        }
    }
}
