package org.achemine.report;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.achemine.report.xml.CompteRenduType;
import org.achemine.report.xml.ObjectFactory;
import org.achemine.xml.CheckedMarshalling;
import org.achemine.xml.HardenedXml;
import org.xml.sax.SAXException;

/**
 * Writes a compte rendu of any type (deposit, integration, status flow) as UTF-8 XML, checked against
 * {@code schemas/report/compte-rendu.xsd} before it is written: an invalid report is never produced.
 * Thread-safe ({@link CheckedMarshalling}).
 */
final class CompteRenduWriter {

    private final CheckedMarshalling checked;
    private final ObjectFactory factory = new ObjectFactory();

    CompteRenduWriter() {
        try {
            this.checked = new CheckedMarshalling(JAXBContext.newInstance(ObjectFactory.class), loadSchema());
        } catch (JAXBException | SAXException | IOException e) {
            throw new IllegalStateException("Cannot prepare the report format (" + DepositReport.SCHEMA_RESOURCE + ")", e);
        }
    }

    byte[] toXml(CompteRenduType report) throws ReportException {
        try {
            return checked.write(factory.createCompteRendu(report));
        } catch (JAXBException e) {
            throw new ReportException("The " + report.getType() + " report of flow " + report.getFlux().getIdFlux()
                    + " is not valid against compte-rendu.xsd: " + e, e);
        }
    }

    private static Schema loadSchema() throws SAXException, IOException {
        URL resource = CompteRenduWriter.class.getResource(DepositReport.SCHEMA_RESOURCE);
        if (resource == null) {
            throw new IOException("Report schema not found on the class path: " + DepositReport.SCHEMA_RESOURCE);
        }
        try (InputStream in = resource.openStream()) {
            return HardenedXml.newSchemaFactory().newSchema(new StreamSource(in, resource.toExternalForm()));
        }
    }
}
