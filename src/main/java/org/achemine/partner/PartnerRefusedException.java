package org.achemine.partner;

/** A partner change refused, with the reason an operator can act on (unknown code, SIRET served twice...). */
public class PartnerRefusedException extends RuntimeException {

    public PartnerRefusedException(String reason) {
        super(reason);
    }
}
