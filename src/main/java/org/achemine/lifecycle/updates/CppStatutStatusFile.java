package org.achemine.lifecycle.updates;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.achemine.chorus.StatusCodeText;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.Location;
import org.achemine.validation.admissibility.StreamedXmlAdmissibility;
import org.achemine.validation.xsd.SchemaMessages;
import org.achemine.xml.HardenedXml;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a recipient's (or a supplier's) status file in Chorus Pro's own format: {@code CPPStatut} /
 * {@code CPPFactureStatuts}, AIFE's {@code CPPStatutPivot_V1_19.xsd} unchanged. One streamed pass: the
 * {@link HardenedXml} reader feeds the schema validator, whose output feeds a SAX handler that turns each
 * {@code CPPFactureStatutUnitaire} into a {@link RawStatusLine} with the line it starts on. Time is linear in
 * the file and memory bounded by {@code maxLines} kept lines: no tree of the document is ever built.
 * The prolog is judged first (IRR_ENCODAGE, IRR_VERSION_XML...); a parse that stops is IRR_SYNTAX, IRR_DTD,
 * IRR_ENCODAGE or IRR_LIMITE_XML; every schema error is an XSD_INVALIDE with its line and column; any of them
 * rejects the whole file, nothing applied. Thread-safe.
 */
public final class CppStatutStatusFile {

    public static final String SCHEMA_RESOURCE = "/schemas/chorus/CPPStatutPivot_V1_19.xsd";
    static final String SCHEMA_NAME = "CPPStatutPivot_V1_19.xsd";
    static final int MAX_SCHEMA_FINDINGS = 100;

    private final Schema schema;

    public CppStatutStatusFile() {
        try {
            this.schema = loadSchema();
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("Cannot prepare the status flow schema " + SCHEMA_RESOURCE, e);
        }
    }

    /**
     * @param source   opened once, read in one pass
     * @param maxLines status updates kept; past them the rest are only counted and the file is refused
     *                 (STA_TROP_DE_LIGNES), so a worker's memory stays bounded whatever the file holds
     * @throws IOException when reading fails for a reason that is not the document's (our fault: retried)
     */
    public StatusFile read(String name, StatusSource source, int maxLines) throws IOException {
        try (InputStream in = new BufferedInputStream(source.open())) {
            in.mark(StreamedXmlAdmissibility.HEAD_SIZE);
            List<Finding> findings = new ArrayList<>(StreamedXmlAdmissibility.prolog(
                    in.readNBytes(StreamedXmlAdmissibility.HEAD_SIZE)));
            in.reset();
            if (findings.stream().anyMatch(Finding::isFatal)) {
                return StatusFile.rejected(findings);
            }
            SchemaErrors schemaErrors = new SchemaErrors();
            Units units = new Units(maxLines, schemaErrors);
            Validator validator = HardenedXml.harden(schema.newValidator());
            validator.setErrorHandler(schemaErrors);
            InputSource input = new InputSource(in);
            input.setSystemId(name);
            try {
                validator.validate(new SAXSource(HardenedXml.newXmlReader(), input), new SAXResult(units));
            } catch (SAXParseException notWellFormed) {
                findings.add(StreamedXmlAdmissibility.parseFailure(notWellFormed));
                return StatusFile.rejected(findings);
            } catch (SAXException e) {
                findings.add(Refused.in(e).orElseThrow(() ->
                        new IOException("Schema validation of status flow " + name + " failed", e)));
                return StatusFile.rejected(findings);
            }
            return judged(findings, schemaErrors, units, maxLines);
        }
    }

    private static StatusFile judged(List<Finding> findings, SchemaErrors schemaErrors, Units units, int maxLines) {
        if (!schemaErrors.findings.isEmpty()) {
            findings.addAll(schemaErrors.findings);
            if (schemaErrors.count > MAX_SCHEMA_FINDINGS) {
                findings.add(Finding.of(FindingCode.XSD_ERREURS_LIMITEES, Location.NONE, schemaErrors.count,
                        MAX_SCHEMA_FINDINGS));
            }
            return StatusFile.rejected(findings);
        }
        if (units.flowStatuses) {
            findings.add(Finding.of(FindingCode.STA_STATUTS_DE_FLUX, Location.NONE));
            return StatusFile.rejected(findings);
        }
        if (units.count > maxLines) {
            findings.add(Finding.of(FindingCode.STA_TROP_DE_LIGNES, Location.NONE, units.count, maxLines));
            return StatusFile.rejected(findings);
        }
        return new StatusFile(findings, units.lines);
    }

    /** Every schema error with its line and column, the first {@value #MAX_SCHEMA_FINDINGS} in detail. */
    private static final class SchemaErrors implements ErrorHandler {
        private final List<Finding> findings = new ArrayList<>();
        private long count;

        @Override
        public void warning(SAXParseException exception) {
            // Schema warnings are not errors of the document.
        }

