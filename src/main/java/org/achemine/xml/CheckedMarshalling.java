package org.achemine.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;

/**
 * Writes a JAXB tree as indented UTF-8 XML only once it validates against its schema, in one pass: this thread's
 * marshaller, the schema set on it, sends the tree at once to the bytes and to this thread's validator, and the
 * bytes are returned only if the validator accepted the whole document. A schema set on a marshaller as such
 * makes a new validator for every document (which cost twice as much for our small reports as two passes with a
 * validator kept per thread), so the marshaller is given a schema that hands out the thread's validator; before
 * issue 16's answer-side work the tree was marshalled twice, once into the validator then into the bytes
 * (docs/benchmarks.md). Thread-safe: the context and schema are shared, a marshaller and a validator kept per
 * thread.
 */
public final class CheckedMarshalling {

    private final ThreadLocal<ValidatorHandler> validators;
    private final ThreadLocal<Marshaller> marshallers;

    public CheckedMarshalling(JAXBContext context, Schema schema) {
        this.validators = ThreadLocal.withInitial(() -> HardenedXml.harden(schema.newValidatorHandler()));
        Schema thisThreadsValidator = new ThisThreadsValidator(schema);
        this.marshallers = ThreadLocal.withInitial(() -> {
            try {
                Marshaller marshaller = context.createMarshaller();
                marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
                marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
                marshaller.setSchema(thisThreadsValidator);
                return marshaller;
            } catch (JAXBException e) {
                throw new IllegalStateException("Cannot make a marshaller for " + context, e);
            }
        });
    }

    /** @throws JAXBException naming the first violation of the schema (linked): nothing is written then */
    public byte[] write(Object tree) throws JAXBException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            marshallers.get().marshal(tree, out);
        } catch (JAXBException | RuntimeException invalid) {
            // both left mid-document: the thread's next document gets fresh ones
            validators.remove();
            marshallers.remove();
            throw invalid;
        }
        return out.toByteArray();
    }

    /** The schema, whose validator handler is the calling thread's own (a marshaller asks one per document). */
    private final class ThisThreadsValidator extends Schema {

        private final Schema schema;

        ThisThreadsValidator(Schema schema) {
            this.schema = schema;
        }

        @Override
        public Validator newValidator() {
            return HardenedXml.harden(schema.newValidator());
        }

        @Override
        public ValidatorHandler newValidatorHandler() {
            return validators.get();
        }
    }
}
