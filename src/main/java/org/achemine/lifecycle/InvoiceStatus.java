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
    ABSENCE_VALIDATION_HORS_DELAI("16", "Absence de validation hors délai", "205"),
    // The works cycle (cadres A4-A8, A10, A13-A20, A22-A25; FACTS §1.6, §2.2: A_VALIDER_MOE, REFUSEE_MOE,
    // PRISE_EN_COMPTE_MOE, TRANSMISE_MOA, REFUSEE_MOA, PRISE_EN_COMPTE_MOA,
    // ABSENCE_VALIDATION_MOE_DELAI_REGLEMENTAIRE; 23 for the MOA's silence has no API name): 17..23 are
    // achemine's assignment, as 13..16 (docs/lifecycle.md#works-cycle-moe-then-moa).
    A_VALIDER_MOE("17", "À valider par le maître d'œuvre (MOE)", "203"),
    REFUSEE_MOE("18", "Refusée par le maître d'œuvre (MOE)", "210"),
    PRISE_EN_COMPTE_MOE("19", "Prise en compte par le maître d'œuvre (MOE)", "204"),
    TRANSMISE_MOA("20", "Transmise au maître d'ouvrage (MOA)", "203"),
    REFUSEE_MOA("21", "Refusée par le maître d'ouvrage (MOA)", "210"),
    PRISE_EN_COMPTE_MOA("22", "Prise en compte par le maître d'ouvrage (MOA)", "205"),
    ABSENCE_VALIDATION_MOE_DELAI("23", "Absence de validation du MOE dans le délai réglementaire", "205"),
    ABSENCE_PRISE_EN_COMPTE_MOA_DELAI("24", "Absence de prise en compte du MOA dans le délai", "205");

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
