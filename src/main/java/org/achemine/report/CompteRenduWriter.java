package org.achemine.report;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.achemine.report.xml.CompteRenduType;
import org.achemine.report.xml.ObjectFactory;
import org.achemine.xml.HardenedXml;
import org.xml.sax.SAXException;

/**
 * Writes a compte rendu of any type (deposit, integration, status flow) as UTF-8 XML, checked against
 * {@code schemas/report/compte-rendu.xsd} while it is written: an invalid report is never produced.
 * Thread-safe: the context and schema are shared, a marshaller is made per report.
 */
final class CompteRenduWriter {

    private final JAXBContext context;
    private final Schema schema;
    private final ObjectFactory factory = new ObjectFactory();

    CompteRenduWriter() {
        try {
            this.context = JAXBContext.newInstance(ObjectFactory.class);
            this.schema = loadSchema();
        } catch (JAXBException | SAXException | IOException e) {
            throw new IllegalStateException("Cannot prepare the report format (" + DepositReport.SCHEMA_RESOURCE + ")", e);
        }
    }

    byte[] toXml(CompteRenduType report) throws ReportException {
        try {
            Marshaller marshaller = context.createMarshaller(); // not thread-safe: one per report
            marshaller.setSchema(schema);
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(factory.createCompteRendu(report), out);
            return out.toByteArray();
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
