package org.achemine.lifecycle.updates;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.config.AchemineProperties.PartnerRole;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.ForbiddenTransitionException;
import org.achemine.lifecycle.InvoiceLedger;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.lifecycle.StatusReason;
import org.achemine.lifecycle.StatusTransitions;
import org.achemine.lifecycle.StatusTransitions.Transition;
import org.achemine.qualification.Environment;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.Location;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies the status updates of one file, in file order, for the partner that sent it; each line is
 * applied or refused on its own (partial acceptance). The actor comes from the sender's role: a RECIPIENT
 * partner acts as the recipient (its ordonnateur, or its accountant when the line says so) and may touch
 * only invoices delivered to its SIRET; an ISSUER acts as the supplier on invoices it deposited; BOTH acts
 * as the supplier for 12 Complétée, as the recipient otherwise; a RECIPIENT or BOTH partner answering 14 Validée or
 * 15 Refusée acts as the validator of a circuit, on invoices held for its SIRET. The platform's clock dates each change;
 * the time the line declares is kept beside it, refused beyond {@code futureTolerance} ahead of the
 * platform, flagged when earlier than the invoice's delivery. Every change goes through
 * {@link InvoiceLedger}, stamped with the status flow, line and NumOrdre. The caller owns the transaction
 * (the flow's verdict commits with the changes).
 */
public class StatusUpdateApplier {

    /** The statuses a circuit's validator answers with (package circuit). */
    private static final Set<InvoiceStatus> VALIDATOR_ANSWERS = EnumSet.of(InvoiceStatus.VALIDEE, InvoiceStatus.REFUSEE);

    /** The statuses the MOE and the MOA answer a works invoice with (package circuit). */
    private static final Set<InvoiceStatus> MOE_ANSWERS = EnumSet.of(InvoiceStatus.PRISE_EN_COMPTE_MOE,
            InvoiceStatus.REFUSEE_MOE);
    private static final Set<InvoiceStatus> MOA_ANSWERS = EnumSet.of(InvoiceStatus.PRISE_EN_COMPTE_MOA,
            InvoiceStatus.REFUSEE_MOA);

    /** Column {@code invoice_status_history.mandate_id} (V76). */
    static final int MANDATE_ID_LENGTH = 100;

    private final InvoiceLedger ledger;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration futureTolerance;

    public StatusUpdateApplier(InvoiceLedger ledger, JdbcTemplate jdbc, Clock clock, Duration futureTolerance) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
        this.futureTolerance = futureTolerance;
    }

    public List<StatusLineOutcome> apply(String flowId, Partner sender, List<RawStatusLine> lines) {
        Environment environment = Environment.of(jdbc.queryForList("SELECT qualification FROM flow WHERE flow_id = ?",
                Boolean.class, flowId).stream().findFirst().orElse(false));
        List<StatusLineOutcome> outcomes = new ArrayList<>(lines.size());
        for (RawStatusLine line : lines) {
            if (Thread.currentThread().isInterrupted()) {
                // the engine is stopping (ADR 0012): the caller's transaction rolls back, the flow is redone at start
                throw new IllegalStateException("Stopped while applying status flow " + flowId + " at line "
                        + line.lineNumber() + ": nothing applied, the flow is processed again at the next start");
            }
            outcomes.add(apply(flowId, environment, sender, line));
        }
        return outcomes;
    }

    private StatusLineOutcome apply(String flowId, Environment environment, Partner sender, RawStatusLine line) {
        Location where = Location.at(line.lineNumber(), 0);
        if (line.malformation() != null) {
            return refused(line, null, Finding.of(FindingCode.STA_LIGNE_MALFORMEE, where, line.malformation()));
        }
        Optional<String> missing = missingField(line);
        if (missing.isPresent()) {
            return refused(line, null, Finding.of(FindingCode.STA_LIGNE_MALFORMEE, where, missing.get()));
        }
        InvoiceStatus to;
        try {
            to = InvoiceStatus.ofCode(line.status());
        } catch (IllegalArgumentException unknown) {
            return refused(line, null, Finding.of(FindingCode.STA_STATUT_INCONNU, where, line.status()));
        }
        Optional<Instant> declared = instant(line.dateTime());
        if (declared.isEmpty()) {
            return refused(line, null, Finding.of(FindingCode.STA_DATE_INVALIDE, where, line.dateTime()));
        }
        Instant now = clock.instant();
        if (declared.get().isAfter(now.plus(futureTolerance))) {
            return refused(line, null, Finding.of(FindingCode.STA_DATE_FUTURE, where, line.dateTime(), now,
                    futureTolerance));
        }
        Integer year = null;
        if (line.invoiceDate() != null) {
            try {
                year = LocalDate.parse(line.invoiceDate()).getYear();
            } catch (DateTimeParseException unreadable) {
                return refused(line, null, Finding.of(FindingCode.STA_LIGNE_MALFORMEE, where,
                        "date de facture « " + line.invoiceDate() + " » illisible : écrivez-la AAAA-MM-JJ"));
            }
        }
        StatusReason reason = null;
        if (line.reason() != null) {
            try {
                reason = StatusReason.valueOf(line.reason());
            } catch (IllegalArgumentException unknown) {
                return refused(line, null, Finding.of(FindingCode.STA_MOTIF_INCONNU, where, line.reason(), reasonCodes()));
            }
        }
        Actor byRole = actorOf(sender.role(), to, line.producer());
        Optional<Actor> said = line.producer() == null ? Optional.of(byRole) : producer(line.producer())
                .filter(p -> p == byRole || (byRole == Actor.RECIPIENT && p == Actor.ACCOUNTANT));
        if (said.isEmpty()) {
            return refused(line, null, Finding.of(FindingCode.STA_LIGNE_MALFORMEE, where, "producteur « "
                    + line.producer() + " » : " + producersOf(byRole)));
        }
        Actor actor = said.get();
        if (line.producerId() != null && !declares(sender, line.producerId())) {
            return refused(line, null, Finding.of(FindingCode.STA_PRODUCTEUR_NON_AUTORISE, where, line.producerId(),
                    sender.code(), sender.structures().isEmpty() ? "aucune" : String.join(", ", sender.structures())));
        }

        List<InvoiceRow> candidates = line.invoiceId() != null ? byId(line.invoiceId())
                : byNumber(line.supplierId(), line.invoiceNumber(), year);
        String reference = describe(line);
        if (candidates.isEmpty()) {
            return refused(line, null, Finding.of(FindingCode.STA_FACTURE_INCONNUE, where, reference));
        }
        // a status acts only within the environment it was dropped in (ADR 0025): production never touches
        // a qualification invoice, nor the other way round
        List<InvoiceRow> sameEnvironment = candidates.stream().filter(c -> c.environment() == environment).toList();
        if (sameEnvironment.isEmpty()) {
            InvoiceRow other = candidates.get(0);
            return refused(line, other.invoiceId(), Finding.of(FindingCode.STA_AUTRE_ENVIRONNEMENT, where,
                    other.invoiceId(), other.environment().label(), environment.label()));
        }
        candidates = sameEnvironment;
        List<InvoiceRow> mine = candidates.stream().filter(c -> isTheirs(c, actor, sender, line.debtorSiret())).toList();
        if (mine.isEmpty()) {
            InvoiceRow other = candidates.get(0);
            return refused(line, other.invoiceId(), Finding.of(FindingCode.STA_FACTURE_NON_AUTORISEE, where,
                    other.invoiceId(), whyNotTheirs(other, actor, sender, line.debtorSiret()), whatIsTheirs(actor, sender)));
        }
        if (mine.size() > 1) {
            // An invoice sent back 04 À recycler is superseded by the one resent under the same number.
            List<InvoiceRow> live = mine.stream().filter(c -> c.status() != InvoiceStatus.A_RECYCLER).toList();
            mine = live.isEmpty() ? mine : live;
        }
        if (mine.size() > 1) {
            return refused(line, null, Finding.of(FindingCode.STA_REFERENCE_AMBIGUE, where, reference,
                    mine.stream().map(InvoiceRow::invoiceId).collect(Collectors.joining(", "))));
        }
        InvoiceRow invoice = mine.get(0);
        String id = invoice.invoiceId();

        String message = message(line);
        Optional<String> appliedBefore = appliedBefore(id, to, declared.get(), reason, message);
        if (appliedBefore.isPresent()) {
            return refused(line, id, Finding.of(FindingCode.STA_DEJA_APPLIQUE, where, id, describe(to), declared.get(),
                    appliedBefore.get()));
        }
        if (invoice.status() == to) {
            return refused(line, id, Finding.of(FindingCode.STA_DEJA_AU_STATUT, where, id, describe(to),
                    invoice.statusChangedAt()));
        }
        Optional<Transition> transition = StatusTransitions.find(invoice.status(), actor, to);
        if (transition.isEmpty()) {
            return refused(line, id, Finding.of(FindingCode.STA_TRANSITION_INTERDITE, where, id,
                    describe(invoice.status()), describe(to), actorName(actor), advice(invoice.status(), actor, to)));
        }
        if (transition.get().reasonRequired() && reason == null) {
            return refused(line, id, Finding.of(FindingCode.STA_MOTIF_ABSENT, where, describe(to), reasonCodes(to)));
        }
        if (reason != null && !reason.justifies(to)) {
            return refused(line, id, Finding.of(FindingCode.STA_MOTIF_HORS_STATUT, where, reason.name(), describe(to),
                    StatusReason.of(to).isEmpty() ? "ce statut ne prend pas de motif ; laissez le motif vide."
                            : "pour ce statut, indiquez l'un de : " + reasonCodes(to) + "."));
        }
        if (to == InvoiceStatus.COMPLETEE && line.comment() == null && line.attachment() == null) {
            return refused(line, id, Finding.of(FindingCode.STA_COMPLEMENT_ABSENT, where, id));
        }
        try {
            ledger.change(id, to, actor, reason == null ? null : reason.name(), message, now, declared.get());
        } catch (ForbiddenTransitionException changedMeanwhile) {
            // Another writer (routing, a concurrent flow) moved it between our read and our change: nothing written.
            return refused(line, id, Finding.of(FindingCode.STA_TRANSITION_INTERDITE, where, id,
                    describe(invoice.status()), describe(to), actorName(actor), changedMeanwhile.getMessage()));
        }
        jdbc.update("UPDATE invoice_status_history SET source_flow_id = ?, source_line = ?, source_num_ordre = ?,"
                + " mandate_id = ? WHERE invoice_id = ?"
                + " AND seq = (SELECT MAX(seq) FROM invoice_status_history WHERE invoice_id = ?)",
                flowId, line.lineNumber(), line.numOrdre(), truncate(line.mandateId(), MANDATE_ID_LENGTH), id, id);
        return new StatusLineOutcome(line, id, null, earlierThanDelivery(id, declared.get(), where));
    }

    /** A warning when the declared time is before the invoice reached its recipient (its latest 03). */
    private Finding earlierThanDelivery(String invoiceId, Instant declared, Location where) {
        List<InvoiceLedger.StatusChange> history = ledger.history(invoiceId);
        Optional<Instant> delivered = history.stream().filter(c -> c.status() == InvoiceStatus.MISE_A_DISPOSITION)
                .map(InvoiceLedger.StatusChange::at).reduce((first, later) -> later);
        if (delivered.isEmpty() || !declared.isBefore(delivered.get())) {
            return null;
        }
        return Finding.of(FindingCode.STA_DATE_ANTERIEURE_MISE_A_DISPOSITION, where, declared, invoiceId,
                delivered.get(), history.get(history.size() - 1).at());
    }

    /**
     * Whether the sender may declare a status under this identifier ({@code Producteur@Id}): its own partner code,
     * or the SIRET of a structure its mailbox serves (its own SIRET for a supplier).
     */
    private static boolean declares(Partner sender, String producerId) {
        return producerId.equals(sender.code()) || sender.structures().contains(producerId);
    }

    private static Optional<Actor> producer(String said) {
        return Arrays.stream(Actor.values()).filter(a -> a.name().equals(said)).findFirst();
    }

    private static String producersOf(Actor actor) {
        return switch (actor) {
            case RECIPIENT -> "un destinataire indique RECIPIENT (l'ordonnateur, par défaut) ou ACCOUNTANT (son comptable public)";
            case VALIDATOR -> "un valideur indique VALIDATOR, ou rien";
            case MOE -> "un maître d'œuvre indique MOE, ou rien";
            case MOA -> "un maître d'ouvrage indique MOA, ou rien";
            default -> "un fournisseur indique SUPPLIER, ou rien";
        };
    }

    /**
     * RECIPIENT acts as the recipient, ISSUER as the supplier; BOTH as the supplier only to complete (12). A partner
     * that receives invoices answering a validation circuit (14 Validée, 15 Refusée) acts as its validator, unless
     * its line says it speaks as the recipient or its accountant; answering a works invoice (18 / 19, 21 / 22) it
     * acts as its MOE or its MOA, unless its line says otherwise.
     */
    static Actor actorOf(PartnerRole role, InvoiceStatus asked, String producer) {
        if (role.receives() && VALIDATOR_ANSWERS.contains(asked)
                && (producer == null || producer.equals(Actor.VALIDATOR.name()))) {
            return Actor.VALIDATOR;
        }
        if (role.receives() && MOE_ANSWERS.contains(asked) && (producer == null || producer.equals(Actor.MOE.name()))) {
            return Actor.MOE;
        }
        if (role.receives() && MOA_ANSWERS.contains(asked) && (producer == null || producer.equals(Actor.MOA.name()))) {
            return Actor.MOA;
        }
        return switch (role) {
            case RECIPIENT -> Actor.RECIPIENT;
            case ISSUER -> Actor.SUPPLIER;
            case BOTH -> asked == InvoiceStatus.COMPLETEE ? Actor.SUPPLIER : Actor.RECIPIENT;
        };
    }

    private static Optional<String> missingField(RawStatusLine line) {
        List<String> missing = new ArrayList<>();
        if (line.invoiceId() == null && (line.supplierId() == null || line.invoiceNumber() == null)) {
            missing.add("la référence de la facture (id_facture, ou id_fournisseur et numero_facture"
                    + " / Fournisseur/Identifiant et IdFacture)");
        }
        if (line.status() == null) {
            missing.add("le statut (statut / IdStatut)");
        }
        if (line.dateTime() == null) {
            missing.add("la date-heure (date_heure / Horodatage)");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of("il manque " + String.join(", ", missing));
    }

    /** ISO 8601 with an offset; a date-time without one is ambiguous (summer time) and refused. */
    private static Optional<Instant> instant(String dateTime) {
        try {
            return Optional.of(OffsetDateTime.parse(dateTime).toInstant().truncatedTo(ChronoUnit.MILLIS));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The supplier's are the invoices it deposited; the recipient's and its accountant's those delivered to its
     * SIRET, and to the structure the line names as debtor when it names one (CPPStatut's {@code Debiteur}).
     */
    private static boolean isTheirs(InvoiceRow invoice, Actor actor, Partner sender, String debtorSiret) {
        if (actor == Actor.SUPPLIER) {
            return sender.code().equals(invoice.depositPartner());
        }
        if (circuitParty(actor)) {
            // held for a circuit's party: delivered to its SIRET; the line's Debiteur is the public buyer, not checked
            return sender.serves(invoice.recipientSiret());
        }
        return sender.serves(invoice.recipientSiret()) && (debtorSiret == null || debtorSiret.equals(invoice.recipientSiret()));
    }

    private static String whyNotTheirs(InvoiceRow invoice, Actor actor, Partner sender, String debtorSiret) {
        if (actor == Actor.SUPPLIER) {
            return "elle a été déposée par un autre partenaire";
        }
        if (invoice.recipientSiret() == null) {
            return "elle n'a été mise à disposition d'aucun destinataire";
        }
        if (sender.serves(invoice.recipientSiret())) {
            return "elle est adressée à la structure " + invoice.recipientSiret() + ", pas au débiteur " + debtorSiret
                    + " que la ligne indique (Debiteur/Identifiant)";
        }
        return "elle est adressée à une autre structure";
    }

    /** The validator, the MOE and the MOA answer what was delivered to their SIRET while the invoice was held. */
    private static boolean circuitParty(Actor actor) {
        return actor == Actor.VALIDATOR || actor == Actor.MOE || actor == Actor.MOA;
    }

    private static String whatIsTheirs(Actor actor, Partner sender) {
        if (circuitParty(actor)) {
            return "des factures à valider mises à disposition de votre structure (SIRET "
                    + String.join(", ", sender.structures()) + ")";
        }
        return actor == Actor.SUPPLIER ? "des factures que vous avez déposées"
                : "des factures mises à disposition de votre structure (SIRET " + String.join(", ", sender.structures()) + ")";
    }

    /** Who may make this change instead, or what this actor may send from the invoice's status. */
    static String advice(InvoiceStatus from, Actor actor, InvoiceStatus to) {
        List<Actor> others = Arrays.stream(Actor.values())
                .filter(a -> a != actor && StatusTransitions.find(from, a, to).isPresent()).toList();
        if (!others.isEmpty()) {
            return "Ce passage est réservé à " + others.stream().map(StatusUpdateApplier::actorName)
                    .collect(Collectors.joining(" ou ")) + ".";
        }
        List<Transition> possible = StatusTransitions.table().stream()
                .filter(t -> t.from() == from && t.by() == actor).toList();
        if (possible.isEmpty()) {
            return "Depuis le statut " + describe(from) + ", " + actorName(actor) + " ne peut plus rien changer"
                    + (StatusTransitions.isFinal(from) ? " : c'est un statut final." : ".");
        }
        return "Depuis ce statut, " + actorName(actor) + " peut envoyer : " + possible.stream()
                .map(t -> describe(t.to()) + (t.reasonRequired() ? " (motif obligatoire)" : ""))
                .collect(Collectors.joining(", ")) + ".";
    }

    static String actorName(Actor actor) {
        return switch (actor) {
            case RECIPIENT -> "le destinataire";
            case ACCOUNTANT -> "le comptable public du destinataire";
            case SUPPLIER -> "le fournisseur";
            case VALIDATOR -> "le valideur (titulaire ou mandataire)";
            case MOE -> "le maître d'œuvre (MOE)";
            case MOA -> "le maître d'ouvrage (MOA)";
            case PLATFORM -> "la plateforme";
        };
    }

    static String describe(InvoiceStatus status) {
        return status.code() + " " + status.label();
    }

    private static String describe(RawStatusLine line) {
        if (line.invoiceId() != null) {
            return "la facture " + line.invoiceId();
        }
        return "la facture n° " + line.invoiceNumber() + " du fournisseur " + line.supplierId()
                + (line.invoiceDate() == null ? "" : " du " + line.invoiceDate());
    }

    private static String reasonCodes() {
        return Arrays.stream(StatusReason.values()).map(StatusReason::name).collect(Collectors.joining(", "));
    }

    private static String reasonCodes(InvoiceStatus status) {
        return StatusReason.of(status).stream().map(StatusReason::name).collect(Collectors.joining(", "));
    }

    /** What the history keeps: the comment, and the completing document's reference when there is one. */
    private static String message(RawStatusLine line) {
        if (line.attachment() == null) {
            return line.comment();
        }
        return (line.comment() == null ? "" : line.comment() + " ") + "[pièce jointe : " + line.attachment() + "]";
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static StatusLineOutcome refused(RawStatusLine line, String invoiceId, Finding why) {
        return new StatusLineOutcome(line, invoiceId, why);
    }

    private static final String INVOICE_ROWS = "SELECT i.invoice_id, i.status, i.recipient_siret, f.partner, i.status_changed_at,"
            + " i.qualification"
            + " FROM invoice i JOIN flow f ON f.flow_id = i.flow_id";

    private List<InvoiceRow> byId(String invoiceId) {
        return jdbc.query(INVOICE_ROWS + " WHERE i.invoice_id = ?", this::row, invoiceId);
    }

    private List<InvoiceRow> byNumber(String supplierId, String invoiceNumber, Integer year) {
        if (year == null) {
            return jdbc.query(INVOICE_ROWS + " WHERE i.supplier_id = ? AND i.invoice_number = ? ORDER BY i.invoice_id",
                    this::row, supplierId, invoiceNumber);
        }
        return jdbc.query(INVOICE_ROWS + " WHERE i.supplier_id = ? AND i.invoice_number = ? AND i.invoice_year = ?"
                + " ORDER BY i.invoice_id", this::row, supplierId, invoiceNumber, year);
    }

    private InvoiceRow row(java.sql.ResultSet rs, int rowNumber) throws java.sql.SQLException {
        return new InvoiceRow(rs.getString(1), InvoiceStatus.ofCode(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), Environment.of(rs.getBoolean(6)));
    }

    /**
     * The source ({@code <flow>:<line>}, with its NumOrdre) of a change with the same content already applied
     * from a status flow: same status, declared time, reason and comment. A line re-sent in a later file is
     * recognised so, whatever time the platform recorded it at.
     */
    private Optional<String> appliedBefore(String invoiceId, InvoiceStatus status, Instant declared, StatusReason reason,
                                           String message) {
        return jdbc.query("SELECT source_flow_id, source_line, source_num_ordre FROM invoice_status_history"
                        + " WHERE invoice_id = ? AND status = ? AND declared_at = ? AND source_flow_id IS NOT NULL"
                        + " AND reason_code IS NOT DISTINCT FROM ? AND message IS NOT DISTINCT FROM ? ORDER BY seq",
                        (rs, i) -> rs.getString(1) + " ligne " + rs.getInt(2)
                                + (rs.getObject(3) == null ? "" : " (NumOrdre " + rs.getInt(3) + ")"),
                        invoiceId, status.code(), declared.atOffset(ZoneOffset.UTC), reason == null ? null : reason.name(),
                        message)
                .stream().findFirst();
    }

    private record InvoiceRow(String invoiceId, InvoiceStatus status, String recipientSiret, String depositPartner,
                              Instant statusChangedAt, Environment environment) {
    }

}
