package org.achemine.lifecycle;

import static org.achemine.lifecycle.InvoiceStatus.A_RECYCLER;
import static org.achemine.lifecycle.InvoiceStatus.REFUSEE;
import static org.achemine.lifecycle.InvoiceStatus.REFUSEE_MOA;
import static org.achemine.lifecycle.InvoiceStatus.REFUSEE_MOE;
import static org.achemine.lifecycle.InvoiceStatus.REJETEE;
import static org.achemine.lifecycle.InvoiceStatus.SUSPENDUE;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Why a recipient sends an invoice back: one catalogue, each reason belonging to the statuses it may
 * justify (04 À recycler: routing data; 05 Rejetée: the rejection reasons; 06 Suspendue: what is missing
 * before processing can go on; 15 Refusée: why a circuit's validator refuses; 18 / 21: why the MOE / the MOA refuses a works invoice), with the reform reason code (MDT-113) it is reported under. That code is
 * valid for the reform status of each of its statuses (FACTS §5.5, BR-FR-CDV-CL-09): 221 Erreur de
 * routage only knows ROUTAGE_ERR, 210 Refusée its B2G list, 208 Suspendue its own sub-list.
 */
public enum StatusReason {
    SE_EJ_INCORRECT("Code service ou numéro d'engagement juridique incorrect", "ROUTAGE_ERR", A_RECYCLER),
    SIRET_INCORRECT("SIRET destinataire incorrect", "ROUTAGE_ERR", A_RECYCLER),
    CREANCIER_INCONNU("Créancier inconnu", "EMMET_INC", REJETEE),
    MARCHE_TERMINE("Marché terminé", "CONTRAT_TERM", REJETEE),
    SOUS_TRAITANT_NON_DECLARE("Sous-traitant ou cotraitant non déclaré", "ST_CT_NON_DECLAR", REJETEE),
    SUPPRESSION_COMPENSATION_AVOIRS("Suppression pour compensation d'avoirs", "SUPPR_COMP_AVOIR", REJETEE),
    MONTANT_ERRONE("Montant erroné", "MONTANTTOTAL_ERR", REJETEE, REFUSEE, REFUSEE_MOE, REFUSEE_MOA),
    CALCUL_ERRONE("Erreur de calcul", "CALCUL_ERR", REJETEE, REFUSEE_MOE, REFUSEE_MOA),
    TAUX_TVA_ERRONE("Taux de TVA erroné", "TX_TVA_ERR", REJETEE),
    PAIEMENT_REGIE("Paiement en régie", "TRANSF_PMNT_REGIE", REJETEE),
    LIVRAISON_INCOMPLETE("Livraison incomplète", "LIVR_INCOMP", REJETEE),
    DOUBLE_FACTURATION("Double facturation", "DOUBLE_FACT", REJETEE),
    RETRAITEMENT_MANUEL("Retraitement manuel par le service", "RETRAIT_MAN_SERV", REJETEE),
    AUTRE("Autre motif (précisé en commentaire)", "AUTRE", REJETEE, REFUSEE, REFUSEE_MOE, REFUSEE_MOA),
    ERREUR_RIB("Erreur de RIB (coordonnées bancaires)", "COORD_BANC_ERR", REJETEE, SUSPENDUE),
    NON_CONFORME_COMMANDE("Non conforme à la commande", "CMD_ERR", REJETEE, SUSPENDUE),
    REFERENCE_CONTRAT_ABSENTE("Référence du contrat ou du marché absente", "REF_CT_ABSENT", REJETEE, SUSPENDUE),
    JUSTIFICATIF_ABSENT("Justificatif absent ou insuffisant", "JUSTIF_ABS", SUSPENDUE),
    REFERENCE_ERRONEE("Référence (commande, bon de livraison) erronée", "REF_ERR", SUSPENDUE),
    PRESTATION_NON_CONFORME("Prestation non conforme à ce que le valideur a constaté", "CMD_ERR", REFUSEE, REFUSEE_MOE, REFUSEE_MOA),
    /** The platform's, when a circuit is configured to refuse an invoice its validator left unanswered. */
    VALIDATION_HORS_DELAI("Absence de validation dans le délai", "AUTRE", REFUSEE);

    private final String label;
    private final String reformCode;
    private final Set<InvoiceStatus> statuses;

    StatusReason(String label, String reformCode, InvoiceStatus first, InvoiceStatus... others) {
        this.label = label;
        this.reformCode = reformCode;
        this.statuses = EnumSet.of(first, others);
    }

    public String label() {
        return label;
    }

    /** The reform's reason code (MDT-113). */
    public String reformCode() {
        return reformCode;
    }

    /** The statuses this reason may justify. */
    public Set<InvoiceStatus> statuses() {
        return statuses;
    }

    public boolean justifies(InvoiceStatus status) {
        return statuses.contains(status);
    }

    /** The catalogue of one status, in catalogue order. */
    public static List<StatusReason> of(InvoiceStatus status) {
        return Arrays.stream(values()).filter(reason -> reason.justifies(status)).toList();
    }
}
