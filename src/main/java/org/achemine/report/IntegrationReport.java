package org.achemine.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.achemine.report.IntegratedFlow.IntegratedDocument;
import org.achemine.report.xml.CompteRenduType;
import org.achemine.report.xml.ConstatType;
import org.achemine.report.xml.ConstatsType;
import org.achemine.report.xml.ControlesType;
import org.achemine.report.xml.Decision;
import org.achemine.report.xml.EmpreinteType;
import org.achemine.report.xml.EtatFlux;
import org.achemine.report.xml.FactureType;
import org.achemine.report.xml.FacturesType;
import org.achemine.report.xml.FluxType;
import org.achemine.report.xml.Gravite;
import org.achemine.report.xml.NomControle;
import org.achemine.report.xml.ObjectFactory;
import org.achemine.report.xml.RefusIntegrationType;
import org.achemine.report.xml.ResultatControle;
import org.achemine.report.xml.StatutFactureType;
import org.achemine.report.xml.StatutFluxType;
import org.achemine.report.xml.TypeCompteRendu;
import org.achemine.validation.FlowState;

/**
 * The integration report (CR d'intégration, type INTEGRATION) of a flow once routing has decided on each
 * of its invoices: IN_INTEGRE when every document reached its recipient, IN_INTEGRE_PARTIEL when some did,
 * IN_REJETE when none did; one line per document: its Chorus status once integrated, or, refused at
 * integration, no status but the refusal (reform status 213 Rejetée and its reason code) and the finding
 * saying what to correct. Same schema and checks as the deposit report.
 */
public final class IntegrationReport {

    private final DepositReport marshalling;
    private final ObjectFactory factory = new ObjectFactory();
    private final ReportParts parts = new ReportParts();

    public IntegrationReport(DepositReport marshalling) {
        this.marshalling = marshalling;
    }

    /** {@code <flowId>_<original name>.integration.xml}, beside the deposit report in the sender's out/. */
    public static String fileName(String flowId, String originalName) {
        return DepositReport.fileName(flowId, originalName).replaceFirst("\\.cr\\.xml$", ".integration.xml");
    }

    public static FlowState state(IntegratedFlow flow) {
        long delivered = flow.documents().stream().filter(IntegratedDocument::delivered).count();
        if (delivered == flow.documents().size() && delivered > 0) {
            return FlowState.IN_INTEGRE;
        }
        return delivered == 0 ? FlowState.IN_REJETE : FlowState.IN_INTEGRE_PARTIEL;
    }

    public byte[] toXml(IntegratedFlow flow, Instant producedAt) throws ReportException {
        return marshalling.toXml(build(flow, producedAt));
    }

    public CompteRenduType build(IntegratedFlow integrated, Instant producedAt) {
        CompteRenduType report = factory.createCompteRenduType();
        report.setVersion("1.0");
        report.setType(TypeCompteRendu.INTEGRATION);
        report.setFlux(parts.flux(integrated.flow(), integrated.chorusSyntax(), integrated.interfaceCode()));
        report.setStatut(parts.status(state(integrated)));
        FacturesType invoices = factory.createFacturesType();
        int delivered = 0;
        for (IntegratedDocument document : integrated.documents()) {
            invoices.getFacture().add(invoice(document));
            delivered += document.delivered() ? 1 : 0;
        }
        invoices.setNombre(integrated.documents().size());
        invoices.setAcceptees(delivered);
        invoices.setRejetees(integrated.documents().size() - delivered);
        report.setFactures(invoices);
        report.setDateHeureProduction(parts.dateTime(producedAt));
        return report;
    }

    private FactureType invoice(IntegratedDocument document) {
        FactureType invoice = factory.createFactureType();
        invoice.setRang(document.rank());
        invoice.setIdFacture(document.invoiceId());
        invoice.setEntree(ReportParts.xmlSafe(document.entryName()));
        invoice.setSyntaxe(document.chorusSyntax());
        invoice.setNumeroFacture(document.invoiceNumber());
        invoice.setIdentifiantFournisseur(document.supplierId());
        invoice.setIdentifiantDestinataire(document.buyerId());
        invoice.setDecision(document.delivered() ? Decision.ACCEPTEE : Decision.REJETEE);
        if (document.statusCode() != null) {
            StatutFactureType status = factory.createStatutFactureType();
            status.setCode(document.statusCode());
            status.setLibelle(document.statusLabel());
            status.setCodeMotif(document.reasonCode());
            invoice.setStatutFacture(status);
        }
        if (document.refusedAtIntegration()) {
            RefusIntegrationType refusal = factory.createRefusIntegrationType();
            refusal.setCodeStatutReforme(document.reformStatus());
            refusal.setCodeMotifReforme(document.reformReason());
            refusal.setLibelle("Rejetée à l'intégration : la facture n'est pas déposée ; corrigez-la et redéposez-la");
            invoice.setRefusIntegration(refusal);
        }
        ControlesType checks = factory.createControlesType();
        ControlesType.Controle routing = factory.createControlesTypeControle();
        routing.setNom(NomControle.ROUTING);
        routing.setResultat(document.delivered() ? ResultatControle.VALID
                : document.refusedAtIntegration() ? ResultatControle.INVALID : ResultatControle.SKIPPED);
        checks.getControle().add(routing);
        invoice.setControles(checks);
        if (document.reasonCode() != null) {
            ConstatsType findings = factory.createConstatsType();
            ConstatType finding = factory.createConstatType();
            finding.setCode(document.reasonCode());
            finding.setGravite(Gravite.FATAL);
            finding.setSource(NomControle.fromValue(document.reasonSource()));
            finding.setMessage(document.reasonMessage());
            findings.getConstat().add(finding);
            invoice.setConstats(findings);
        }
        return invoice;
    }

}
