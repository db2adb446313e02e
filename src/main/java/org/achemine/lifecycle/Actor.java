package org.achemine.lifecycle;

/** Who changes an invoice's status. */
public enum Actor {
    /** achemine itself: deposit, routing, delivery. */
    PLATFORM,
    /** The public recipient's ordonnateur: receives, suspends, rejects, certifies the service, issues the mandate. */
    RECIPIENT,
    /**
     * The recipient's public accountant (comptable, e.g. DGFiP's Hélios for local authorities): takes the mandate
     * (09), books it (10), pays (11). Recorded when the status line says so ({@code Producteur} /
     * {@code producteur} ACCOUNTANT); otherwise a recipient's line is the ordonnateur's.
     */
    ACCOUNTANT,
    /** The supplier: completes a suspended invoice. */
    SUPPLIER,
    /**
     * The validator of a circuit (cadres A9 / A12: the titulaire or the mandataire the invoice names): validates
     * or refuses an invoice before its public recipient sees it (package {@code org.achemine.circuit}).
     */
    VALIDATOR,
    /**
     * The maître d'œuvre of a works invoice (the MOE the invoice names): takes it into account or refuses it
     * before the MOA sees it (package {@code org.achemine.circuit}).
     */
    MOE,
    /** The maître d'ouvrage of a works invoice (a structure flagged EstMOA): takes it into account or refuses it. */
    MOA
}
