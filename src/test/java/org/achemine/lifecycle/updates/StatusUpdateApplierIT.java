package org.achemine.lifecycle.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.config.AchemineProperties.PartnerRole;
import org.achemine.intake.FlowId;
import org.achemine.intake.FlowRegistry;
import org.achemine.intake.FlowStage;
import org.achemine.intake.ReceivedFlow;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceLedger;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.lifecycle.StatusReason;
import org.achemine.lifecycle.StatusTransitions;
import org.achemine.lifecycle.StatusTransitions.Transition;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.report.StatusReport;
import org.achemine.report.xml.CompteRenduType;
import org.achemine.report.xml.EtatFlux;
import org.achemine.testing.CppStatutFiles;
import org.achemine.testing.CppStatutFiles.Unit;
import org.achemine.testing.OwnDataFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The rules of status updates, line by line, on a real H2 database: invoices are registered directly in
 * the status each case needs (the honest shortcut: routing them there would take a dozen status files),
 * then a status line is applied as the intake applies it, in a transaction.
 */
@SpringBootTest(properties = {"achemine.intake.enabled=false", "achemine.directory.watch=false",
        "achemine.routing.trigger-delay=1h", "achemine.status-updates.max-file-size=1KB"})
class StatusUpdateApplierIT extends OwnDataFolder {

    private static final String BELLERIVE = "21690012600014";
    private static final String OTHER_STRUCTURE = "73282932000074";
    private static final Partner RECIPIENT = new Partner("COL001", "Commune de Bellerive", PartnerRole.RECIPIENT, BELLERIVE);
    private static final Partner SUPPLIER = new Partner("FOU001", "Fournisseur", PartnerRole.ISSUER, null);
    /** The time status lines declare (2026-11-24T10:00:00+01:00). */
    private static final Instant AT = Instant.parse("2026-11-24T09:00:00Z");
    /** The platform's clock while lines are applied. */
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(10);
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    InvoiceLedger ledger;

    @Autowired
    FlowRegistry registry;

    @Autowired
    StatusFlowProcessor processor;

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    PublicationJournal publications;

    @Autowired
    CompletionDocuments completionDocuments;

    @Autowired
    org.achemine.config.AchemineProperties achemine;

    /** Every (from, actor, to) the transition table does not list, for the four actors that send status files. */
    static Stream<Arguments> forbiddenTransitions() {
        List<Arguments> forbidden = new ArrayList<>();
        for (InvoiceStatus from : InvoiceStatus.values()) {
            for (Actor actor : List.of(Actor.RECIPIENT, Actor.ACCOUNTANT, Actor.SUPPLIER, Actor.VALIDATOR, Actor.MOE,
                    Actor.MOA)) {
                for (InvoiceStatus to : InvoiceStatus.values()) {
                    // a receiving partner speaks as a circuit's validator only to answer 14 or 15, as a works
                    // invoice's MOE only to answer 18 or 19, as its MOA only to answer 21 or 22
                    boolean said = switch (actor) {
                        case VALIDATOR -> Set.of("14", "15").contains(to.code());
                        case MOE -> Set.of("18", "19").contains(to.code());
                        case MOA -> Set.of("21", "22").contains(to.code());
                        default -> true;
                    };
                    if (said && from != to && StatusTransitions.find(from, actor, to).isEmpty()) {
                        forbidden.add(arguments(from, actor, to));
                    }
                }
            }
        }
        return forbidden.stream();
    }

    @ParameterizedTest(name = "{0} → {2} by {1}")
    @MethodSource("forbiddenTransitions")
    void refusesEveryTransitionTheTableDoesNotAllow(InvoiceStatus from, Actor actor, InvoiceStatus to) {
        // given an invoice of FOU001 delivered to Bellerive, in status "from"
        String invoice = invoice(from, BELLERIVE, "FOU001");

        // when its recipient (its ordonnateur or accountant) or supplier asks for "to", with a reason and a comment
        StatusLineOutcome outcome = apply(senderOf(actor), line(invoice, to.code(), "AUTRE", "commentaire", actor));

        // then the line is refused as a forbidden transition, and the invoice is untouched
        assertThat(outcome.refusal()).isNotNull();
        assertThat(outcome.refusal().code()).isEqualTo("STA_TRANSITION_INTERDITE");
        assertThat(outcome.refusal().message()).contains(from.code() + " " + from.label())
                .contains(to.code() + " " + to.label());
        assertThat(outcome.refusal().location().line()).isEqualTo(7);
        assertThat(ledger.status(invoice)).contains(from);
        assertThat(ledger.history(invoice)).hasSize(1);
    }

