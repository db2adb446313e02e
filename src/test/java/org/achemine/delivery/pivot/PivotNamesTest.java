package org.achemine.delivery.pivot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An attachment's name as the pivot carries it: 50 safe characters at most, its extension kept. */
class PivotNamesTest {

    @Test
    void aShortPlainNameIsKeptAsItIs() {
        assertThat(PivotNames.attachmentName("bon-de-livraison_BL-2026.pdf", 2)).isEqualTo("bon-de-livraison_BL-2026.pdf");
    }

    @Test
    void accentsAndSpacesBecomeUnderscores() {
        assertThat(PivotNames.attachmentName("Reçu signé 12.pdf", 2)).isEqualTo("Re_u_sign__12.pdf");
    }

    @Test
    void aLongNameIsCutBeforeItsExtensionToFiftyCharacters() {
        String name = PivotNames.attachmentName("releve-des-heures-" + "x".repeat(60) + ".xlsx", 3);

        assertThat(name).hasSize(50).startsWith("releve-des-heures-").endsWith("x.xlsx");
    }

    @Test
    void aNameWithNothingLeftTakesItsRank() {
        assertThat(PivotNames.attachmentName("….", 4)).isEqualTo("PJ4");
    }
}
