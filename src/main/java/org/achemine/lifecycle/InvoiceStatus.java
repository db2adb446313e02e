package org.achemine.lifecycle;

/**
 * Chorus Pro invoice statuses (CPPStatut {@code IdStatut} 01..12, FACTS §2.1) with the API constant and
 * the reform's lifecycle code (200-series, FACTS §5.3) each maps to by default.
 */
public enum InvoiceStatus {
    DEPOSEE("01", "Déposée", "200"),
    EN_COURS_ACHEMINEMENT("02", "En cours d'acheminement vers le destinataire", "202"),
    MISE_A_DISPOSITION("03", "Mise à disposition du destinataire", "203"),
    A_RECYCLER("04", "Rejetée par l'ordonnateur pour erreur données acheminement", "221"),
    REJETEE("05", "Rejetée par l'ordonnateur pour autre motif", "210"),
    SUSPENDUE("06", "Suspendue", "208"),
    SERVICE_FAIT("07", "Service fait", "204"),
    MANDATEE("08", "Mandatée / DP validée", "205"),
    MISE_A_DISPOSITION_COMPTABLE("09", "Mise à disposition du comptable", "205"),
    COMPTABILISEE("10", "Comptabilisée", "205"),
    MISE_EN_PAIEMENT("11", "Mise en paiement", "211"),
    COMPLETEE("12", "Complétée", "209"),
    // The validation cycle of cadres A9 / A12 (FACTS §2.2: A_VALIDER_1, VALIDEE_1, REFUSEE_1,
    // ABSENCE_VALIDATION_1_HORS_DELAI). CPPStatut enumerates IdStatut 13..41 without naming them in our sources:
    // 13..16 are achemine's assignment (docs/lifecycle.md#validation-circuits), valid against the official schema.
    A_VALIDER("13", "À valider par le valideur", "203"),
    VALIDEE("14", "Validée par le valideur", "205"),
    REFUSEE("15", "Refusée par le valideur", "210"),
    ABSENCE_VALIDATION_HORS_DELAI("16", "Absence de validation hors délai", "205");

    private final String code;
    private final String label;
    private final String reformCode;

    InvoiceStatus(String code, String label, String reformCode) {
        this.code = code;
        this.label = label;
        this.reformCode = reformCode;
    }

    public static InvoiceStatus ofCode(String code) {
        for (InvoiceStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown invoice status code " + code);
    }

    /** The two-digit CPPStatut code, e.g. "04". */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The reform's lifecycle status code this status is reported under by default. */
    public String reformCode() {
        return reformCode;
    }
}
