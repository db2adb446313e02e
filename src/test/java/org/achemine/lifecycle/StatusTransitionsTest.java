package org.achemine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.achemine.report.AwaitedStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StatusTransitionsTest {

    @ParameterizedTest
    @EnumSource(value = InvoiceStatus.class, names = {"A_RECYCLER", "REJETEE", "MISE_EN_PAIEMENT", "REFUSEE", "REFUSEE_MOE", "REFUSEE_MOA"})
    void nothingFollowsAFinalStatus(InvoiceStatus status) {
        assertThat(StatusTransitions.isFinal(status)).isTrue();
        assertThat(StatusTransitions.table()).noneMatch(t -> t.from() == status);
    }

    @Test
    void paymentMayFollowDeliveryOrAnyProcessingStatusFromTheOrdonnateurOrTheAccountant() {
        // 07, 08, 09 and 10 are optional; Hélios pushes 09 then 11 (FACTS §2.3)
        for (InvoiceStatus from : List.of(InvoiceStatus.MISE_A_DISPOSITION, InvoiceStatus.SERVICE_FAIT,
                InvoiceStatus.MANDATEE, InvoiceStatus.MISE_A_DISPOSITION_COMPTABLE, InvoiceStatus.COMPTABILISEE)) {
            assertThat(StatusTransitions.find(from, Actor.RECIPIENT, InvoiceStatus.MISE_EN_PAIEMENT)).as("%s", from).isPresent();
            assertThat(StatusTransitions.find(from, Actor.ACCOUNTANT, InvoiceStatus.MISE_EN_PAIEMENT)).as("%s", from).isPresent();
        }
        assertThat(StatusTransitions.find(InvoiceStatus.SUSPENDUE, Actor.RECIPIENT, InvoiceStatus.MISE_EN_PAIEMENT)).isEmpty();
    }

    @Test
    void theAccountantNeitherCertifiesMandatesNorSendsBack() {
        assertThat(StatusTransitions.table()).filteredOn(t -> t.by() == Actor.ACCOUNTANT)
                .extracting(StatusTransitions.Transition::to).isNotEmpty()
                .containsOnly(InvoiceStatus.MISE_A_DISPOSITION_COMPTABLE, InvoiceStatus.COMPTABILISEE,
                        InvoiceStatus.MISE_EN_PAIEMENT);
    }

    @Test
    void accountingEndsTheLifeOfAnInvoiceAtAStructureThatDoesNotReportPayment() {
        assertThat(StatusTransitions.awaitsNothing(InvoiceStatus.COMPTABILISEE, false)).isTrue();
        assertThat(StatusTransitions.awaitsNothing(InvoiceStatus.COMPTABILISEE, true)).isFalse();
        assertThat(StatusTransitions.awaitsNothing(InvoiceStatus.MISE_A_DISPOSITION, false)).isFalse();
        assertThat(StatusTransitions.awaitsNothing(InvoiceStatus.MISE_EN_PAIEMENT, true)).isTrue();
    }

    @Test
    void theQueriesWaitForTheSameStatusesAsTheTable() {
        for (InvoiceStatus status : InvoiceStatus.values()) {
            boolean finalInSql = AwaitedStatus.FINAL_STATUSES.contains(status.code());
            boolean finalWithoutPaymentInSql = finalInSql || AwaitedStatus.BOOKED.equals(status.code());
            assertThat(finalInSql).as("%s", status).isEqualTo(StatusTransitions.awaitsNothing(status, true));
            assertThat(finalWithoutPaymentInSql).as("%s", status).isEqualTo(StatusTransitions.awaitsNothing(status, false));
        }
    }

    @Test
    void reformCodesOfAFullHistoryFromDepositToPaymentNeverGoBack() {
        List<String> codes = Stream.of("01", "02", "03", "07", "08", "09", "10", "11")
                .map(code -> InvoiceStatus.ofCode(code).reformCode()).toList();
        assertThat(codes).containsExactly("200", "202", "203", "204", "205", "205", "205", "211");
    }

    @Test
    void everyStatusThatTakesAReasonHasItsCatalogueAndEveryReasonBelongsToOne() {
        assertThat(StatusTransitions.table()).filteredOn(StatusTransitions.Transition::reasonRequired)
                .allSatisfy(t -> assertThat(StatusReason.of(t.to())).as("%s", t.to()).isNotEmpty());
        assertThat(StatusReason.values()).allSatisfy(r -> assertThat(r.statuses())
                .isNotEmpty().isSubsetOf(InvoiceStatus.A_RECYCLER, InvoiceStatus.REJETEE, InvoiceStatus.SUSPENDUE,
                        InvoiceStatus.REFUSEE, InvoiceStatus.REFUSEE_MOE, InvoiceStatus.REFUSEE_MOA));
        // 221 Erreur de routage only knows ROUTAGE_ERR (BR-FR-CDV-CL-09)
        assertThat(StatusReason.of(InvoiceStatus.A_RECYCLER)).extracting(StatusReason::reformCode).containsOnly("ROUTAGE_ERR");
        assertThat(StatusReason.of(InvoiceStatus.SUSPENDUE)).extracting(StatusReason::reformCode)
                .isSubsetOf("JUSTIF_ABS", "COORD_BANC_ERR", "CMD_ERR", "SIRET_ERR", "CODE_ROUTAGE_ERR", "REF_CT_ABSENT", "REF_ERR");
        assertThat(StatusReason.of(InvoiceStatus.REJETEE)).extracting(StatusReason::reformCode).isSubsetOf(
                "RETRAIT_MAN_SERV", "ST_CT_NON_DECLAR", "SUPPR_COMP_AVOIR", "TRANSF_PMNT_REGIE", "CONTACT_ACHTR", "AUTRE",
                "COORD_BANC_ERR", "TX_TVA_ERR", "MONTANTTOTAL_ERR", "CALCUL_ERR", "NON_CONFORME", "DOUBLON", "DEST_ERR",
                "TRANSAC_INC", "EMMET_INC", "CONTRAT_TERM", "DOUBLE_FACT", "CMD_ERR", "ADR_ERR", "REF_CT_ABSENT", "LIVR_INCOMP");
        // 15 Refusée by a circuit's validator is reported 210 too: the same B2G list
        assertThat(InvoiceStatus.REFUSEE.reformCode()).isEqualTo(InvoiceStatus.REJETEE.reformCode());
        // and so are 18 and 21, refused by a works invoice's MOE or MOA
        for (InvoiceStatus refused : List.of(InvoiceStatus.REFUSEE, InvoiceStatus.REFUSEE_MOE, InvoiceStatus.REFUSEE_MOA)) {
            assertThat(refused.reformCode()).isEqualTo(InvoiceStatus.REJETEE.reformCode());
            assertThat(StatusReason.of(refused)).extracting(StatusReason::reformCode)
                    .isNotEmpty().isSubsetOf(StatusReason.of(InvoiceStatus.REJETEE).stream().map(StatusReason::reformCode)
                            .toArray(String[]::new));
        }
    }

    @Test
    void rejectionAndSuspensionByTheRecipientAlwaysNeedAReason() {
        assertThat(StatusTransitions.table())
                .filteredOn(t -> t.by() == Actor.RECIPIENT
                        && (t.to() == InvoiceStatus.REJETEE || t.to() == InvoiceStatus.SUSPENDUE || t.to() == InvoiceStatus.A_RECYCLER))
                .isNotEmpty()
                .allMatch(StatusTransitions.Transition::reasonRequired);
    }

    @Test
    void onlyTheSupplierCompletesASuspendedInvoice() {
        assertThat(StatusTransitions.find(InvoiceStatus.SUSPENDUE, Actor.SUPPLIER, InvoiceStatus.COMPLETEE)).isPresent();
        assertThat(StatusTransitions.find(InvoiceStatus.SUSPENDUE, Actor.RECIPIENT, InvoiceStatus.COMPLETEE)).isEmpty();
        assertThat(StatusTransitions.find(InvoiceStatus.MISE_A_DISPOSITION, Actor.SUPPLIER, InvoiceStatus.COMPLETEE)).isEmpty();
    }

    @Test
    void processingStatusesNeverGoBack() {
        var order = Arrays.asList(InvoiceStatus.SERVICE_FAIT, InvoiceStatus.MANDATEE,
                InvoiceStatus.MISE_A_DISPOSITION_COMPTABLE, InvoiceStatus.COMPTABILISEE, InvoiceStatus.MISE_EN_PAIEMENT);
        assertThat(StatusTransitions.table())
                .filteredOn(t -> order.contains(t.from()) && order.contains(t.to()))
                .isNotEmpty()
                .allMatch(t -> order.indexOf(t.to()) > order.indexOf(t.from()));
    }

    @Test
    void thePlatformAloneRoutesAndDelivers() {
        assertThat(StatusTransitions.table())
                .filteredOn(t -> t.to() == InvoiceStatus.EN_COURS_ACHEMINEMENT || t.to() == InvoiceStatus.MISE_A_DISPOSITION)
                .allMatch(t -> t.by() == Actor.PLATFORM);
    }

    @Test
    void aWorksInvoiceReachesItsRecipientOnlyThroughItsMoeThenItsMoa() {
        // only the MOE answers 17, only the MOA answers 20, each refusal needs a reason
        assertThat(StatusTransitions.table()).filteredOn(t -> t.from() == InvoiceStatus.A_VALIDER_MOE && t.by() != Actor.PLATFORM)
                .extracting(StatusTransitions.Transition::by).containsOnly(Actor.MOE);
        assertThat(StatusTransitions.table()).filteredOn(t -> t.from() == InvoiceStatus.TRANSMISE_MOA && t.by() != Actor.PLATFORM)
                .extracting(StatusTransitions.Transition::by).containsOnly(Actor.MOA);
        assertThat(StatusTransitions.find(InvoiceStatus.A_VALIDER_MOE, Actor.MOE, InvoiceStatus.REFUSEE_MOE))
                .hasValueSatisfying(t -> assertThat(t.reasonRequired()).isTrue());
        assertThat(StatusTransitions.find(InvoiceStatus.TRANSMISE_MOA, Actor.MOA, InvoiceStatus.REFUSEE_MOA))
                .hasValueSatisfying(t -> assertThat(t.reasonRequired()).isTrue());
        // the MOE never lets it go to the recipient directly: it goes to the MOA first
        assertThat(StatusTransitions.table()).filteredOn(t -> t.to() == InvoiceStatus.EN_COURS_ACHEMINEMENT)
                .extracting(StatusTransitions.Transition::from)
                .doesNotContain(InvoiceStatus.A_VALIDER_MOE, InvoiceStatus.PRISE_EN_COMPTE_MOE,
                        InvoiceStatus.ABSENCE_VALIDATION_MOE_DELAI, InvoiceStatus.TRANSMISE_MOA);
        assertThat(StatusTransitions.find(InvoiceStatus.PRISE_EN_COMPTE_MOE, Actor.PLATFORM, InvoiceStatus.TRANSMISE_MOA))
                .isPresent();
    }
}
