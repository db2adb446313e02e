package org.achemine.report;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.achemine.report.xml.CompteRenduType;
import org.achemine.report.xml.ConstatsType;
import org.achemine.report.xml.LigneStatutType;
import org.achemine.report.xml.ObjectFactory;
import org.achemine.report.xml.ResultatLigneStatut;
import org.achemine.report.xml.StatutsType;
import org.achemine.report.xml.TypeCompteRendu;
import org.achemine.validation.Finding;
import org.achemine.validation.FlowState;
import org.achemine.xml.HardenedXml;
import org.xml.sax.SAXException;

/**
 * The report on a status flow (compte rendu de traitement des statuts, CR type STATUTS), same schema as
 * the deposit report: the flow, its state (every line applied: IN_INTEGRE; some: IN_INTEGRE_PARTIEL;
 * none, or the file refused as a whole: IN_REJETE), findings about the whole file, then one {@code Ligne}
 * per status update with its line number, reference, invoice id, status asked, APPLIQUE or REJETE and
 * the finding. Checked against the schema as it is written. Thread-safe.
 */
public final class StatusReport {

    private final JAXBContext context;
    private final Schema schema;
    private final ReportParts parts = new ReportParts();
    private final ObjectFactory factory = new ObjectFactory();

    public StatusReport() {
        try {
            this.context = JAXBContext.newInstance(ObjectFactory.class);
            this.schema = loadSchema();
        } catch (JAXBException | SAXException | IOException e) {
            throw new IllegalStateException("Cannot prepare the status report format", e);
        }
    }

    public byte[] toXml(ReportedFlow flow, String syntax, FlowState state, List<Finding> fileFindings,
                        List<StatusReportLine> lines, Instant producedAt) throws ReportException {
        CompteRenduType report = factory.createCompteRenduType();
        report.setVersion("1.0");
        report.setType(TypeCompteRendu.STATUTS);
        report.setFlux(parts.flux(flow, syntax, null));
        report.setStatut(parts.status(state));
        if (!fileFindings.isEmpty()) {
            ConstatsType constats = factory.createConstatsType();
            fileFindings.forEach(f -> constats.getConstat().add(parts.constat(f)));
            report.setErreursFlux(constats);
        }
        if (!lines.isEmpty()) {
            StatutsType statuses = factory.createStatutsType();
            int applied = 0;
            for (StatusReportLine line : lines) {
                applied += line.applied() ? 1 : 0;
                statuses.getLigne().add(line(line));
            }
            statuses.setNombre(lines.size());
            statuses.setAppliquees(applied);
            statuses.setRejetees(lines.size() - applied);
            report.setStatuts(statuses);
        }
        report.setDateHeureProduction(parts.dateTime(producedAt));
        try {
            Marshaller marshaller = context.createMarshaller(); // not thread-safe: one per report
            marshaller.setSchema(schema);
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(factory.createCompteRendu(report), out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new ReportException("The status report of flow " + flow.flowId()
                    + " is not valid against compte-rendu.xsd: " + e, e);
        }
    }

    private LigneStatutType line(StatusReportLine line) {
        LigneStatutType ligne = factory.createLigneStatutType();
        ligne.setLigne(line.lineNumber());
        ligne.setNumOrdre(line.numOrdre());
        ligne.setReference(line.reference());
        ligne.setIdFacture(line.invoiceId());
        ligne.setStatutDemande(line.requestedStatus());
        ligne.setResultat(line.applied() ? ResultatLigneStatut.APPLIQUE : ResultatLigneStatut.REJETE);
        if (line.finding() != null) {
            ligne.setConstat(parts.constat(line.finding()));
        }
        return ligne;
    }

    private static Schema loadSchema() throws SAXException, IOException {
        URL resource = StatusReport.class.getResource(DepositReport.SCHEMA_RESOURCE);
        if (resource == null) {
            throw new IOException("Report schema not found on the class path: " + DepositReport.SCHEMA_RESOURCE);
        }
        try (InputStream in = resource.openStream()) {
            return HardenedXml.newSchemaFactory().newSchema(new StreamSource(in, resource.toExternalForm()));
        }
    }
}
