package org.achemine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartnerTextTest {

    @Test
    void escapesControlAndBidirectionalCharactersLikeXmlForbiddenOnes() {
        assertThat(PartnerText.shown("facture\u0007\u0085\u202Efdp.exe\u2066x\u2069.xml"))
                .isEqualTo("facture\\u0007\\u0085\\u202Efdp.exe\\u2066x\\u2069.xml");
        assertThat(PartnerText.shown("facture-été-n°1\t.xml")).isEqualTo("facture-été-n°1\t.xml");
    }

    @Test
    void cutsALongTextAndSaysHowLongItWasWithoutSplittingASurrogatePair() {
        assertThat(PartnerText.shown("a".repeat(65_000))).hasSizeLessThan(1_100).endsWith("… (65000 caractères)");
        String emoji = "\uD83D\uDE00";
        assertThat(PartnerText.shown("abc" + emoji + "def", 4)).isEqualTo("abc… (8 caractères)");
    }
}
