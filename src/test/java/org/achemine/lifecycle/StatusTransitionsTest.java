package org.achemine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StatusTransitionsTest {

    @ParameterizedTest
    @EnumSource(value = InvoiceStatus.class, names = {"A_RECYCLER", "REJETEE", "MISE_EN_PAIEMENT"})
    void nothingFollowsAFinalStatus(InvoiceStatus status) {
        assertThat(StatusTransitions.isFinal(status)).isTrue();
        assertThat(StatusTransitions.table()).noneMatch(t -> t.from() == status);
    }

    @Test
    void paymentOnlyFollowsAccounting() {
        assertThat(StatusTransitions.table()).filteredOn(t -> t.to() == InvoiceStatus.MISE_EN_PAIEMENT)
                .extracting(StatusTransitions.Transition::from).containsExactly(InvoiceStatus.COMPTABILISEE);
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
}
