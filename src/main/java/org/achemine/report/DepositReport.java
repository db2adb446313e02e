package org.achemine.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.achemine.report.xml.CompteRenduType;
import org.achemine.report.xml.ConstatsType;
import org.achemine.report.xml.ControlesType;
import org.achemine.report.xml.Decision;
import org.achemine.report.xml.FactureType;
import org.achemine.report.xml.FacturesType;
import org.achemine.report.xml.IncidentType;
import org.achemine.report.xml.JeuxDeReglesType;
import org.achemine.report.xml.NomControle;
import org.achemine.report.xml.ObjectFactory;
import org.achemine.report.xml.ResultatControle;
import org.achemine.report.xml.TypeCompteRendu;
import org.achemine.validation.AcceptancePolicy;
import org.achemine.validation.CheckResult;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.InvoiceFacts;
import org.achemine.validation.RuleSet;
import org.achemine.validation.Syntax;

/**
 * The deposit report (CR, type DEPOT) of one flow: what was received (id, name, partner, SHA-256, size,
 * time), its status (CPPStatut flow code and state), every finding with its code, severity, check, French
 * and English messages, rule text and location, and one {@code Facture} per document with its checks
 * (SKIPPED included) and decision. Independent of Spring: the offline {@code validate --format xml}
 * command uses it too. Thread-safe.
 *
 * <p>Reports are validated against {@code schemas/report/compte-rendu.xsd} as they are marshalled, before they
 * are written ({@code CheckedMarshalling}), so a report that would not be valid is never produced.
 */
public final class DepositReport {

    /** Where the report schema is on the class path (copied there from {@code schemas/report/} by the build). */
    public static final String SCHEMA_RESOURCE = "/schemas/report/compte-rendu.xsd";

    private static final int MAX_NAME_IN_FILE = 150;
    private static final Pattern INCIDENT_ID = Pattern.compile("INC-[0-9A-F]{8}");

    private final List<RuleSet> ruleSets;
    private final AcceptancePolicy policy;
    private final CompteRenduWriter writer = new CompteRenduWriter();
    private final ReportParts parts = new ReportParts();
    private final ObjectFactory factory = new ObjectFactory();

    public DepositReport(List<RuleSet> ruleSets, AcceptancePolicy policy) {
        this.ruleSets = List.copyOf(ruleSets);
        this.policy = policy;
    }

