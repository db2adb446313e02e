package org.achemine.directory;

import java.time.LocalDate;

/**
 * A service (service exécutant) of a public structure; its code is what suppliers put in BT-10.
 *
 * @param engagementRequired the engagement number (BT-13) is mandatory for invoices to this service
 * @param startDate          first day the service exists (null: always)
 * @param endDate            last day it exists (null: open-ended)
 */
public record PublicService(
        String structureIdentifier,
        String code,
        String name,
        boolean active,
        boolean engagementRequired,
        LocalDate startDate,
        LocalDate endDate) {

    /** The reserved service of invoices between public structures (FACTS §1.5). */
    public static final String PUBLIC_INVOICES = "FACTURES_PUBLIQUES";

    /** Active and within its dates on that day. */
    public boolean isOpenOn(LocalDate day) {
        return active
                && (startDate == null || !day.isBefore(startDate))
                && (endDate == null || !day.isAfter(endDate));
    }
}
