package org.achemine.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.achemine.config.AchemineProperties.DeliveryFormat;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.config.AchemineProperties.PartnerRole;
import org.junit.jupiter.api.Test;

/** A recipient partner that says nothing is an EDI system: it gets the pivot. */
class PartnerDeliveryFormatTest {

    @Test
    void aRecipientPartnerGetsThePivotUnlessItAsksForTheOriginal() {
        assertThat(new Partner("COL002", null, PartnerRole.RECIPIENT, "21690012600014").deliveryFormat())
                .isEqualTo(DeliveryFormat.PIVOT);
        assertThat(new Partner("COL003", null, PartnerRole.BOTH, "21690012600014").deliveryFormat())
                .isEqualTo(DeliveryFormat.PIVOT);
        assertThat(new Partner("COL004", null, PartnerRole.RECIPIENT, "21690012600014", DeliveryFormat.ORIGINAL)
                .deliveryFormat()).isEqualTo(DeliveryFormat.ORIGINAL);
    }

    @Test
    void anIssuerHasNothingDeliveredAndKeepsTheOriginal() {
        assertThat(new Partner("FOU002", null, PartnerRole.ISSUER, null).deliveryFormat())
                .isEqualTo(DeliveryFormat.ORIGINAL);
    }
}
