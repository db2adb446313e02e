package org.achemine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StoredValuesTest {

    @Test
    void refusesEveryValueLongerThanWhatThePlatformStoresAndCutsWhatIsStored() {
        // given the hostile run's values: a 9-character type code, a 10-character currency, a 300-character number
        InvoiceFacts facts = facts("F".repeat(300), "380380380", "EUREUREURE", new BigDecimal("1234567890123456.5"));

        // when
        var findings = StoredValues.findings(facts);
        InvoiceFacts stored = StoredValues.bounded(facts);

        // then each is a finding with a clear code, its length and the bound, the value itself shown short
        assertThat(findings).extracting(Finding::code).containsOnly("IRR_VALEUR_TROP_LONGUE").hasSize(4);
        assertThat(findings.get(0).message()).contains("BT-1").contains("300 caractères").contains("200 caractères")
                .hasSizeLessThan(400);
        assertThat(findings.get(1).message()).contains("BT-3").contains("380380380");
        assertThat(findings.get(2).message()).contains("BT-5").contains("EUREUREURE");
        assertThat(findings.get(3).message()).contains("BT-112");
        assertThat(findings).allMatch(Finding::isFatal);
        // and what is stored fits its columns
        assertThat(stored.invoiceNumber()).hasSize(200);
        assertThat(stored.typeCode()).hasSize(8);
        assertThat(stored.currency()).hasSize(8);
        assertThat(stored.totalWithVat()).isNull();
        assertThat(StoredValues.findings(stored)).isEmpty();
    }

    @Test
    void leavesValuesThatFitUntouched() {
        InvoiceFacts facts = facts("FA-2026-001", "380", "EUR", new BigDecimal("123456789012345.123456"));

        assertThat(StoredValues.findings(facts)).isEmpty();
        assertThat(StoredValues.bounded(facts)).isSameAs(facts);
        assertThat(StoredValues.findings(null)).isEmpty();
    }

    private static InvoiceFacts facts(String number, String typeCode, String currency, BigDecimal total) {
        return new InvoiceFacts(number, LocalDate.of(2026, 11, 2), typeCode, currency, "81234567600025", "0009",
                "Fournisseur", "21690012600014", "0009", "Commune", "SCE-1", "EJ-1", "A1", null, total, total);
    }
}