    /** The report's file name in the sender's {@code out/}: {@code <flowId>_<original name>.cr.xml}, sanitised. */
    public static String fileName(String flowId, String originalName) {
        String safe = originalName.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > MAX_NAME_IN_FILE) {
            safe = safe.substring(0, MAX_NAME_IN_FILE);
        }
        return flowId + "_" + safe + ".cr.xml";
    }

    /**
     * The name of the report answering a flow parked after its checks broke:
     * {@code <flowId>_<original name>.<incident id>.cr.xml}, beside the deposit report it will get once retried.
     */
    public static String incidentFileName(String flowId, String originalName, String incidentId) {
        String report = fileName(flowId, originalName);
        return report.substring(0, report.length() - ".cr.xml".length()) + "." + incidentId + ".cr.xml";
    }

    /** The id of the first incident a verdict quotes (a check that broke), if any. */
    public static Optional<String> incidentId(FlowVerdict verdict) {
        return verdict.documents().stream().flatMap(DocumentVerdict::findings)
                .filter(f -> f.code().equals(FindingCode.ERR_TECHNIQUE.code()))
                .map(f -> INCIDENT_ID.matcher(f.message()))
                .filter(Matcher::find).map(Matcher::group).findFirst();
    }

    /** Builds the report of a validated flow. */
    public CompteRenduType build(ReportedFlow flow, FlowVerdict verdict, Instant producedAt) {
        CompteRenduType report = factory.createCompteRenduType();
        report.setVersion("1.0");
        report.setType(TypeCompteRendu.DEPOT);
        Syntax syntax = verdict.syntax();
        report.setFlux(parts.flux(flow, syntax == null ? null : syntax.chorusSyntax(),
                syntax == null ? null : syntax.interfaceCode()));
        report.setStatut(parts.status(policy.flowState(verdict)));
        if (!ruleSets.isEmpty()) {
            JeuxDeReglesType sets = factory.createJeuxDeReglesType();
            for (RuleSet ruleSet : ruleSets) {
                JeuxDeReglesType.JeuDeRegles set = factory.createJeuxDeReglesTypeJeuDeRegles();
                set.setNom(ruleSet.name());
                set.setVersion(ruleSet.version());
                sets.getJeuDeRegles().add(set);
            }
            report.setJeuxDeRegles(sets);
        }
        incidentOf(verdict).ifPresent(report::setIncident);
        if (!verdict.flowFindings().isEmpty()) {
            report.setErreursFlux(findings(verdict.flowFindings()));
        }
        if (!verdict.documents().isEmpty()) {
            report.setFactures(invoices(flow, verdict.documents()));
        }
        report.setDateHeureProduction(parts.dateTime(producedAt));
        return report;
    }

    /** The report as UTF-8 XML, written only once it validates against the report schema. */
    public byte[] toXml(CompteRenduType report) throws ReportException {
        return writer.toXml(report);
    }

    /** {@link #build} then {@link #toXml}. */
    public byte[] toXml(ReportedFlow flow, FlowVerdict verdict, Instant producedAt) throws ReportException {
        return toXml(build(flow, verdict, producedAt));
    }



    private FacturesType invoices(ReportedFlow flow, List<DocumentVerdict> documents) {
        FacturesType invoices = factory.createFacturesType();
        int accepted = 0;
        for (int i = 0; i < documents.size(); i++) {
            DocumentVerdict document = documents.get(i);
            boolean accepts = policy.accepts(document);
            accepted += accepts ? 1 : 0;
            invoices.getFacture().add(invoice(flow, i + 1, document, accepts));
        }
        invoices.setNombre(documents.size());
        invoices.setAcceptees(accepted);
        invoices.setRejetees(documents.size() - accepted);
        return invoices;
    }

    private FactureType invoice(ReportedFlow flow, int rank, DocumentVerdict document, boolean accepted) {
        FactureType invoice = factory.createFactureType();
        invoice.setRang(rank);
        invoice.setIdFacture(flow.flowId() + "-" + rank);
        invoice.setEntree(ReportParts.xmlSafe(document.name()));
        if (document.syntax() != null) {
            invoice.setSyntaxe(document.syntax().chorusSyntax());
        }
        InvoiceFacts facts = document.facts();
        if (facts != null) {
            invoice.setNumeroFacture(facts.invoiceNumber());
            invoice.setIdentifiantFournisseur(facts.supplierId());
            invoice.setIdentifiantDestinataire(facts.buyerId());
        }
        invoice.setDecision(accepted ? Decision.ACCEPTEE : Decision.REJETEE);
        ControlesType checks = factory.createControlesType();
        for (CheckResult result : document.checks()) {
            ControlesType.Controle check = factory.createControlesTypeControle();
            check.setNom(NomControle.fromValue(result.check().token()));
            check.setResultat(ResultatControle.fromValue(result.outcome().name()));
            check.setDureeMs(result.duration().toMillis());
            checks.getControle().add(check);
        }
        invoice.setControles(checks);
        ConstatsType constats = factory.createConstatsType();
        for (CheckResult result : document.checks()) {
            for (Finding finding : result.findings()) {
                constats.getConstat().add(parts.constat(finding));
            }
        }
        if (!constats.getConstat().isEmpty()) {
            invoice.setConstats(constats);
        }
        return invoice;
    }

    private ConstatsType findings(List<Finding> findings) {
        ConstatsType constats = factory.createConstatsType();
        for (Finding finding : findings) {
            constats.getConstat().add(parts.constat(finding));
        }
        return constats;
    }

    /** A check that broke (our fault) is quoted with its incident id so the operator can find it. */
    private Optional<IncidentType> incidentOf(FlowVerdict verdict) {
        return firstIncident(verdict).map(f -> {
            IncidentType incident = factory.createIncidentType();
            Matcher id = INCIDENT_ID.matcher(f.message());
            incident.setIdIncident(id.find() ? id.group() : "INC-UNKNOWN");
            incident.setMessage(f.message());
            return incident;
        });
    }

    /** The first finding saying a check broke, looked for with plain loops: every report asks, nearly none has one. */
    private static Optional<Finding> firstIncident(FlowVerdict verdict) {
        for (DocumentVerdict document : verdict.documents()) {
            for (CheckResult result : document.checks()) {
                for (Finding finding : result.findings()) {
                    if (finding.code().equals(FindingCode.ERR_TECHNIQUE.code())) {
                        return Optional.of(finding);
                    }
                }
            }
        }
        return Optional.empty();
    }

}
