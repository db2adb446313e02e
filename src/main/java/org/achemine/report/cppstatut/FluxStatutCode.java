package org.achemine.report.cppstatut;

import org.achemine.validation.FlowState;

/**
 * The flow statuses of {@code CPPFluxStatutUnitaire/IdStatut} (FACTS §1.4), and which of them achemine writes:
 * <ul>
 *   <li>deposit report: 90 every invoice accepted, 96 some, 93 none or the flow refused (its {@link FlowState});</li>
 *   <li>integration report: 92 every invoice made available to its recipient (03), 96 some, 95 none (each
 *       refused at integration by a platform check, or rejected at deposit);</li>
 *   <li>91 and 94 are never written: a delivery is made in the run that routes it (nothing stays "in
 *       transmission"), and whether a recipient's system took its file is its status file's business (04 to 12),
 *       not a flow status.</li>
 * </ul>
 */
public enum FluxStatutCode {
    RECU(90, "Reçu"),
    EN_COURS_DE_TRANSMISSION(91, "En cours de transmission"),
    RECU_DESTINATAIRE_FINAL(92, "Reçu destinataire final"),
    ERREUR_RECEPTION(93, "Erreur réception"),
    ERREUR_RECEPTION_DESTINATAIRE_FINAL(94, "Erreur réception destinataire final"),
    ERREUR_TRANSMISSION_DESTINATAIRE_FINAL(95, "Erreur de transmission au destinataire final"),
    RECU_INTEGRATION_PARTIELLE(96, "Reçu – intégration partielle");

    private final int code;
    private final String label;

    FluxStatutCode(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** {@code IdStatut} as written: flow statuses are always two digits. */
    String value() {
        return Integer.toString(code);
    }

    /** The status of a deposit report: the flow's state after validation. */
    public static FluxStatutCode ofDeposit(FlowState state) {
        return switch (state) {
            case IN_INTEGRE -> RECU;
            case IN_INTEGRE_PARTIEL -> RECU_INTEGRATION_PARTIELLE;
            case IN_REJETE -> ERREUR_RECEPTION;
        };
    }

    /** The status of an integration report: the flow's state once each invoice was routed or refused. */
    public static FluxStatutCode ofIntegration(FlowState state) {
        return switch (state) {
            case IN_INTEGRE -> RECU_DESTINATAIRE_FINAL;
            case IN_INTEGRE_PARTIEL -> RECU_INTEGRATION_PARTIELLE;
            case IN_REJETE -> ERREUR_TRANSMISSION_DESTINATAIRE_FINAL;
        };
    }

    public static FluxStatutCode ofCode(int code) {
        for (FluxStatutCode status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("Not a CPPStatut flow status (90 to 96): " + code);
    }
}
