package org.achemine.console;

/** What an operator may do from the console; each is confirmed first and audited ({@code operator_action}). */
public enum OperatorAction {

    RETRY_PARKED("Relancer un flux en attente après incident",
            "Le flux est remis en traitement : le moteur le valide à nouveau et y répond (compte rendu de dépôt)."),
    RETRY_ALL_PARKED("Relancer tous les flux en attente après incident",
            "Chaque flux en attente après incident est remis en traitement."),
    RUN_ROUTING("Lancer l'acheminement maintenant",
            "Les factures acceptées en attente sont acheminées vers leurs destinataires, ou refusées à l'intégration."),
    RUN_NIGHTLY("Lancer la séquence de nuit maintenant",
            "Import de l'annuaire s'il y a de nouveaux fichiers, acheminement, rapports de cycle de vie, tableaux de bord."),
    IMPORT_DIRECTORY("Importer un annuaire",
            "Les deux fichiers (structures et services) sont déposés dans l'arrivée de l'annuaire, qui les importe.");

    private final String label;
    private final String effect;

    OperatorAction(String label, String effect) {
        this.label = label;
        this.effect = effect;
    }

    public String label() {
        return label;
    }

    /** What confirming it does, told on the confirmation page. */
    public String effect() {
        return effect;
    }

    /** Its path under {@code /console/actions/}: {@code run-routing}. */
    public String path() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static OperatorAction ofPath(String path) {
        return valueOf(path.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