    static Stream<Transition> transitionsNeedingAReason() {
        // the platform's own reasoned changes (a circuit refused past its delay) come from no status file
        return StatusTransitions.table().stream().filter(Transition::reasonRequired).filter(t -> t.by() != Actor.PLATFORM);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitionsNeedingAReason")
    void refusesAMandatoryReasonLeftOut(Transition transition) {
        // given an invoice in the transition's starting status
        String invoice = invoice(transition.from(), BELLERIVE, "FOU001");

        // when the change is asked with a comment but no reason
        StatusLineOutcome outcome = apply(RECIPIENT, line(invoice, transition.to().code(), null, "sans motif"));

        // then it is refused for the missing reason, listing that status's catalogue
        assertThat(outcome.refusal().code()).isEqualTo("STA_MOTIF_ABSENT");
        assertThat(StatusReason.of(transition.to())).isNotEmpty()
                .allSatisfy(reason -> assertThat(outcome.refusal().message()).contains(reason.name()));
        assertThat(ledger.status(invoice)).contains(transition.from());
    }

    static Stream<Transition> transitionsOfSenders() {
        return StatusTransitions.table().stream().filter(t -> t.by() != Actor.PLATFORM);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitionsOfSenders")
    void appliesEveryTransitionTheTableAllowsItsSender(Transition transition) {
        // given
        String invoice = invoice(transition.from(), BELLERIVE, "FOU001");

        String reason = StatusReason.of(transition.to()).stream().map(StatusReason::name).findFirst().orElse(null);

        // when
        StatusLineOutcome outcome = apply(senderOf(transition.by()),
                line(invoice, transition.to().code(), reason, "ok", transition.by()));

        // then the change is in the history with both times, actor, reason, comment and the flow that sent it
        assertThat(outcome.applied()).as("%s", outcome.refusal()).isTrue();
        assertThat(outcome.warning()).isNull();
        assertThat(ledger.history(invoice)).last().satisfies(change -> {
            assertThat(change.status()).isEqualTo(transition.to());
            assertThat(change.actor()).isEqualTo(transition.by());
            assertThat(change.at()).isEqualTo(NOW);
            assertThat(change.declaredAt()).isEqualTo(AT);
            assertThat(change.reasonCode()).isEqualTo(reason);
            assertThat(change.message()).isEqualTo("ok");
        });
        assertThat(jdbc.queryForObject("SELECT source_flow_id || ':' || source_line FROM invoice_status_history"
                + " WHERE invoice_id = ? AND seq = 2", String.class, invoice)).isEqualTo("ACH0011301000000000000999:7");
    }

    @Test
    void saysWhoMayMakeAChangeReservedToAnotherActor() {
        String invoice = invoice(InvoiceStatus.SUSPENDUE, BELLERIVE, "FOU001");

        StatusLineOutcome outcome = apply(RECIPIENT, line(invoice, "12", null, "complété"));

        assertThat(outcome.refusal().message()).contains("Ce passage est réservé à le fournisseur");
    }

    @Test
    void refusesInvoicesOfOtherRecipientsAndOtherSuppliers() {
        // given an invoice delivered to another structure, deposited by another partner
        String invoice = invoice(InvoiceStatus.MISE_A_DISPOSITION, OTHER_STRUCTURE, "OPE001");
        String suspended = invoice(InvoiceStatus.SUSPENDUE, OTHER_STRUCTURE, "OPE001");

        // then neither Bellerive's partner nor FOU001 may touch them
        StatusLineOutcome byRecipient = apply(RECIPIENT, line(invoice, "07", null, null));
        StatusLineOutcome bySupplier = apply(SUPPLIER, line(suspended, "12", null, "complément"));
        assertThat(byRecipient.refusal().code()).isEqualTo("STA_FACTURE_NON_AUTORISEE");
        assertThat(byRecipient.refusal().message()).contains("adressée à une autre structure").contains(BELLERIVE);
        assertThat(bySupplier.refusal().code()).isEqualTo("STA_FACTURE_NON_AUTORISEE");
        assertThat(bySupplier.refusal().message()).contains("déposée par un autre partenaire");
        assertThat(ledger.status(invoice)).contains(InvoiceStatus.MISE_A_DISPOSITION);
    }

    @Test
    void findsAnInvoiceByItsSupplierAndNumberAndAsksForItsDateWhenTheNumberIsAmbiguous() {
        // given the same number used in 2025 and 2026, and an earlier copy of the 2026 one sent back 04
        String number = "AMB-" + NUMBERS.incrementAndGet();
        invoice(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE, "FOU001", number, 2025);
        invoice(InvoiceStatus.A_RECYCLER, BELLERIVE, "FOU001", number, 2026);
        String current = invoice(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE, "FOU001", number, 2026);

        // when a line names only the supplier and the number, then one adds the invoice date
        StatusLineOutcome ambiguous = apply(RECIPIENT, byNumber(number, null, "07"));
        StatusLineOutcome dated = apply(RECIPIENT, byNumber(number, "2026-03-01", "07"));

        // then the first is refused, listing the candidates; the second applies to the live 2026 invoice
        assertThat(ambiguous.refusal().code()).isEqualTo("STA_REFERENCE_AMBIGUE");
        assertThat(dated.applied()).isTrue();
        assertThat(dated.invoiceId()).isEqualTo(current);
        assertThat(ledger.status(current)).contains(InvoiceStatus.SERVICE_FAIT);
    }

    @Test
    void refusesACompletionWithoutCommentOrAttachmentAndAcceptsOneWithAnAttachment() {
        String invoice = invoice(InvoiceStatus.SUSPENDUE, BELLERIVE, "FOU001");

        StatusLineOutcome bare = apply(SUPPLIER, line(invoice, "12", null, null));
        StatusLineOutcome withAttachment = apply(SUPPLIER, new RawStatusLine(3, null, invoice, null, null, null, "12",
                "2026-11-24T10:00:00+01:00", null, null, "BL-42.pdf", null));

        assertThat(bare.refusal().code()).isEqualTo("STA_COMPLEMENT_ABSENT");
        assertThat(withAttachment.applied()).isTrue();
        assertThat(ledger.history(invoice)).last().extracting(InvoiceLedger.StatusChange::message)
                .isEqualTo("[pièce jointe : BL-42.pdf]");
    }

    @Test
    void aPartnerWithBothRolesCompletesAsTheSupplierAndProcessesAsTheRecipient() {
        // given a partner that deposits invoices and receives Bellerive's (role BOTH)
        Partner both = new Partner("MIX001", "Mixte", PartnerRole.BOTH, BELLERIVE);
        String suspended = invoice(InvoiceStatus.SUSPENDUE, BELLERIVE, "MIX001");
        String delivered = invoice(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE, "FOU001");

        // when it sends a completion and a service-done
        assertThat(apply(both, line(suspended, "12", null, "complément")).applied()).isTrue();
        assertThat(apply(both, line(delivered, "07", null, null)).applied()).isTrue();

        // then each was made by the right actor
        assertThat(ledger.history(suspended)).last().extracting(InvoiceLedger.StatusChange::actor).isEqualTo(Actor.SUPPLIER);
        assertThat(ledger.history(delivered)).last().extracting(InvoiceLedger.StatusChange::actor).isEqualTo(Actor.RECIPIENT);
    }

    @Test
    void saysWhenAnInvoiceIsAlreadyInTheStatusAsked() {
        String invoice = invoice(InvoiceStatus.SERVICE_FAIT, BELLERIVE, "FOU001");

        StatusLineOutcome outcome = apply(RECIPIENT, line(invoice, "07", null, null));

        assertThat(outcome.refusal().code()).isEqualTo("STA_DEJA_AU_STATUT");
        assertThat(ledger.history(invoice)).hasSize(1);
    }

    @Test
    void aFlowWhoseChangesAreCommittedIsNeverAppliedAgainAndItsReportIsRewrittenTheSame() throws Exception {
        // given a CSV status flow taken by the intake (archived, recorded), for an invoice in 03
        String invoice = invoice(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE, "FOU001");
        byte[] csv = ("id_facture;statut;date_heure;motif;commentaire\n"
                + invoice + ";07;2026-11-24T10:00:00+01:00;;\n"
                + invoice + ";10;2026-11-24T11:00:00+01:00;;\n").getBytes(StandardCharsets.UTF_8);
        ReceivedFlow flow = statusFlow("statuts.csv", csv);

        // when it is processed
        Path report = processor.process(flow);
        byte[] first = Files.readAllBytes(report);
        CompteRenduType read = StatusReports.read(report);

        // then both lines are applied and reported
        assertThat(read.getStatut().getEtat()).isEqualTo(EtatFlux.IN_INTEGRE);
        assertThat(StatusReports.outcomes(read)).containsExactly("2:APPLIQUE", "3:APPLIQUE");
        assertThat(registry.stage(flow.flowId())).isEqualTo(FlowStage.REPORTED);
        assertThat(ledger.history(invoice)).hasSize(3);

        // when a crash had happened after the commit but before the report was journaled and published (stage
        // REPORT_READY, no journal row, no file)
        jdbc.update("UPDATE flow SET stage = 'REPORT_READY' WHERE flow_id = ?", flow.flowId().value());
        jdbc.update("DELETE FROM publication WHERE file_name = ?", report.getFileName().toString());
        Files.delete(report);
        Path again = processor.process(flow);

        // then the same report is written from the database, and nothing is applied a second time
        assertThat(again).isEqualTo(report);
        assertThat(Files.readAllBytes(again)).isEqualTo(first);
        assertThat(ledger.history(invoice)).hasSize(3);
        assertThat(registry.stage(flow.flowId())).isEqualTo(FlowStage.REPORTED);

        // and a flow already reported is left alone when submitted again (recovery and retry can both submit it)
        assertThat(processor.process(flow)).isEqualTo(report);
        assertThat(ledger.history(invoice)).hasSize(3);
    }

    @Test
    void refusesAnEmptyOrTooBigStatusFileAsAWholeAndAppliesNothing() throws Exception {
        // given an invoice in 03, an empty status file and one over the 1 KB limit set for this test
        String invoice = invoice(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE, "FOU001");
        StringBuilder big = new StringBuilder("id_facture;statut;date_heure\n");
        while (big.length() <= 1024) {
            big.append(invoice).append(";07;2026-11-24T10:00:00+01:00\n");
        }

        // when both are processed
        CompteRenduType empty = StatusReports.read(processor.process(statusFlow("vide.csv", new byte[0])));
        CompteRenduType tooBig = StatusReports.read(processor.process(
                statusFlow("gros.csv", big.toString().getBytes(StandardCharsets.UTF_8))));

        // then each is refused with the file's finding, no line, and the invoice is untouched
        assertThat(empty.getStatut().getEtat()).isEqualTo(EtatFlux.IN_REJETE);
        assertThat(empty.getErreursFlux().getConstat()).extracting(c -> c.getCode()).containsExactly("IRR_VIDE_F");
        assertThat(tooBig.getErreursFlux().getConstat()).extracting(c -> c.getCode()).containsExactly("IRR_TAILLE_F");
        assertThat(tooBig.getStatuts()).isNull();
        assertThat(ledger.history(invoice)).hasSize(1);
    }

    @Test
    void answersARecipientsCppStatutFileLineByLineWithTheRulesOfEveryStatusFile() throws Exception {
        // given invoices delivered to Bellerive (03), one it already rejected (05), one delivered to another structure
        String serviceDone = number(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE);
        String toReject = number(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE);
        String rejected = number(InvoiceStatus.REJETEE, BELLERIVE);
        String elsewhere = number(InvoiceStatus.MISE_A_DISPOSITION, OTHER_STRUCTURE);
        String wrongDebtor = number(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE);
        String undated = number(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE);
        String early = number(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE);
        String impostor = number(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE);
        String declared = "2026-11-24T10:00:00+01:00";

        // when Bellerive's software drops a CPPStatut file with one good line and bad ones of every kind
        String xml = CppStatutFiles.file("COL001", List.of(
                Unit.of(BELLERIVE, serviceDone, "07", declared, BELLERIVE).withMandate("M-2026-0042"),
                Unit.of(BELLERIVE, toReject, "05", declared, "COL001").withReason("MONTANT_ERRONE", "Total faux"),
                Unit.of(BELLERIVE, "INCONNUE-" + NUMBERS.incrementAndGet(), "07", declared, null),
                Unit.of(BELLERIVE, rejected, "07", declared, null),
                Unit.of(OTHER_STRUCTURE, elsewhere, "07", declared, null),
                Unit.of(OTHER_STRUCTURE, wrongDebtor, "07", declared, null),
                Unit.of(BELLERIVE, undated, "07", "2026-11-24T10:00:00", null),
                Unit.of(BELLERIVE, early, "07", "2026-11-25T10:00:00+01:00", null),
                Unit.of(BELLERIVE, impostor, "07", declared, "COL999")));
        CompteRenduType report = StatusReports.read(processor(DataSize.ofMegabytes(1), 100)
                .process(statusFlow("statuts.xml", xml.getBytes(StandardCharsets.UTF_8))));

        // then each line is answered on its own, under the line its CPPFactureStatutUnitaire starts on
        assertThat(report.getStatut().getEtat()).isEqualTo(EtatFlux.IN_INTEGRE_PARTIEL);
        assertThat(StatusReports.outcomes(report)).containsExactly(
                CppStatutFiles.lineOf(1) + ":APPLIQUE",
                CppStatutFiles.lineOf(2) + ":APPLIQUE",
                CppStatutFiles.lineOf(3) + ":STA_FACTURE_INCONNUE",
                CppStatutFiles.lineOf(4) + ":STA_TRANSITION_INTERDITE",
                CppStatutFiles.lineOf(5) + ":STA_FACTURE_NON_AUTORISEE",
                CppStatutFiles.lineOf(6) + ":STA_FACTURE_NON_AUTORISEE",
                CppStatutFiles.lineOf(7) + ":STA_DATE_INVALIDE",
                CppStatutFiles.lineOf(8) + ":STA_DATE_FUTURE",
                CppStatutFiles.lineOf(9) + ":STA_PRODUCTEUR_NON_AUTORISE");
        assertThat(report.getStatuts().getLigne()).extracting(l -> l.getNumOrdre()).containsExactly(1, 2, 3, 4, 5, 6, 7,
                8, 9);
        assertThat(report.getStatuts().getLigne().get(5).getConstat().getMessage()).contains("pas au débiteur "
                + OTHER_STRUCTURE);
        assertThat(report.getStatuts().getLigne().get(8).getConstat().getMessage()).contains("COL999")
                .contains(BELLERIVE);
        // and only the good lines changed anything: 07 with the recipient's mandate number, 05 with its reason
        assertThat(ledger.status(idOf(serviceDone))).contains(InvoiceStatus.SERVICE_FAIT);
        assertThat(jdbc.queryForObject("SELECT mandate_id FROM invoice_status_history WHERE invoice_id = ? AND status = '07'",
                String.class, idOf(serviceDone))).isEqualTo("M-2026-0042");
        assertThat(ledger.history(idOf(toReject))).last().satisfies(change -> {
            assertThat(change.status()).isEqualTo(InvoiceStatus.REJETEE);
            assertThat(change.actor()).isEqualTo(Actor.RECIPIENT);
            assertThat(change.reasonCode()).isEqualTo("MONTANT_ERRONE");
            assertThat(change.declaredAt()).isEqualTo("2026-11-24T09:00:00Z");
            assertThat(change.at()).isEqualTo(NOW);
        });
        for (String untouched : List.of(rejected, elsewhere, wrongDebtor, undated, early, impostor)) {
            assertThat(ledger.history(idOf(untouched))).hasSize(1);
        }
    }

    @Test
    void refusesACppStatutFileThatBreaksTheOfficialSchemaAsAWholeWithTheErrorsLine() throws Exception {
        // given an invoice delivered to Bellerive, and a file whose second status is in letters
        String delivered = number(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE);
        String xml = CppStatutFiles.file("COL001", List.of(
                Unit.of(BELLERIVE, delivered, "07", "2026-11-24T10:00:00+01:00", null),
                Unit.of(BELLERIVE, delivered, "SF", "2026-11-24T10:00:00+01:00", null)));

        // when it is processed
        CompteRenduType report = StatusReports.read(processor(DataSize.ofMegabytes(1), 100)
                .process(statusFlow("statuts.xml", xml.getBytes(StandardCharsets.UTF_8))));

        // then the file is refused with the schema's error on the second status's line, and nothing is applied
        assertThat(report.getStatut().getEtat()).isEqualTo(EtatFlux.IN_REJETE);
        assertThat(report.getStatuts()).isNull();
        assertThat(report.getErreursFlux().getConstat()).first().satisfies(error -> {
            assertThat(error.getCode()).isEqualTo("XSD_INVALIDE");
            assertThat(error.getEmplacement().getLigne()).isEqualTo(CppStatutFiles.lineOf(2) + 2);
            assertThat(error.getMessage()).contains("CPPStatutPivot_V1_19.xsd");
        });
        assertThat(ledger.history(idOf(delivered))).hasSize(1);
    }

    @Test
    void appliesACppStatutFileOfTwoHundredThousandStatusesInOnePass() throws Exception {
        // given ten invoices delivered to Bellerive, and a CPPStatut file of 200,000 statuses (about 80 MB) whose
        // first ten certify them and whose others name invoices nobody deposited
        int statuses = 200_000;
        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            delivered.add(number(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE));
        }
        Path file = Files.createDirectories(dataDir.resolve("big")).resolve("statuts-200000.xml");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CppStatutFiles.header("COL001", statuses));
            for (int i = 1; i <= statuses; i++) {
                String number = i <= delivered.size() ? delivered.get(i - 1) : "ABSENTE-" + i;
                out.write(CppStatutFiles.unit(i, Unit.of(BELLERIVE, number, "07", "2026-11-24T10:00:00+01:00", null)));
            }
            out.write(CppStatutFiles.footer());
        }

