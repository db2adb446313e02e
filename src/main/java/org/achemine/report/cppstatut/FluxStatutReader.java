package org.achemine.report.cppstatut;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.achemine.chorus.statut.CPPFluxStatutUnitaire;
import org.achemine.chorus.statut.CPPStatut;
import org.achemine.chorus.statut.Details;
import org.achemine.chorus.statut.EnveloppeUnitaire;
import org.achemine.report.cppstatut.FluxStatut.ErrorLine;

/**
 * Reads a flow report written as {@code CPPStatut} / {@code CPPFluxStatuts} back into a {@link FluxStatut}, once it
 * validates against the official schema: what tests, {@code verify} and a partner's system see of a verdict.
 * The interface code is taken from the file name when there is one.
 */
public final class FluxStatutReader {

    private final StatutSchema schema;

    public FluxStatutReader(StatutSchema schema) {
        this.schema = schema;
    }

    public FluxStatut read(Path file) throws IOException {
        String name = file.getFileName().toString();
        int underscore = name.indexOf('_');
        return read(Files.readAllBytes(file), underscore > 0 ? name.substring(0, underscore) : null);
    }

    /** @param interfaceCode the interface the file came under, when known (else null) */
    public FluxStatut read(byte[] xml, String interfaceCode) throws IOException {
        CPPStatut statut = schema.read(xml);
        if (statut.getCPPFluxStatuts() == null || statut.getCPPFluxStatuts().getCPPFluxStatutUnitaire().size() != 1) {
            throw new IOException("Not a flow report: a CPPFluxStatuts with one CPPFluxStatutUnitaire is expected");
        }
        EnveloppeUnitaire envelope = statut.getEnveloppe().getEnveloppeUnitaire().get(0);
        CPPFluxStatutUnitaire.DonneesStatut data =
                statut.getCPPFluxStatuts().getCPPFluxStatutUnitaire().get(0).getDonneesStatut();
        Details details = data.getDetails();
        List<ErrorLine> errors = details == null ? List.of() : details.getLigneErreurDetail().stream()
                .map(line -> new ErrorLine(line.getIdLigne() == null ? null : Integer.valueOf(line.getIdLigne()),
                        line.getNatureErreur(), line.getCodeErreur(), line.getLibelleErreur(),
                        line.getDescriptionErreur()))
                .toList();
        return new FluxStatut(interfaceCode, envelope.getPartenaires().getEmetteur().getId(),
                envelope.getPartenaires().getRecepteur().getId(), data.getIdFlux(),
                FluxStatutCode.ofCode(Integer.parseInt(data.getIdStatut())), data.getComplementStatut(),
                data.getCommentaire(), data.getHorodatage().toGregorianCalendar().toInstant(), errors);
    }
}
