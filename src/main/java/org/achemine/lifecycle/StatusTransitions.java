package org.achemine.lifecycle;

import static org.achemine.lifecycle.Actor.PLATFORM;
import static org.achemine.lifecycle.Actor.RECIPIENT;
import static org.achemine.lifecycle.Actor.SUPPLIER;
import static org.achemine.lifecycle.InvoiceStatus.A_RECYCLER;
import static org.achemine.lifecycle.InvoiceStatus.COMPLETEE;
import static org.achemine.lifecycle.InvoiceStatus.COMPTABILISEE;
import static org.achemine.lifecycle.InvoiceStatus.DEPOSEE;
import static org.achemine.lifecycle.InvoiceStatus.EN_COURS_ACHEMINEMENT;
import static org.achemine.lifecycle.InvoiceStatus.MANDATEE;
import static org.achemine.lifecycle.InvoiceStatus.MISE_A_DISPOSITION;
import static org.achemine.lifecycle.InvoiceStatus.MISE_A_DISPOSITION_COMPTABLE;
import static org.achemine.lifecycle.InvoiceStatus.MISE_EN_PAIEMENT;
import static org.achemine.lifecycle.InvoiceStatus.REJETEE;
import static org.achemine.lifecycle.InvoiceStatus.SERVICE_FAIT;
import static org.achemine.lifecycle.InvoiceStatus.SUSPENDUE;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * THE table of allowed status changes (FACTS §2.1, §2.3), printed as is in docs/codes.md. Anything not listed
 * is refused. 04 À recycler, 05 Rejetée and 11 Mise en paiement end an invoice's life (after 04 the supplier
 * resends the same number as a new deposit). The recipient's processing statuses only move forward:
 * 07 Service fait → 08 Mandatée → 09 Mise à disposition du comptable → 10 Comptabilisée → 11 Mise en
 * paiement, skipping allowed except into 11, which needs 10 (payment follows accounting).
 */
public final class StatusTransitions {

    /** One allowed change: from a status, by an actor, to a status; whether a reason is mandatory. */
    public record Transition(InvoiceStatus from, Actor by, InvoiceStatus to, boolean reasonRequired) {
    }

    private static final List<Transition> TABLE = List.of(
            // Routing (issue 9, part 2): only integrated invoices are 01; the platform's checks refuse at
            // integration (no status), so the platform never sets 04 or 05 — those are the recipient's.
            t(DEPOSEE, PLATFORM, EN_COURS_ACHEMINEMENT),
            t(EN_COURS_ACHEMINEMENT, PLATFORM, MISE_A_DISPOSITION),
            // end of routing's edges
            withReason(MISE_A_DISPOSITION, RECIPIENT, A_RECYCLER),
            withReason(MISE_A_DISPOSITION, RECIPIENT, REJETEE),
            withReason(MISE_A_DISPOSITION, RECIPIENT, SUSPENDUE),
            t(MISE_A_DISPOSITION, RECIPIENT, SERVICE_FAIT),
            t(MISE_A_DISPOSITION, RECIPIENT, MANDATEE),
            t(MISE_A_DISPOSITION, RECIPIENT, MISE_A_DISPOSITION_COMPTABLE),
            t(MISE_A_DISPOSITION, RECIPIENT, COMPTABILISEE),
            t(SUSPENDUE, SUPPLIER, COMPLETEE),
            withReason(SUSPENDUE, RECIPIENT, REJETEE),
            t(COMPLETEE, PLATFORM, MISE_A_DISPOSITION),
            withReason(SERVICE_FAIT, RECIPIENT, REJETEE),
            withReason(SERVICE_FAIT, RECIPIENT, SUSPENDUE),
            t(SERVICE_FAIT, RECIPIENT, MANDATEE),
            t(SERVICE_FAIT, RECIPIENT, MISE_A_DISPOSITION_COMPTABLE),
            t(SERVICE_FAIT, RECIPIENT, COMPTABILISEE),
            t(MANDATEE, RECIPIENT, MISE_A_DISPOSITION_COMPTABLE),
            t(MANDATEE, RECIPIENT, COMPTABILISEE),
            t(MISE_A_DISPOSITION_COMPTABLE, RECIPIENT, COMPTABILISEE),
            t(COMPTABILISEE, RECIPIENT, MISE_EN_PAIEMENT));

    private static final Set<InvoiceStatus> FINAL = EnumSet.of(A_RECYCLER, REJETEE, MISE_EN_PAIEMENT);

    private StatusTransitions() {
    }

    public static List<Transition> table() {
        return TABLE;
    }

    public static Optional<Transition> find(InvoiceStatus from, Actor by, InvoiceStatus to) {
        return TABLE.stream().filter(t -> t.from() == from && t.by() == by && t.to() == to).findFirst();
    }

    /** Statuses after which nothing else happens to the invoice. */
    public static boolean isFinal(InvoiceStatus status) {
        return FINAL.contains(status);
    }

    private static Transition t(InvoiceStatus from, Actor by, InvoiceStatus to) {
        return new Transition(from, by, to, false);
    }

    private static Transition withReason(InvoiceStatus from, Actor by, InvoiceStatus to) {
        return new Transition(from, by, to, true);
    }
}
