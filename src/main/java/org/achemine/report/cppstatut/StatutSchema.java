package org.achemine.report.cppstatut;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.IOException;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamException;
import org.achemine.chorus.statut.CPPStatut;
import org.achemine.xml.OfficialSchema;
import org.xml.sax.SAXException;

/**
 * AIFE's {@code CPPStatutPivot_V1_19.xsd}, unchanged (schemas/chorus, in the jar): a CPPStatut is written only
 * once it validates, and read back into the classes generated from it. Thread-safe.
 */
public final class StatutSchema {

    public static final String RESOURCE = "/schemas/chorus/CPPStatutPivot_V1_19.xsd";

    private final OfficialSchema<CPPStatut> official = new OfficialSchema<>(CPPStatut.class, RESOURCE);

    /** The status flow as UTF-8 XML, written only once it validates against the official schema. */
    public byte[] write(CPPStatut statut) throws InvalidStatutException {
        try {
            return official.write(statut);
        } catch (JAXBException e) {
            throw new InvalidStatutException(String.valueOf(e.getLinkedException() != null
                    ? e.getLinkedException().getMessage() : e.getMessage()), e);
        }
    }

    /** A marshaller of fragments, for a file streamed piece by piece (then checked whole by {@link #validate(Path)}). */
    Marshaller fragmentMarshaller() throws JAXBException {
        return official.fragmentMarshaller();
    }

    /** @throws InvalidStatutException naming the first violation of the official schema */
    public void validate(byte[] xml) throws InvalidStatutException {
        try {
            official.validate(xml, "cppstatut");
        } catch (SAXException | IOException invalid) {
            throw new InvalidStatutException(invalid.getMessage(), invalid);
        }
    }

    /** Streams a file through the official schema; its own content may load nothing. */
    public void validate(Path file) throws IOException {
        try {
            official.validate(file);
        } catch (SAXException invalid) {
            throw new InvalidStatutException(file.getFileName() + ": " + invalid.getMessage(), invalid);
        }
    }

    /** Reads a CPPStatut (ours or anyone's), once it validates, into the classes generated from the official schema. */
    public CPPStatut read(byte[] xml) throws IOException {
        validate(xml);
        try {
            return official.read(xml);
        } catch (JAXBException | XMLStreamException e) {
            throw new IOException("Cannot read the CPPStatut: " + e.getMessage(), e);
        }
    }

    /** A CPPStatut that does not validate against the official schema: never published. */
    public static final class InvalidStatutException extends IOException {
        InvalidStatutException(String message, Throwable cause) {
            super("The CPPStatut does not validate against CPPStatutPivot_V1_19.xsd: " + message, cause);
        }
    }
}
