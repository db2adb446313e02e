package org.achemine.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;

/**
 * Writes a JAXB tree as indented UTF-8 XML only once it validates against its schema: the tree is first marshalled
 * into this thread's validator, then written. A schema set on the marshaller does the same in one pass but makes a
 * new validator for every document, which cost twice as much for our small reports as the two passes with a
 * validator kept per thread; re-parsing the written bytes cost three times as much (issue 16, docs/benchmarks.md).
 * Thread-safe: the context and schema are shared, a marshaller is made per document, a validator kept per thread.
 */
public final class CheckedMarshalling {

    private final JAXBContext context;
    private final ThreadLocal<ValidatorHandler> validators;

    public CheckedMarshalling(JAXBContext context, Schema schema) {
        this.context = context;
        this.validators = ThreadLocal.withInitial(() -> HardenedXml.harden(schema.newValidatorHandler()));
    }

    /** @throws JAXBException naming the first violation of the schema (linked): nothing is written then */
    public byte[] write(Object tree) throws JAXBException {
        Marshaller marshaller = context.createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
        marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
        try {
            marshaller.marshal(tree, validators.get());
        } catch (JAXBException | RuntimeException invalid) {
            validators.remove(); // left mid-document: the next document gets a fresh one
            throw invalid;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        marshaller.marshal(tree, out);
        return out.toByteArray();
    }
}
