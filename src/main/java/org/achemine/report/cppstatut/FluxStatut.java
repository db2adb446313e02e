package org.achemine.report.cppstatut;

import java.time.Instant;
import java.util.List;

/**
 * One flow report in Chorus's {@code CPPFluxStatuts} terms: what {@link FluxStatutWriter} writes and
 * {@link FluxStatutReader} reads back.
 *
 * @param interfaceCode the interface that carries it (file name: {@code <interfaceCode>_<sender>_<flowId>.xml})
 * @param sender        our platform code ({@code Emetteur/Id}, 3 to 8 characters)
 * @param receiver      the partner it goes to ({@code Recepteur/Id}, 3 to 8 characters)
 * @param flowId        the flow reported on ({@code IdFlux}, also the envelope's {@code IdFlx})
 * @param status        the flow status
 * @param complement    {@code ComplementStatut}: our flow state, e.g. IN_INTEGRE_PARTIEL (cut at 40 characters)
 * @param comment       {@code Commentaire}: a French sentence on the flow (name, invoices accepted and refused)
 * @param recordedAt    {@code Horodatage}: when the platform recorded the outcome (its clock)
 * @param errors        one line per finding, in order
 */
public record FluxStatut(String interfaceCode, String sender, String receiver, String flowId, FluxStatutCode status,
                         String complement, String comment, Instant recordedAt, List<ErrorLine> errors) {

    public FluxStatut {
        errors = List.copyOf(errors);
    }

    /** The file name in the partner's {@code out/}: Chorus's {@code <interface>_<application>_<flowId>} shape (FACTS §1.3). */
    public String fileName() {
        return fileName(interfaceCode, sender, flowId);
    }

    public static String fileName(String interfaceCode, String sender, String flowId) {
        return interfaceCode + "_" + sender + "_" + flowId + ".xml";
    }

    /**
     * One {@code LigneErreurDetail}.
     *
     * @param line        {@code IdLigne}: the invoice's rank in the flow; null for a finding on the flow itself
     * @param nature      {@code NatureErreur}: {@code <check>:<severity>}, e.g. {@code xsd:fatal}, {@code routing:fatal}
     * @param code        {@code CodeErreur}: our stable code (FindingCode) or the official rule id (BR-CO-15)
     * @param label       {@code LibelleErreur}: the French message
     * @param description {@code DescriptionErreur}: where (line, column, path), the rule's text; null when none
     */
    public record ErrorLine(Integer line, String nature, String code, String label, String description) {

        /** Whether the finding refuses what it is about (the severity part of {@link #nature}). */
        public boolean isFatal() {
            return nature.endsWith(":fatal");
        }
    }
}