        // when it is processed with limits that let it in
        CompteRenduType report = StatusReports.read(processor(DataSize.ofMegabytes(200), statuses)
                .process(statusFlow("statuts-200000.xml", file)));

        // then every line is answered: the ten applied, the others refused one by one, the report proportionate
        assertThat(report.getStatut().getEtat()).isEqualTo(EtatFlux.IN_INTEGRE_PARTIEL);
        assertThat(report.getStatuts().getAppliquees()).isEqualTo(10);
        assertThat(report.getStatuts().getRejetees()).isEqualTo(statuses - 10);
        assertThat(report.getStatuts().getLigne()).hasSize(1000);
        assertThat(StatusReports.outcomes(report).get(10)).isEqualTo(CppStatutFiles.lineOf(11) + ":STA_FACTURE_INCONNUE");
        assertThat(delivered).allSatisfy(number ->
                assertThat(ledger.status(idOf(number))).contains(InvoiceStatus.SERVICE_FAIT));
    }

    @Test
    void refusesADeclaredTimeFurtherInTheFutureThanTheTolerance() {
        // given two invoices delivered to Bellerive, and the platform's clock at NOW (tolerance 10 minutes)
        String late = invoice(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE, "FOU001");
        String drifting = invoice(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE, "FOU001");

        // when one line declares NOW + 11 minutes, the other NOW + 9 minutes (a clock a little ahead)
        StatusLineOutcome future = apply(RECIPIENT, dated(late, "07", null, null, "2026-11-24T13:11:00+01:00", null));
        StatusLineOutcome ahead = apply(RECIPIENT, dated(drifting, "07", null, null, "2026-11-24T12:09:00Z", null));

        // then the first is refused and changes nothing; the second is applied, dated by the platform
        assertThat(future.refusal().code()).isEqualTo("STA_DATE_FUTURE");
        assertThat(future.refusal().message()).contains("2026-11-24T13:11:00+01:00").contains("2026-11-24T12:00:00Z");
        assertThat(ledger.status(late)).contains(InvoiceStatus.MISE_A_DISPOSITION);
        assertThat(ahead.applied()).isTrue();
        assertThat(ledger.history(drifting)).last().satisfies(change -> {
            assertThat(change.at()).isEqualTo(NOW);
            assertThat(change.declaredAt()).isEqualTo(Instant.parse("2026-11-24T12:09:00Z"));
        });
    }

    @Test
    void datesAChangeByThePlatformNeverBeforeThePreviousOneAndFlagsATimeDeclaredBeforeDelivery() {
        // given an invoice delivered (03) at 08:00, and one whose last change was recorded after NOW (another node)
        String invoice = invoice(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE, "FOU001");
        String recordedLater = invoice(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE, "FOU001");
        Instant later = NOW.plusSeconds(600);
        jdbc.update("UPDATE invoice SET status_changed_at = ? WHERE invoice_id = ?", Timestamp.from(later), recordedLater);

        // when the recipient declares 07 Service fait at 07:30, before the invoice reached it, then a 07 for the other
        StatusLineOutcome early = apply(RECIPIENT, dated(invoice, "07", null, null, "2026-11-24T07:30:00Z", null));
        StatusLineOutcome afterLater = apply(RECIPIENT, line(recordedLater, "07", null, null));

        // then the first is applied with a warning, recorded at the platform's time, its declared time kept
        assertThat(early.applied()).isTrue();
        assertThat(early.warning().code()).isEqualTo("STA_DATE_ANTERIEURE_MISE_A_DISPOSITION");
        assertThat(early.warning().message()).contains("2026-11-24T07:30:00Z").contains("2026-11-24T08:00:00Z");
        assertThat(ledger.history(invoice)).last().satisfies(change -> {
            assertThat(change.at()).isEqualTo(NOW);
            assertThat(change.declaredAt()).isEqualTo(Instant.parse("2026-11-24T07:30:00Z"));
        });
        // and the second is dated no earlier than the change before it
        assertThat(afterLater.applied()).isTrue();
        assertThat(ledger.history(recordedLater)).last().extracting(InvoiceLedger.StatusChange::at).isEqualTo(later);
        assertThat(jdbc.queryForObject("SELECT status_changed_at FROM invoice WHERE invoice_id = ?", Timestamp.class,
                recordedLater).toInstant()).isEqualTo(later);
    }

    @Test
    void recognisesALineSentAgainInALaterFileByItsContentNotByItsDate() {
        // given a 06 Suspendue applied from flow ...998 line 7
        String invoice = invoice(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE, "FOU001");
        RawStatusLine suspension = line(invoice, "06", "JUSTIFICATIF_ABSENT", "Bon de livraison manquant");
        assertThat(apply("ACH0011301000000000000998", NOW, RECIPIENT, suspension).applied()).isTrue();

        // when the same line comes again in a later file, recorded a day later by the platform
        StatusLineOutcome again = apply("ACH0011301000000000000999", NOW.plusSeconds(86_400), RECIPIENT, suspension);
        // and a line with the same status and declared time but another comment is not taken for it
        StatusLineOutcome other = apply(RECIPIENT, line(invoice, "06", "JUSTIFICATIF_ABSENT", "Autre pièce manquante"));

        // then the re-sent line is recognised, naming the flow and line that applied it; nothing is applied twice
        assertThat(again.refusal().code()).isEqualTo("STA_DEJA_APPLIQUE");
        assertThat(again.refusal().message()).contains("ACH0011301000000000000998 ligne 7");
        assertThat(other.refusal().code()).isEqualTo("STA_DEJA_AU_STATUT");
        assertThat(ledger.history(invoice)).hasSize(2);
    }

    @Test
    void acceptsPaymentStraightAfterDeliveryAndAfterTheAccountantsTakingOfTheMandate() {
        // given an invoice delivered (03) and one whose mandate the accountant took (09)
        String delivered = invoice(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE, "FOU001");
        String atAccountant = invoice(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE, "FOU001");
        assertThat(apply(RECIPIENT, dated(atAccountant, "09", null, null, "2026-11-24T09:30:00Z", Actor.ACCOUNTANT))
                .applied()).isTrue();

        // when the ordonnateur reports 11 for the first, and Hélios (the accountant) 11 for the second
        StatusLineOutcome paid = apply(RECIPIENT, line(delivered, "11", null, null));
        StatusLineOutcome paidByAccountant = apply(RECIPIENT, line(atAccountant, "11", null, null, Actor.ACCOUNTANT));

        // then both are applied (07, 08, 09 and 10 are optional), each by its actor
        assertThat(paid.applied()).as("%s", paid.refusal()).isTrue();
        assertThat(paidByAccountant.applied()).as("%s", paidByAccountant.refusal()).isTrue();
        assertThat(ledger.history(delivered)).extracting(InvoiceLedger.StatusChange::status)
                .containsExactly(InvoiceStatus.MISE_A_DISPOSITION, InvoiceStatus.MISE_EN_PAIEMENT);
        assertThat(ledger.history(atAccountant)).extracting(InvoiceLedger.StatusChange::actor)
                .containsExactly(Actor.PLATFORM, Actor.ACCOUNTANT, Actor.ACCOUNTANT);
    }

    @Test
    void refusesAProducerTheSenderCannotBe() {
        String invoice = invoice(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE, "FOU001");

        StatusLineOutcome outcome = apply(RECIPIENT, new RawStatusLine(7, null, invoice, null, null, null, "07",
                "2026-11-24T10:00:00+01:00", null, null, null, null, "SUPPLIER"));

        assertThat(outcome.refusal().code()).isEqualTo("STA_LIGNE_MALFORMEE");
        assertThat(outcome.refusal().message()).contains("producteur « SUPPLIER »").contains("ACCOUNTANT");
        assertThat(ledger.history(invoice)).hasSize(1);
    }

    /** Every reason of the catalogue with every status that takes reasons but not that one. */
    static Stream<Arguments> reasonsWithAStatusTheyDoNotBelongTo() {
        List<Arguments> cases = new ArrayList<>();
        for (StatusReason reason : StatusReason.values()) {
            for (InvoiceStatus status : List.of(InvoiceStatus.A_RECYCLER, InvoiceStatus.REJETEE, InvoiceStatus.SUSPENDUE,
                    InvoiceStatus.SERVICE_FAIT)) {
                if (!reason.justifies(status)) {
                    cases.add(arguments(reason, status));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("reasonsWithAStatusTheyDoNotBelongTo")
    void refusesAReasonWithAStatusItDoesNotBelongTo(StatusReason reason, InvoiceStatus status) {
        // given an invoice delivered to Bellerive
        String invoice = invoice(InvoiceStatus.MISE_A_DISPOSITION, BELLERIVE, "FOU001");

        // when the recipient asks for the status with a reason of another status
        StatusLineOutcome outcome = apply(RECIPIENT, line(invoice, status.code(), reason.name(), "motif"));

        // then it is refused, naming the reasons that status takes; the invoice is untouched
        assertThat(outcome.refusal().code()).isEqualTo("STA_MOTIF_HORS_STATUT");
        assertThat(outcome.refusal().message()).contains(reason.name()).contains(status.code());
        StatusReason.of(status).forEach(belongs -> assertThat(outcome.refusal().message()).contains(belongs.name()));
        assertThat(ledger.status(invoice)).contains(InvoiceStatus.MISE_A_DISPOSITION);
    }

    @Test
    void aFullHistoryFromDepositToPaymentReadsInTheReformsOrder() {
        // given an invoice deposited, routed and delivered by the platform
        String invoice = invoice(InvoiceStatus.DEPOSEE, BELLERIVE, "FOU001");
        ledger.change(invoice, InvoiceStatus.EN_COURS_ACHEMINEMENT, Actor.PLATFORM, null, null, AT.minusSeconds(1800));
        ledger.change(invoice, InvoiceStatus.MISE_A_DISPOSITION, Actor.PLATFORM, null, null, AT.minusSeconds(1200));

        // when the ordonnateur and the accountant send every processing status, one after the other
        List<String> lines = List.of("07", "08", "09", "10", "11");
        for (String status : lines) {
            Actor by = status.compareTo("09") >= 0 ? Actor.ACCOUNTANT : Actor.RECIPIENT;
            assertThat(apply(RECIPIENT, line(invoice, status, null, null, by)).applied()).isTrue();
        }

        // then each Chorus status has one reform code, and they never go back
        assertThat(ledger.history(invoice)).extracting(c -> c.status().code() + ":" + c.reformCode()).containsExactly(
                "01:200", "02:202", "03:203", "07:204", "08:205", "09:205", "10:205", "11:211");
    }

    private StatusLineOutcome apply(Partner sender, RawStatusLine line) {
        return apply("ACH0011301000000000000999", NOW, sender, line);
    }

    /** Applies one line of status flow {@code flowId} with the platform's clock at {@code now}. */
    private StatusLineOutcome apply(String flowId, Instant now, Partner sender, RawStatusLine line) {
        return transactions.execute(status -> new StatusUpdateApplier(ledger, jdbc, Clock.fixed(now, ZoneOffset.UTC),
                TOLERANCE).apply(flowId, sender, List.of(line)).get(0));
    }

    private static Partner senderOf(Actor actor) {
        return actor == Actor.SUPPLIER ? SUPPLIER : RECIPIENT;
    }

    private static RawStatusLine line(String invoiceId, String status, String reason, String comment) {
        return line(invoiceId, status, reason, comment, null);
    }

    /**
     * A line declared at {@link #AT}; an accountant's says so, and so does a recipient's answering 14, 15, 18, 19,
     * 21 or 22 (a receiving partner saying nothing answers those as a circuit's party); other actors' say nothing.
     */
    private static RawStatusLine line(String invoiceId, String status, String reason, String comment, Actor actor) {
        return dated(invoiceId, status, reason, comment, "2026-11-24T10:00:00+01:00", actor);
    }

    private static RawStatusLine dated(String invoiceId, String status, String reason, String comment, String declared,
                                       Actor actor) {
        return new RawStatusLine(7, null, invoiceId, null, null, null, status, declared, reason, comment, null, null,
                actor == Actor.ACCOUNTANT || actor == Actor.RECIPIENT && VALIDATOR_ANSWERS.contains(status)
                        ? actor.name() : null);
    }

    /** The answers of a circuit's party (validator 14 / 15, MOE 18 / 19, MOA 21 / 22). */
    private static final Set<String> VALIDATOR_ANSWERS = Set.of("14", "15", "18", "19", "21", "22");

    private static RawStatusLine byNumber(String number, String invoiceDate, String status) {
        return new RawStatusLine(4, null, null, "81234567600025", number, invoiceDate, status,
                "2026-11-24T10:00:00+01:00", null, null, null, null);
    }

    private String invoice(InvoiceStatus status, String recipientSiret, String depositPartner) {
        return invoice(status, recipientSiret, depositPartner, "N-" + NUMBERS.incrementAndGet(), 2026);
    }

    /** An invoice of a deposit flow of {@code depositPartner}, delivered to {@code recipientSiret}, in {@code status}. */
    private String invoice(InvoiceStatus status, String recipientSiret, String depositPartner, String number, int year) {
        FlowId flowId = FlowId.of("ACH001", "1100", registry.nextSequence());
        registry.insertReceived(new ReceivedFlow(flowId, depositPartner, number + ".xml", dataDir.resolve(number),
                1, "0".repeat(64), AT, dataDir.resolve("archive-" + number)));
        String invoiceId = flowId.value() + "-1";
        jdbc.update("INSERT INTO invoice (invoice_id, flow_id, doc_rank, supplier_id, invoice_number, invoice_year,"
                        + " status, status_changed_at, recipient_siret) VALUES (?, ?, 1, '81234567600025', ?, ?, ?, ?, ?)",
                invoiceId, flowId.value(), number, year, status.code(), Timestamp.from(AT.minusSeconds(3600)), recipientSiret);
        jdbc.update("INSERT INTO invoice_status_history (invoice_id, seq, status, reform_code, actor, changed_at)"
                + " VALUES (?, 1, ?, ?, 'PLATFORM', ?)", invoiceId, status.code(), status.reformCode(),
                Timestamp.from(AT.minusSeconds(3600)));
        return invoiceId;
    }

    /** An invoice of FOU001 in {@code status} delivered to {@code recipientSiret}; returns its number. */
    private String number(InvoiceStatus status, String recipientSiret) {
        String number = "CPP-" + NUMBERS.incrementAndGet();
        invoice(status, recipientSiret, "FOU001", number, 2026);
        return number;
    }

    private String idOf(String number) {
        return jdbc.queryForObject("SELECT invoice_id FROM invoice WHERE invoice_number = ?", String.class, number);
    }

    /** A processor wired as the engine wires it, with the platform's clock at {@link #NOW} and these limits. */
    private StatusFlowProcessor processor(DataSize maxFileSize, int maxLines) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new StatusFlowProcessor(registry, mailboxes, transactions,
                new StatusUpdateApplier(ledger, jdbc, clock, TOLERANCE), new StatusFlowRecord(jdbc),
                new CppStatutStatusFile(), new StatusReport(),
                new StatusUpdatesProperties(maxFileSize, TOLERANCE, maxLines, 1000), clock, publications,
                new CompletionBundle(new org.achemine.validation.admissibility.ArchiveUnpacker(
                        achemine.validation().toSettings()), new org.achemine.validation.attachment.AttachmentCheck(
                        org.achemine.validation.attachment.AttachmentLimits.defaults()), new CppStatutStatusFile()),
                completionDocuments);
    }

    private ReceivedFlow statusFlow(String name, byte[] content) throws Exception {
        Path archived = Files.write(Files.createDirectories(dataDir.resolve("archive-test"))
                .resolve(name + "-" + NUMBERS.incrementAndGet()), content);
        return statusFlow(name, archived);
    }

    /** A status flow taken by the intake: its interface from its name (CSV or CPPStatut), archived at {@code archived}. */
    private ReceivedFlow statusFlow(String name, Path archived) throws Exception {
        FlowId flowId = FlowId.of("ACH001", name.endsWith(".csv") ? "1301" : "1300", registry.nextSequence());
        ReceivedFlow flow = new ReceivedFlow(flowId, "COL001", name, dataDir.resolve(name), Files.size(archived),
                "0".repeat(64), AT, archived);
        registry.insertReceived(flow);
        registry.markSourceRemoved(flowId);
        return flow;
    }
}
