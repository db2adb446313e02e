package org.achemine.lifecycle;

/**
 * Why a recipient sends an invoice back (mandatory for 05 Rejetée and 06 Suspendue, and for 04 À recycler
 * set by a recipient), with the reform reason code (MDT-113, FACTS §5.5) it is reported under.
 */
public enum StatusReason {
    SE_EJ_INCORRECT("Code service ou numéro d'engagement juridique incorrect", "CODE_ROUTAGE_ERR"),
    SIRET_INCORRECT("SIRET destinataire incorrect", "SIRET_ERR"),
    CREANCIER_INCONNU("Créancier inconnu", "EMMET_INC"),
    MARCHE_TERMINE("Marché terminé", "CONTRAT_TERM"),
    SOUS_TRAITANT_NON_DECLARE("Sous-traitant ou cotraitant non déclaré", "ST_CT_NON_DECLAR"),
    SUPPRESSION_COMPENSATION_AVOIRS("Suppression pour compensation d'avoirs", "SUPPR_COMP_AVOIR"),
    JUSTIFICATIF_ABSENT("Justificatif absent ou insuffisant", "JUSTIF_ABS"),
    MONTANT_ERRONE("Montant erroné", "MONTANTTOTAL_ERR"),
    CALCUL_ERRONE("Erreur de calcul", "CALCUL_ERR"),
    TAUX_TVA_ERRONE("Taux de TVA erroné", "TX_TVA_ERR"),
    PAIEMENT_REGIE("Paiement en régie", "TRANSF_PMNT_REGIE"),
    ERREUR_RIB("Erreur de RIB (coordonnées bancaires)", "COORD_BANC_ERR"),
    LIVRAISON_INCOMPLETE("Livraison incomplète", "LIVR_INCOMP"),
    NON_CONFORME_COMMANDE("Non conforme à la commande", "CMD_ERR"),
    DOUBLE_FACTURATION("Double facturation", "DOUBLE_FACT"),
    RETRAITEMENT_MANUEL("Retraitement manuel par le service", "RETRAIT_MAN_SERV"),
    AUTRE("Autre motif (précisé en commentaire)", "AUTRE");

    private final String label;
    private final String reformCode;

    StatusReason(String label, String reformCode) {
        this.label = label;
        this.reformCode = reformCode;
    }

    public String label() {
        return label;
    }

    /** The reform's reason code (MDT-113). */
    public String reformCode() {
        return reformCode;
    }
}
