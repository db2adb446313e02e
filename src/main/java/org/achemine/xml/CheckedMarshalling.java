package org.achemine.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;

/**
 * Writes a JAXB tree as indented UTF-8 XML only once it validates against its schema, in one walk of the tree: the
 * marshaller sends each event both to the bytes and to this thread's validator (JAXB's own fork when a schema is
 * set), and the bytes are handed out only when the whole document validated. JAXB asks its schema for a new
 * validator per document, which cost twice as much as the document itself; here it is given the one this thread
 * keeps. The two walks this replaced (the tree into the validator, then into the bytes) cost a third more; re-parsing
 * the written bytes three times as much (issue 16, docs/benchmarks.md, ADR 0028).
 * Thread-safe: the context and schema are shared; a marshaller and a validator are kept per thread, both dropped
 * when a document fails halfway.
 */
public final class CheckedMarshalling {

    private final ThreadLocal<ValidatorHandler> validators;
    private final ThreadLocal<Marshaller> marshallers;

    public CheckedMarshalling(JAXBContext context, Schema schema) {
        this.validators = ThreadLocal.withInitial(() -> HardenedXml.harden(schema.newValidatorHandler()));
        Schema thisThreadsValidator = new ThisThreadsValidator(schema, validators);
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
            // left mid-document: the next document gets fresh ones
            validators.remove();
            marshallers.remove();
            throw invalid;
        }
        return out.toByteArray();
    }

    /**
     * The schema as this thread's marshaller sees it: the validator it asks for each document is the one this thread
     * keeps (a validator handler starts afresh at each document's start).
     */
    private static final class ThisThreadsValidator extends Schema {

        private final Schema schema;
        private final ThreadLocal<ValidatorHandler> validators;

        ThisThreadsValidator(Schema schema, ThreadLocal<ValidatorHandler> validators) {
            this.schema = schema;
            this.validators = validators;
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
