package org.achemine.circuit;

import java.util.Set;

/**
 * Which cadres de facturation (BT-23, FACTS §1.6) go through a circuit before their recipient: A9 (invoice of a
 * subcontractor, validated by the titulaire) and A12 (invoice of a co-contractor, validated by the mandataire)
 * through a validator; the documents of a works contract through its MOE then its MOA — A4-A8 (the supplier's
 * projets de décompte, états d'acompte, DGD), A10 (subcontractor's), A13-A14 (co-contractor's), A15-A20 (those the
 * MOE or the MOA deposit themselves), A22-A25 (tacit procedure). The last two groups keep both holds: we skip no
 * one's step on a reading FACTS does not give (docs/lifecycle.md#works-cycle-moe-then-moa).
 */
final class CircuitCadres {

    private static final Set<String> VALIDATED = Set.of("A9", "A12");

    private static final Set<String> WORKS = Set.of("A4", "A5", "A6", "A7", "A8", "A10", "A13", "A14", "A15", "A16",
            "A17", "A18", "A19", "A20", "A22", "A23", "A24", "A25");

    private CircuitCadres() {
    }

    static boolean needsValidator(String billingFramework) {
        return billingFramework != null && VALIDATED.contains(billingFramework.strip());
    }

    static boolean isWorks(String billingFramework) {
        return billingFramework != null && WORKS.contains(billingFramework.strip());
    }
}