        @Override
        public void error(SAXParseException exception) {
            if (++count <= MAX_SCHEMA_FINDINGS) {
                SchemaMessages.Readable text = SchemaMessages.readable(exception.getMessage());
                FindingCode code = FindingCode.XSD_INVALIDE;
                findings.add(new Finding(code.code(), code.severity(), code.source(),
                        code.messageFr(SCHEMA_NAME, text.french()), code.messageEn(SCHEMA_NAME, text.english()),
                        null, Location.at(exception.getLineNumber(), exception.getColumnNumber())));
            }
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception; // the parser's: not well-formed, a DOCTYPE, not UTF-8 (judged by the caller)
        }
    }

    /** A structure limit met while streaming: the parse stops there. */
    private static final class Refused extends SAXException {
        private final transient Finding finding;

        Refused(Finding finding) {
            super(finding.message());
            this.finding = finding;
        }

        /** The limit's finding, whether the validator passed our exception on as is or wrapped it. */
        static Optional<Finding> in(Throwable thrown) {
            for (Throwable cause = thrown; cause != null; cause = cause instanceof SAXException sax
                    && sax.getException() != null ? sax.getException() : cause.getCause()) {
                if (cause instanceof Refused refused) {
                    return Optional.of(refused.finding);
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Collects the fields of each {@code CPPFactureStatutUnitaire} as the validated events stream by. Fields
     * are named by their parent and their own name ({@code Debiteur/Identifiant}); once the schema has found an
     * error no line is kept (the file will be refused), and past {@code maxLines} they are only counted.
     */
    private static final class Units extends DefaultHandler {
        private static final String UNIT = "CPPFactureStatutUnitaire";

        private final int maxLines;
        private final SchemaErrors schemaErrors;
        private final List<RawStatusLine> lines = new ArrayList<>();
        private final Deque<String> path = new ArrayDeque<>();
        private final Map<String, String> fields = new HashMap<>();
        private final StringBuilder text = new StringBuilder();
        private Locator locator;
        private long count;
        private boolean flowStatuses;
        private boolean inUnit;
        private int unitLine;
        private Integer numOrdre;

        Units(int maxLines, SchemaErrors schemaErrors) {
            this.maxLines = maxLines;
            this.schemaErrors = schemaErrors;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            for (int i = 0; i < attributes.getLength(); i++) {
                Optional<Finding> tooLong = StreamedXmlAdmissibility.attributeTooLong(localName,
                        attributes.getLocalName(i), attributes.getValue(i).length(), here());
                if (tooLong.isPresent()) {
                    throw new Refused(tooLong.get());
                }
            }
            if (path.size() == 1 && "CPPFluxStatuts".equals(localName)) {
                flowStatuses = true;
            }
            if (UNIT.equals(localName)) {
                count++;
                inUnit = true;
                fields.clear();
                unitLine = locator == null ? 0 : locator.getLineNumber();
                numOrdre = number(attributes.getValue("NumOrdre"));
            } else if ("Producteur".equals(localName)) {
                fields.put("Producteur@Id", attributes.getValue("Id"));
            }
            path.push(localName);
            text.setLength(0);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inUnit) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            path.pop();
            if (UNIT.equals(localName)) {
                inUnit = false;
                if (count <= maxLines && schemaErrors.count == 0) {
                    lines.add(line());
                }
            } else if (inUnit) {
                fields.put(path.peek() + "/" + localName, text.toString());
            }
            text.setLength(0);
        }

        private RawStatusLine line() {
            return new RawStatusLine(unitLine, numOrdre, null, field("Fournisseur/Identifiant"),
                    field("DonneesStatut/IdFacture"), field("DonneesStatut/DateFacture"),
                    StatusCodeText.parse(field("DonneesStatut/IdStatut")), field("DonneesStatut/Horodatage"),
                    field("DonneesStatut/ComplementStatut"), field("DonneesStatut/Commentaire"), null, null, null,
                    field("Producteur@Id"), field("Debiteur/Identifiant"), field("DonneesStatut/IdMandatDP"));
        }

        private String field(String name) {
            String value = fields.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }

        private Location here() {
            return locator == null ? Location.NONE : Location.at(locator.getLineNumber(), locator.getColumnNumber());
        }

        /** The schema checks NumOrdre is a number; one too large for an int is kept out of the report's column. */
        private static Integer number(String value) {
            try {
                return value == null ? null : Integer.valueOf(value.strip());
            } catch (NumberFormatException notAnInt) {
                return null;
            }
        }
    }

    private static Schema loadSchema() throws SAXException, IOException {
        URL resource = CppStatutStatusFile.class.getResource(SCHEMA_RESOURCE);
        if (resource == null) {
            throw new IOException("Status flow schema not found on the class path: " + SCHEMA_RESOURCE);
        }
        try (InputStream in = resource.openStream()) {
            return HardenedXml.newSchemaFactory().newSchema(new StreamSource(in, resource.toExternalForm()));
        }
    }
}
