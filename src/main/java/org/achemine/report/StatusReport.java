package org.achemine.report;

import java.time.Instant;
import java.util.List;
import org.achemine.report.xml.CompteRenduType;
import org.achemine.report.xml.ConstatsType;
import org.achemine.report.xml.LigneStatutType;
import org.achemine.report.xml.ObjectFactory;
import org.achemine.report.xml.ResultatLigneStatut;
import org.achemine.report.xml.StatutsType;
import org.achemine.report.xml.TypeCompteRendu;
import org.achemine.validation.Finding;
import org.achemine.validation.FlowState;

/**
 * The report on a status flow (compte rendu de traitement des statuts, CR type STATUTS), same schema as
 * the deposit report: the flow, its state (every line applied: IN_INTEGRE; some: IN_INTEGRE_PARTIEL;
 * none, or the file refused as a whole: IN_REJETE), findings about the whole file, then one {@code Ligne}
 * per status update with its line number, reference, invoice id, status asked, APPLIQUE or REJETE and
 * the finding; past a configured number of lines, the rest are counted ({@code nonDetaillees}), not written.
 * Checked against the schema as it is written. Thread-safe.
 */
public final class StatusReport {

    private final CompteRenduWriter writer = new CompteRenduWriter();
    private final ReportParts parts = new ReportParts();
    private final ObjectFactory factory = new ObjectFactory();

    /**
     * @param lines        the lines reported in detail, the first of the file
     * @param lineCount    every line of the file; past the detailed ones, lines are only counted
     *                     ({@code nonDetaillees})
     * @param appliedCount the lines applied, among all of them
     */
    public byte[] toXml(ReportedFlow flow, String syntax, FlowState state, List<Finding> fileFindings,
                        List<StatusReportLine> lines, int lineCount, int appliedCount, Instant producedAt)
            throws ReportException {
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
            for (StatusReportLine line : lines) {
                statuses.getLigne().add(line(line));
            }
            statuses.setNombre(lineCount);
            statuses.setAppliquees(appliedCount);
            statuses.setRejetees(lineCount - appliedCount);
            if (lineCount > lines.size()) {
                statuses.setNonDetaillees(lineCount - lines.size());
            }
            report.setStatuts(statuses);
        }
        report.setDateHeureProduction(parts.dateTime(producedAt));
        return writer.toXml(report);
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
}
