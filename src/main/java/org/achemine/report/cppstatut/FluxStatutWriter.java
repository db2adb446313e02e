package org.achemine.report.cppstatut;

import java.math.BigInteger;
import org.achemine.chorus.statut.CPPFluxStatutUnitaire;
import org.achemine.chorus.statut.CPPFluxStatuts;
import org.achemine.chorus.statut.CPPStatut;
import org.achemine.chorus.statut.Details;
import org.achemine.chorus.statut.LigneErreurDetail;
import org.achemine.report.cppstatut.FluxStatut.ErrorLine;
import org.achemine.report.cppstatut.StatutSchema.InvalidStatutException;
import org.achemine.validation.PartnerText;

/**
 * Writes a flow report as {@code CPPStatut} / {@code CPPFluxStatuts}: one {@code CPPFluxStatutUnitaire} with the
 * flow's status, our state as {@code ComplementStatut}, the platform's time as {@code Horodatage}, the flow id as
 * {@code IdFlux}, and one {@code LigneErreurDetail} per finding. Checked against AIFE's schema while it is
 * written: an invalid one is never produced. Reusable by any flow report (deposit, integration, a status file's
 * answer). Thread-safe.
 *
 * <p>Limits of the schema: {@code ComplementStatut} has at most 40 characters (cut there); the other texts
 * have none, and every text a partner may have written is made XML-safe ({@link PartnerText}: controls and bidi
 * overrides written as {@code \\uXXXX}, past 1,024 characters cut and its length said).
 */
public final class FluxStatutWriter {

    static final String VERSION = "V1_19";
    private static final int MAX_COMPLEMENT = 40;

    private final StatutSchema schema;
    private final StatutEnvelope envelopes = new StatutEnvelope();

    public FluxStatutWriter(StatutSchema schema) {
        this.schema = schema;
    }

    public byte[] toXml(FluxStatut report) throws InvalidStatutException {
        return schema.write(build(report));
    }

    CPPStatut build(FluxStatut report) {
        CPPFluxStatutUnitaire.DonneesStatut data = new CPPFluxStatutUnitaire.DonneesStatut();
        data.setIdStatut(report.status().value());
        if (report.complement() != null) {
            data.setComplementStatut(StatutEnvelope.cut(PartnerText.shown(report.complement()), MAX_COMPLEMENT));
        }
        if (report.comment() != null) {
            data.setCommentaire(PartnerText.shown(report.comment()));
        }
        data.setHorodatage(envelopes.dateTime(report.recordedAt()));
        data.setIdFlux(report.flowId());
        if (!report.errors().isEmpty()) {
            Details details = new Details();
            details.setNbLignesErreur(BigInteger.valueOf(report.errors().size()));
            report.errors().forEach(error -> details.getLigneErreurDetail().add(line(error)));
            data.setDetails(details);
        }
        CPPFluxStatutUnitaire unit = new CPPFluxStatutUnitaire();
        unit.setNumOrdre(BigInteger.ONE);
        unit.setDonneesStatut(data);
        CPPFluxStatuts statuses = new CPPFluxStatuts();
        statuses.setCompteur(BigInteger.ONE);
        statuses.getCPPFluxStatutUnitaire().add(unit);
        CPPStatut statut = new CPPStatut();
        statut.setVersion(VERSION);
        statut.setEnveloppe(envelopes.envelope(report.flowId(), report.sender(), report.receiver(),
                report.recordedAt()));
        statut.setCPPFluxStatuts(statuses);
        return statut;
    }

    private static LigneErreurDetail line(ErrorLine error) {
        LigneErreurDetail line = new LigneErreurDetail();
        if (error.line() != null) {
            line.setIdLigne(error.line().toString());
        }
        line.setNatureErreur(error.nature());
        line.setCodeErreur(PartnerText.shown(error.code()));
        line.setLibelleErreur(PartnerText.shown(error.label()));
        if (error.description() != null) {
            line.setDescriptionErreur(PartnerText.shown(error.description()));
        }
        return line;
    }
}
