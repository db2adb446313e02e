package org.achemine.delivery.pivot;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.stream.XMLStreamException;
import org.achemine.chorus.pivot.CPPFacturePivot;
import org.achemine.xml.OfficialSchema;
import org.xml.sax.SAXException;

/**
 * AIFE's {@code CPPFacturePivot_V2_02.xsd}, unchanged (schemas/chorus, in the jar): writes a pivot only once
 * it validates, and reads one back. Thread-safe (the context and the schema are shared; a marshaller and a
 * validator per call).
 */
public final class PivotSchema {

    static final String RESOURCE = "/schemas/chorus/CPPFacturePivot_V2_02.xsd";
    /** What Chorus Pro itself puts there (the published sample): the interface code, not a schema file. */
    private static final String SCHEMA_LOCATION = PivotIds.INTERFACE_CODE;

    private final OfficialSchema<CPPFacturePivot> official = new OfficialSchema<>(CPPFacturePivot.class, RESOURCE);

    /** The pivot as UTF-8 XML, after checking it against the official schema. */
    public byte[] write(CPPFacturePivot pivot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Marshaller marshaller = official.marshaller(false);
            marshaller.setProperty(Marshaller.JAXB_NO_NAMESPACE_SCHEMA_LOCATION, SCHEMA_LOCATION);
            marshaller.marshal(pivot, out);
        } catch (JAXBException e) {
            throw new IOException("Cannot write the pivot: " + e.getMessage(), e);
        }
        byte[] xml = out.toByteArray();
        validate(xml);
        return xml;
    }

    /** @throws InvalidPivotException naming the first violation of the official schema */
    public void validate(byte[] xml) throws InvalidPivotException {
        try {
            official.validate(xml, "pivot");
        } catch (SAXException | IOException invalid) {
            throw new InvalidPivotException(invalid.getMessage(), invalid);
        }
    }

    /** Reads a pivot (ours or anyone's), once it validates, into the classes generated from the official schema. */
    public CPPFacturePivot read(byte[] xml) throws IOException {
        validate(xml);
        try {
            return official.read(xml);
        } catch (JAXBException | XMLStreamException e) {
            throw new IOException("Cannot read the pivot: " + e.getMessage(), e);
        }
    }

    /** A pivot that does not validate against the official schema: never published. */
    public static final class InvalidPivotException extends IOException {
        InvalidPivotException(String message, Throwable cause) {
            super("The pivot does not validate against CPPFacturePivot_V2_02.xsd: " + message, cause);
        }
    }
}
