package org.achemine.partner;

import org.achemine.config.AchemineProperties.Partner;

/**
 * A partner as the database knows it: its declaration, whether it may connect, where it was declared and how
 * many keys its systems log in with.
 */
public record RegisteredPartner(Partner partner, PartnerState state, PartnerSource source, int keys) {

    public String code() {
        return partner.code();
    }

    public boolean active() {
        return state == PartnerState.ACTIVE;
    }
}
