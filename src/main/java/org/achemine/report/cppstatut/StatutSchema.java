package org.achemine.report.cppstatut;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import org.achemine.chorus.statut.CPPStatut;
import org.achemine.xml.HardenedXml;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * AIFE's {@code CPPStatutPivot_V1_19.xsd}, unchanged (schemas/chorus, in the jar): a CPPStatut is written only
 * once it validates, and read back into the classes generated from it. Thread-safe (the context and the schema
 * are shared; a marshaller and a validator per call).
 */
public final class StatutSchema {

    public static final String RESOURCE = "/schemas/chorus/CPPStatutPivot_V1_19.xsd";

    private final JAXBContext context;
    private final Schema schema;

    public StatutSchema() {
        URL xsd = StatutSchema.class.getResource(RESOURCE);
        if (xsd == null) {
            throw new IllegalStateException("The CPPStatut schema " + RESOURCE + " is not on the class path");
        }
        try {
            context = JAXBContext.newInstance(CPPStatut.class);
            schema = HardenedXml.newSchemaFactory().newSchema(xsd);
        } catch (JAXBException | SAXException e) {
            throw new IllegalStateException("Cannot load the CPPStatut schema", e);
        }
    }

    /** The status flow as UTF-8 XML, checked against the official schema while it is written. */
    public byte[] write(CPPStatut statut) throws InvalidStatutException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Marshaller marshaller = context.createMarshaller(); // not thread-safe: one per file
            marshaller.setSchema(schema);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            marshaller.marshal(statut, out);
        } catch (JAXBException e) {
            throw new InvalidStatutException(String.valueOf(e.getLinkedException() != null
                    ? e.getLinkedException().getMessage() : e.getMessage()), e);
        }
        return out.toByteArray();
    }

    /** A marshaller of fragments, for a file streamed piece by piece (then checked whole by {@link #validate(Path)}). */
    Marshaller fragmentMarshaller() throws JAXBException {
        Marshaller marshaller = context.createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
        return marshaller;
    }

    /** @throws InvalidStatutException naming the first violation of the official schema */
    public void validate(byte[] xml) throws InvalidStatutException {
        try {
            HardenedXml.harden(schema.newValidator()).validate(HardenedXml.saxSource(xml, "cppstatut"));
        } catch (SAXException | IOException invalid) {
            throw new InvalidStatutException(invalid.getMessage(), invalid);
        }
    }

    /** Streams a file through the official schema; its own content may load nothing. */
    public void validate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            InputSource input = new InputSource(in);
            input.setSystemId(file.toUri().toString());
            HardenedXml.harden(schema.newValidator()).validate(new SAXSource(HardenedXml.newXmlReader(), input));
        } catch (SAXException invalid) {
            throw new InvalidStatutException(file.getFileName() + ": " + invalid.getMessage(), invalid);
        }
    }

    /** Reads a CPPStatut (ours or anyone's), once it validates, into the classes generated from the official schema. */
    public CPPStatut read(byte[] xml) throws IOException {
        validate(xml);
        XMLStreamReader reader = null;
        try {
            reader = HardenedXml.xmlInputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            return context.createUnmarshaller().unmarshal(reader, CPPStatut.class).getValue();
        } catch (JAXBException | XMLStreamException e) {
            throw new IOException("Cannot read the CPPStatut: " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held but the bytes in memory
                }
            }
        }
    }

    /** A CPPStatut that does not validate against the official schema: never published. */
    public static final class InvalidStatutException extends IOException {
        InvalidStatutException(String message, Throwable cause) {
            super("The CPPStatut does not validate against CPPStatutPivot_V1_19.xsd: " + message, cause);
        }
    }
}
