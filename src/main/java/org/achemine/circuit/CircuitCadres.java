package org.achemine.circuit;

import java.util.Set;

/**
 * Which cadres de facturation (BT-23, FACTS §1.6) go through a validator before their recipient: A9 (invoice of a
 * subcontractor, validated by the titulaire) and A12 (invoice of a co-contractor, validated by the mandataire).
 */
final class CircuitCadres {

    private static final Set<String> VALIDATED = Set.of("A9", "A12");

    private CircuitCadres() {
    }

    static boolean needsValidator(String billingFramework) {
        return billingFramework != null && VALIDATED.contains(billingFramework.strip());
    }
}
