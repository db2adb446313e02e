package org.achemine.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.achemine.report.IntegratedFlow.IntegratedDocument;
import org.achemine.report.cppstatut.FluxStatut;
import org.achemine.report.cppstatut.FluxStatut.ErrorLine;
import org.achemine.report.cppstatut.FluxStatutCode;
import org.achemine.report.cppstatut.FluxStatutWriter;
import org.achemine.report.cppstatut.StatutSchema.InvalidStatutException;
import org.achemine.validation.AcceptancePolicy;
import org.achemine.validation.CheckResult;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.Location;

/**
 * A flow's deposit and integration reports in Chorus's own format ({@code CPPStatut} / {@code CPPFluxStatuts}),
 * always written, beside the detailed compte rendu. Named after the flow alone, Chorus's
 * {@code <interface>_<application>_<flowId>} shape (FACTS §1.3), so a report already published is recognised:
 * <ul>
 *   <li>deposit report: {@code FSO<nnnn>A_<platform>_<flowId>.xml}, the interface the flow came in under (the
 *       four digits its id carries: FSO1100A UBL, FSO1106A CII, FSO1190A a batch, FSO1199A unrecognised), as
 *       Chorus names the report of a deposit;</li>
 *   <li>integration report: {@code CSO<nnnn>A_<platform>_<flowId>.xml} (Chorus's "integration feedback CSO…A").</li>
 * </ul>
 */
public final class FlowStatutReports {

    public static final String DEPOSIT_PREFIX = "FSO";
    public static final String INTEGRATION_PREFIX = "CSO";

    private final String platformCode;
    private final AcceptancePolicy policy;
    private final FluxStatutWriter writer;

    public FlowStatutReports(String platformCode, AcceptancePolicy policy, FluxStatutWriter writer) {
        this.platformCode = platformCode;
        this.policy = policy;
        this.writer = writer;
    }

    /** Fixed by the flow id alone, whose first 6 characters are the platform code it was taken under. */
    public static String depositFileName(String flowId) {
        return FluxStatut.fileName(interfaceCode(DEPOSIT_PREFIX, flowId), flowId.substring(0, 6), flowId);
    }

    public static String integrationFileName(String flowId) {
        return FluxStatut.fileName(interfaceCode(INTEGRATION_PREFIX, flowId), flowId.substring(0, 6), flowId);
    }

    /** {@code <prefix><the 4 digits after the platform code>A}: the flow id carries its interface number. */
    public static String interfaceCode(String prefix, String flowId) {
        return prefix + flowId.substring(6, 10) + "A";
    }

    public FluxStatut deposit(ReportedFlow flow, FlowVerdict verdict, Instant recordedAt) {
        List<ErrorLine> errors = new ArrayList<>();
        for (Finding finding : verdict.flowFindings()) {
            errors.add(line(null, finding));
        }
        int accepted = 0;
        for (int i = 0; i < verdict.documents().size(); i++) {
            DocumentVerdict document = verdict.documents().get(i);
            accepted += policy.accepts(document) ? 1 : 0;
            for (CheckResult result : document.checks()) {
                for (Finding finding : result.findings()) {
                    errors.add(line(i + 1, finding));
                }
            }
        }
        var state = policy.flowState(verdict);
        return new FluxStatut(interfaceCode(DEPOSIT_PREFIX, flow.flowId()), platformCode, flow.partner(),
                flow.flowId(), FluxStatutCode.ofDeposit(state), state.name(),
                comment(flow, verdict.documents().size(), accepted), recordedAt, errors);
    }

    public FluxStatut integration(IntegratedFlow integrated, Instant recordedAt) {
        List<ErrorLine> errors = new ArrayList<>();
        int delivered = 0;
        for (IntegratedDocument document : integrated.documents()) {
            delivered += document.delivered() ? 1 : 0;
            if (document.reasonCode() != null) {
                String source = document.reasonSource() == null ? "routing" : document.reasonSource();
                errors.add(new ErrorLine(document.rank(), source + ":fatal", document.reasonCode(),
                        document.reasonMessage() == null ? document.reasonCode() : document.reasonMessage(),
                        integrationDescription(document)));
            }
        }
        var state = IntegrationReport.state(integrated);
        ReportedFlow flow = integrated.flow();
        return new FluxStatut(interfaceCode(INTEGRATION_PREFIX, flow.flowId()), platformCode, flow.partner(),
                flow.flowId(), FluxStatutCode.ofIntegration(state), state.name(),
                comment(flow, integrated.documents().size(), delivered), recordedAt, errors);
    }

    public byte[] toXml(FluxStatut report) throws InvalidStatutException {
        return writer.toXml(report);
    }

    private static String comment(ReportedFlow flow, int documents, int accepted) {
        return "Flux " + flow.originalName() + " : " + documents + " facture(s), " + accepted + " acceptée(s), "
                + (documents - accepted) + " refusée(s)";
    }

    /** {@code NatureErreur} is the check and the severity; {@code DescriptionErreur} where, and the rule's text. */
    private static ErrorLine line(Integer rank, Finding finding) {
        return new ErrorLine(rank, finding.source().token() + ":" + finding.severity().token(), finding.code(),
                finding.message(), description(finding.location(), finding.ruleText()));
    }

    private static String description(Location location, String ruleText) {
        List<String> parts = new ArrayList<>();
        if (location.line() > 0) {
            parts.add("ligne " + location.line() + (location.column() > 0 ? ", colonne " + location.column() : ""));
        }
        if (location.path() != null) {
            parts.add(location.path());
        }
        if (ruleText != null && !ruleText.isBlank()) {
            parts.add("règle : " + ruleText.strip());
        }
        return parts.isEmpty() ? null : String.join(" ; ", parts);
    }

    private static String integrationDescription(IntegratedDocument document) {
        String invoice = "facture " + (document.invoiceNumber() == null ? document.invoiceId() : document.invoiceNumber());
        return document.refusedAtIntegration()
                ? invoice + " ; rejetée à l'intégration (statut réforme " + document.reformStatus()
                        + (document.reformReason() == null ? "" : ", motif " + document.reformReason()) + ")"
                : invoice + " ; refusée au dépôt";
    }
}
