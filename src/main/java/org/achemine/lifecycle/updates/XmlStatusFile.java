package org.achemine.lifecycle.updates;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.achemine.lifecycle.xml.CPPFactureStatutUnitaireType;
import org.achemine.lifecycle.xml.DonneesStatutType;
import org.achemine.lifecycle.xml.ObjectFactory;
import org.achemine.validation.AdmissibilityResult;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.Location;
import org.achemine.validation.Outcome;
import org.achemine.validation.admissibility.XmlAdmissibilityCheck;
import org.achemine.validation.xsd.SchemaMessages;
import org.achemine.xml.HardenedXml;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an XML status file ({@code schemas/lifecycle/statuts-facture.xsd}): the invoice admissibility
 * checks first (UTF-8, no DTD, well-formed: IRR_*), then the schema (every error an XSD_INVALIDE with
 * its line; any rejects the whole file, nothing is applied), then each {@code CPPFactureStatutUnitaire}
 * with the line it starts on. Parsers come from {@link HardenedXml}. Thread-safe.
 */
public final class XmlStatusFile {

    public static final String SCHEMA_RESOURCE = "/schemas/lifecycle/statuts-facture.xsd";
    static final String SCHEMA_NAME = "statuts-facture.xsd";
    static final int MAX_SCHEMA_FINDINGS = 100;
    private static final String UNIT = "CPPFactureStatutUnitaire";

    private final XmlAdmissibilityCheck admissibility = new XmlAdmissibilityCheck();
    private final Schema schema;
    private final JAXBContext context;

    public XmlStatusFile() {
        try {
            this.schema = loadSchema();
            this.context = JAXBContext.newInstance(ObjectFactory.class);
        } catch (IOException | SAXException | JAXBException e) {
            throw new IllegalStateException("Cannot prepare the status flow schema " + SCHEMA_RESOURCE, e);
        }
    }

    /**
     * @throws IOException when a parser fails for a reason that is not the document's (our fault: retried)
     */
    public StatusFile read(String name, byte[] bytes) throws IOException {
        AdmissibilityResult admitted = admissibility.check(new InvoiceDocument(name, bytes));
        if (admitted.result().outcome() == Outcome.ERROR) {
            throw new IOException("The admissibility check broke on status flow " + name);
        }
        // The root is not an invoice, on purpose: the schema checks it instead of IRR_RACINE.
        List<Finding> findings = new ArrayList<>(admitted.result().findings().stream()
                .filter(f -> !f.code().equals(FindingCode.IRR_RACINE.code())).toList());
        if (findings.stream().anyMatch(Finding::isFatal)) {
            return StatusFile.rejected(findings);
        }
        List<Finding> schemaErrors = schemaErrors(name, bytes);
        if (!schemaErrors.isEmpty()) {
            findings.addAll(schemaErrors);
            return StatusFile.rejected(findings);
        }
        return new StatusFile(findings, units(bytes));
    }

    private List<Finding> schemaErrors(String name, byte[] bytes) throws IOException {
        List<Finding> errors = new ArrayList<>();
        int[] count = {0};
        Validator validator = HardenedXml.harden(schema.newValidator());
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException exception) {
                // Schema warnings are not errors of the document.
            }

            @Override
            public void error(SAXParseException exception) {
                if (++count[0] <= MAX_SCHEMA_FINDINGS) {
                    SchemaMessages.Readable text = SchemaMessages.readable(exception.getMessage());
                    FindingCode code = FindingCode.XSD_INVALIDE;
                    errors.add(new Finding(code.code(), code.severity(), code.source(),
                            code.messageFr(SCHEMA_NAME, text.french()), code.messageEn(SCHEMA_NAME, text.english()),
                            null, Location.at(exception.getLineNumber(), exception.getColumnNumber())));
                }
            }

            @Override
            public void fatalError(SAXParseException exception) throws SAXException {
                error(exception);
                throw exception;
            }
        });
        try {
            validator.validate(HardenedXml.saxSource(bytes, name));
        } catch (SAXParseException alreadyReported) {
            // fatalError recorded it; the admissibility pass makes this rare (well-formedness was checked).
        } catch (SAXException e) {
            throw new IOException("Schema validation of status flow " + name + " failed", e);
        }
        if (count[0] > MAX_SCHEMA_FINDINGS) {
            errors.add(Finding.of(FindingCode.XSD_ERREURS_LIMITEES, Location.NONE, count[0], MAX_SCHEMA_FINDINGS));
        }
        return errors;
    }

    /** Each status update with the line its element starts on; the document is schema-valid here. */
    private List<RawStatusLine> units(byte[] bytes) throws IOException {
        List<RawStatusLine> lines = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = HardenedXml.xmlInputFactory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            Unmarshaller unmarshaller = context.createUnmarshaller();
            while (reader.hasNext()) {
                if (reader.getEventType() == XMLStreamConstants.START_ELEMENT && UNIT.equals(reader.getLocalName())) {
                    int line = reader.getLocation().getLineNumber();
                    // Leaves the reader on the event after the element's end: do not advance again.
                    CPPFactureStatutUnitaireType unit = unmarshaller.unmarshal(reader, CPPFactureStatutUnitaireType.class)
                            .getValue();
                    lines.add(line(line, unit));
                } else {
                    reader.next();
                }
            }
            return lines;
        } catch (XMLStreamException | JAXBException e) {
            throw new IOException("Reading a schema-valid status flow failed", e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // Nothing to release beyond memory: the input is a byte array.
                }
            }
        }
    }

    private static RawStatusLine line(int lineNumber, CPPFactureStatutUnitaireType unit) {
        DonneesStatutType data = unit.getDonneesStatut();
        String supplier = unit.getFournisseur() == null ? null : blankToNull(unit.getFournisseur().getIdentifiant());
        return new RawStatusLine(lineNumber, unit.getNumOrdre() == null ? null : unit.getNumOrdre().intValue(),
                blankToNull(data.getIdTechnique()), supplier, blankToNull(data.getIdFacture()),
                data.getDateFacture() == null ? null : data.getDateFacture().toXMLFormat(),
                // A value without time zone is passed on as written, and refused as ambiguous later.
                blankToNull(data.getIdStatut()), data.getHorodatage() == null ? null : data.getHorodatage().toXMLFormat(),
                blankToNull(data.getMotif()),
                blankToNull(data.getCommentaire()), blankToNull(data.getPieceJointe()), null,
                data.getProducteur() == null ? null : data.getProducteur().value());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Schema loadSchema() throws SAXException, IOException {
        URL resource = XmlStatusFile.class.getResource(SCHEMA_RESOURCE);
        if (resource == null) {
            throw new IOException("Status flow schema not found on the class path: " + SCHEMA_RESOURCE);
        }
        try (InputStream in = resource.openStream()) {
            return HardenedXml.newSchemaFactory().newSchema(new StreamSource(in, resource.toExternalForm()));
        }
    }
}
