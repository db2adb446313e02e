package org.achemine.lifecycle;

import static org.achemine.lifecycle.Actor.ACCOUNTANT;
import static org.achemine.lifecycle.Actor.MOA;
import static org.achemine.lifecycle.Actor.MOE;
import static org.achemine.lifecycle.Actor.PLATFORM;
import static org.achemine.lifecycle.Actor.RECIPIENT;
import static org.achemine.lifecycle.Actor.SUPPLIER;
import static org.achemine.lifecycle.Actor.VALIDATOR;
import static org.achemine.lifecycle.InvoiceStatus.ABSENCE_PRISE_EN_COMPTE_MOA_DELAI;
import static org.achemine.lifecycle.InvoiceStatus.ABSENCE_VALIDATION_HORS_DELAI;
import static org.achemine.lifecycle.InvoiceStatus.ABSENCE_VALIDATION_MOE_DELAI;
import static org.achemine.lifecycle.InvoiceStatus.A_VALIDER_MOE;
import static org.achemine.lifecycle.InvoiceStatus.A_VALIDER;
import static org.achemine.lifecycle.InvoiceStatus.A_RECYCLER;
import static org.achemine.lifecycle.InvoiceStatus.COMPLETEE;
import static org.achemine.lifecycle.InvoiceStatus.COMPTABILISEE;
import static org.achemine.lifecycle.InvoiceStatus.DEPOSEE;
import static org.achemine.lifecycle.InvoiceStatus.EN_COURS_ACHEMINEMENT;
import static org.achemine.lifecycle.InvoiceStatus.MANDATEE;
import static org.achemine.lifecycle.InvoiceStatus.MISE_A_DISPOSITION;
import static org.achemine.lifecycle.InvoiceStatus.MISE_A_DISPOSITION_COMPTABLE;
import static org.achemine.lifecycle.InvoiceStatus.MISE_EN_PAIEMENT;
import static org.achemine.lifecycle.InvoiceStatus.PRISE_EN_COMPTE_MOA;
import static org.achemine.lifecycle.InvoiceStatus.PRISE_EN_COMPTE_MOE;
import static org.achemine.lifecycle.InvoiceStatus.REFUSEE;
import static org.achemine.lifecycle.InvoiceStatus.REFUSEE_MOA;
import static org.achemine.lifecycle.InvoiceStatus.REFUSEE_MOE;
import static org.achemine.lifecycle.InvoiceStatus.REJETEE;
import static org.achemine.lifecycle.InvoiceStatus.SERVICE_FAIT;
import static org.achemine.lifecycle.InvoiceStatus.SUSPENDUE;
import static org.achemine.lifecycle.InvoiceStatus.TRANSMISE_MOA;
import static org.achemine.lifecycle.InvoiceStatus.VALIDEE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * THE table of allowed status changes (FACTS §2.1, §2.3), printed as is in docs/codes.md. Anything not listed
 * is refused. 04 À recycler, 05 Rejetée, 11 Mise en paiement 15 Refusée (by a circuit's validator), 18 and 21 (refused by the MOE, the MOA) end an invoice's life (after 04 the supplier
 * resends the same number as a new deposit). The processing statuses 07 Service fait → 08 Mandatée →
 * 09 Mise à disposition du comptable → 10 Comptabilisée are optional and only move forward; 11 Mise en
 * paiement may follow any of them or 03 directly (a structure that reports nothing in between, or Hélios
 * pushing 09 then 11). The ordonnateur (RECIPIENT) certifies, mandates and sends back; the accountant
 * (ACCOUNTANT) takes the mandate, books and pays, which the ordonnateur may also report for it.
 */
public final class StatusTransitions {

    /** One allowed change: from a status, by an actor, to a status; whether a reason is mandatory. */
    public record Transition(InvoiceStatus from, Actor by, InvoiceStatus to, boolean reasonRequired) {
    }

    /** The recipient's processing statuses, in their only order; each is optional. */
    private static final List<InvoiceStatus> PROCESSING = List.of(SERVICE_FAIT, MANDATEE, MISE_A_DISPOSITION_COMPTABLE,
            COMPTABILISEE, MISE_EN_PAIEMENT);

    private static final List<Transition> TABLE = table(
            // Routing (issue 9, part 2): only integrated invoices are 01; the platform's checks refuse at
            // integration (no status), so the platform never sets 04 or 05 — those are the recipient's.
            t(DEPOSEE, PLATFORM, EN_COURS_ACHEMINEMENT),
            t(EN_COURS_ACHEMINEMENT, PLATFORM, MISE_A_DISPOSITION),
            // end of routing's edges
            // Validation circuits (A9 / A12, org.achemine.circuit): the validator answers before the recipient
            // sees anything; past the delay the platform records 16 and applies the configured outcome.
            t(DEPOSEE, PLATFORM, A_VALIDER),
            t(A_VALIDER, VALIDATOR, VALIDEE),
            withReason(A_VALIDER, VALIDATOR, REFUSEE),
            t(A_VALIDER, PLATFORM, ABSENCE_VALIDATION_HORS_DELAI),
            withReason(ABSENCE_VALIDATION_HORS_DELAI, PLATFORM, REFUSEE),
            t(VALIDEE, PLATFORM, EN_COURS_ACHEMINEMENT),
            t(ABSENCE_VALIDATION_HORS_DELAI, PLATFORM, EN_COURS_ACHEMINEMENT),
            // The works cycle (org.achemine.circuit): the MOE, then the MOA, then the recipient; past each delay
            // the platform records the silence and moves the invoice on (docs/lifecycle.md#works-cycle-moe-then-moa).
            t(DEPOSEE, PLATFORM, A_VALIDER_MOE),
            t(A_VALIDER_MOE, MOE, PRISE_EN_COMPTE_MOE),
            withReason(A_VALIDER_MOE, MOE, REFUSEE_MOE),
            t(A_VALIDER_MOE, PLATFORM, ABSENCE_VALIDATION_MOE_DELAI),
            t(PRISE_EN_COMPTE_MOE, PLATFORM, TRANSMISE_MOA),
            t(ABSENCE_VALIDATION_MOE_DELAI, PLATFORM, TRANSMISE_MOA),
            t(TRANSMISE_MOA, MOA, PRISE_EN_COMPTE_MOA),
            withReason(TRANSMISE_MOA, MOA, REFUSEE_MOA),
            t(TRANSMISE_MOA, PLATFORM, ABSENCE_PRISE_EN_COMPTE_MOA_DELAI),
            t(PRISE_EN_COMPTE_MOA, PLATFORM, EN_COURS_ACHEMINEMENT),
            t(ABSENCE_PRISE_EN_COMPTE_MOA_DELAI, PLATFORM, EN_COURS_ACHEMINEMENT),
            // end of the circuits' edges
            withReason(MISE_A_DISPOSITION, RECIPIENT, A_RECYCLER),
            withReason(MISE_A_DISPOSITION, RECIPIENT, REJETEE),
            withReason(MISE_A_DISPOSITION, RECIPIENT, SUSPENDUE),
            t(SUSPENDUE, SUPPLIER, COMPLETEE),
            withReason(SUSPENDUE, RECIPIENT, REJETEE),
            t(COMPLETEE, PLATFORM, MISE_A_DISPOSITION),
            withReason(SERVICE_FAIT, RECIPIENT, REJETEE),
            withReason(SERVICE_FAIT, RECIPIENT, SUSPENDUE));

    private static final Set<InvoiceStatus> FINAL = EnumSet.of(A_RECYCLER, REJETEE, MISE_EN_PAIEMENT, REFUSEE,
            REFUSEE_MOE, REFUSEE_MOA);

    private StatusTransitions() {
    }

    /** The listed changes, then every forward step of processing from 03 or a processing status, by its actors. */
    private static List<Transition> table(Transition... listed) {
        List<Transition> table = new ArrayList<>(List.of(listed));
        List<InvoiceStatus> starts = new ArrayList<>(List.of(MISE_A_DISPOSITION));
        starts.addAll(PROCESSING);
        for (int from = 0; from < starts.size(); from++) {
            for (InvoiceStatus to : PROCESSING.subList(from, PROCESSING.size())) {
                for (Actor actor : processedBy(to)) {
                    table.add(t(starts.get(from), actor, to));
                }
            }
        }
        return List.copyOf(table);
    }

    /** 07 and 08 are the ordonnateur's; 09, 10 and 11 the accountant's, which the ordonnateur may report too. */
    private static List<Actor> processedBy(InvoiceStatus status) {
        return status == SERVICE_FAIT || status == MANDATEE ? List.of(RECIPIENT) : List.of(RECIPIENT, ACCOUNTANT);
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

    /**
     * Whether nothing more is awaited for an invoice in this status: a final status, or 10 Comptabilisée at a
     * structure that does not report 11 Mise en paiement (directory: {@code GestionStatutMiseEnPaiement}).
     * The same rule, in SQL: {@link org.achemine.report.AwaitedStatus}.
     */
    public static boolean awaitsNothing(InvoiceStatus status, boolean recipientReportsPayment) {
        return isFinal(status) || (status == COMPTABILISEE && !recipientReportsPayment);
    }

    private static Transition t(InvoiceStatus from, Actor by, InvoiceStatus to) {
        return new Transition(from, by, to, false);
    }

    private static Transition withReason(InvoiceStatus from, Actor by, InvoiceStatus to) {
        return new Transition(from, by, to, true);
    }
}
