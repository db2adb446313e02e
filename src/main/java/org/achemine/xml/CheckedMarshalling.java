package org.achemine.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * Writes a JAXB tree as indented UTF-8 XML only once it validates against its schema: the tree is first marshalled
 * into this thread's validator, then written. Measured ways (issue 16, docs/benchmarks.md, ADR 0028): a schema set
 * on the marshaller makes a new validator for every document (twice the cost); re-parsing the written bytes four
 * times; one walk forked into the bytes and this thread's validator cost a little more than the two walks; what the
 * validator computes for nobody ({@link #UNUSED_BY_A_CHECK}) was a third of its time.
 * Thread-safe: the context and schema are shared, a marshaller and a validator kept per thread.
 */
public final class CheckedMarshalling {

    /**
     * What a validator works out beyond the verdict, turned off: the post-validation infoset and normalised values
     * (handed downstream, and nothing is downstream here), and the ID/IDREF, identity-constraint and unparsed-entity
     * checks, which have nothing to check in a schema without {@code xs:ID}, {@code xs:key}, {@code xs:unique},
     * {@code xs:keyref} or {@code xs:ENTITY} (a test keeps our report schemas so).
     */
    public static final List<String> UNUSED_BY_A_CHECK = List.of(
            "http://apache.org/xml/features/validation/schema/augment-psvi",
            "http://apache.org/xml/features/validation/schema/normalized-value",
            "http://apache.org/xml/features/validation/id-idref-checking",
            "http://apache.org/xml/features/validation/identity-constraint-checking",
            "http://apache.org/xml/features/validation/unparsed-entity-checking");

    /** A buffer this size is kept per thread: most reports fit (a deposit report with a few findings, 2 to 6 KB). */
    private static final int KEPT_BUFFER = 16 * 1024;

    private final ThreadLocal<Writer> writers;

    public CheckedMarshalling(JAXBContext context, Schema schema) {
        this.writers = ThreadLocal.withInitial(() -> new Writer(marshaller(context),
                lean(HardenedXml.harden(schema.newValidatorHandler())), new ByteArrayOutputStream(KEPT_BUFFER)));
    }

    /** @throws JAXBException naming the first violation of the schema (linked): nothing is written then */
    public byte[] write(Object tree) throws JAXBException {
        Writer writer = writers.get();
        ByteArrayOutputStream out = writer.bytes();
        out.reset();
        try {
            writer.marshaller().marshal(tree, writer.validator());
            writer.marshaller().marshal(tree, out);
        } catch (JAXBException | RuntimeException failed) {
            writers.remove(); // left mid-document: the next document gets a fresh marshaller and validator
            throw failed;
        }
        byte[] written = out.toByteArray();
        if (out.size() > KEPT_BUFFER) {
            writers.remove(); // a large report's buffer is not kept for the thread's life
        }
        return written;
    }

    /**
     * This thread's marshaller and validator, kept: a marshaller made per document makes its adapters anew
     * (by reflection) and is cold for the JIT each time; in a burst that was a tenth of a report's cost. The bytes are
     * written into a buffer kept too (a new one per report was a sixth of what a report allocated), then copied out.
     */
    private record Writer(Marshaller marshaller, ValidatorHandler validator, ByteArrayOutputStream bytes) {
    }

    private static Marshaller marshaller(JAXBContext context) {
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            return marshaller;
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot make a marshaller: " + e, e);
        }
    }

    private static ValidatorHandler lean(ValidatorHandler validator) {
        try {
            for (String feature : UNUSED_BY_A_CHECK) {
                validator.setFeature(feature, false);
            }
            return validator;
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("The JDK's schema validator no longer has " + e.getMessage(), e);
        }
    }
}
