package org.achemine.validation;

/**
 * A flow's state after validation, with the CPPStatut flow status code it is reported under
 * (FACTS §1.4): 90 Reçu, 96 Reçu – intégration partielle, 93 Erreur réception.
 */
public enum FlowState {
    IN_INTEGRE("90", "Reçu"),
    IN_INTEGRE_PARTIEL("96", "Reçu – intégration partielle"),
    IN_REJETE("93", "Erreur réception");

    private final String statusCode;
    private final String label;

    FlowState(String statusCode, String label) {
        this.statusCode = statusCode;
        this.label = label;
    }

    public String statusCode() {
        return statusCode;
    }

    public String label() {
        return label;
    }
}
