package org.achemine.routing;

import org.achemine.validation.FindingCode;

/**
 * The reform's reason code (MDT-113, FACTS §5.5, allowed with status 213 Rejetée) under which each refusal
 * at integration is reported: one per kind of platform check. Statuses 04, 05 and 06 belong to the
 * recipient; the platform's refusals are 213, emitted by the platform itself.
 */
public enum RejectionReason {
    /** Destinataire inconnu: the recipient SIRET is not an active structure that receives invoices. */
    DEST_INC,
    /** Erreur d'adressage: the service code, the recipient's routing code, is missing, unknown or closed. */
    ADR_ERR,
    /**
     * Rejet sur contrôle B2G: an engagement number the recipient requires, the reserved public service, or the
     * validator a validation circuit (A9 / A12) needs.
     */
    REJ_CONT_B2G,
    /** Doublon: the supplier's invoice number was already integrated for that year. */
    DOUBLON;

    /** The reform's lifecycle status of an invoice refused at integration: 213 Rejetée. */
    public static final String REFORM_STATUS = "213";

    /** The reason a routing finding is reported under. */
    public static RejectionReason of(FindingCode code) {
        return switch (code) {
            case ROUTAGE_SIRET_INCONNU, ROUTAGE_STRUCTURE_INACTIVE, ROUTAGE_STRUCTURE_NON_DESTINATAIRE -> DEST_INC;
            case ROUTAGE_SERVICE_ABSENT, ROUTAGE_SERVICE_INCONNU, ROUTAGE_SERVICE_INACTIF -> ADR_ERR;
            case ROUTAGE_ENGAGEMENT_ABSENT, ROUTAGE_SERVICE_OU_ENGAGEMENT_ABSENT, ROUTAGE_SERVICE_RESERVE,
                 CIRCUIT_VALIDEUR_ABSENT, CIRCUIT_VALIDEUR_INCONNU,
                 CIRCUIT_MOE_ABSENT, CIRCUIT_MOE_INCONNU, CIRCUIT_MOA_NON_HABILITEE, CIRCUIT_MOA_INCONNUE -> REJ_CONT_B2G;
            case ROUTAGE_DOUBLON -> DOUBLON;
            default -> throw new IllegalArgumentException(code + " is not a routing finding");
        };
    }
}
