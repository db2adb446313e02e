package org.achemine.report;

import java.io.IOException;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** Test helper: validates a written report against {@code schemas/report/compte-rendu.xsd} of the project. */
public final class ReportSchema {

    private static final Schema SCHEMA = load();

    private ReportSchema() {
    }

    /** @throws SAXException naming the first place the report breaks the schema */
    public static void validate(Path report) throws SAXException, IOException {
        SCHEMA.newValidator().validate(new StreamSource(report.toFile()));
    }

    private static Schema load() {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(Path.of("schemas/report/compte-rendu.xsd").toFile());
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }
}
