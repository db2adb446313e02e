package org.achemine.delivery.pivot;

import java.math.BigInteger;
import org.achemine.delivery.Delivery;
import org.achemine.delivery.Resend;

/**
 * The numbers a pivot delivery carries, all fixed by the invoice and the delivery (so a delivery already made
 * is recognised by its name, exactly once, without a counter):
 * <ul>
 *   <li>{@code IdCPRO}, our invoice id in digits: the sequence of the flow it came in, then its rank in the
 *       flow on 3 digits ({@code ACH0011100000000000000123-2} → {@code 123002});</li>
 *   <li>{@code IdFlx}, the pivot flow's id in the Chorus shape (FACTS §1.3): the platform code, interface
 *       number 0036, then {@code IdCPRO} and the delivery's completion count on 2 digits (00 for a first
 *       delivery or a recycled invoice's: that is an invoice of its own);</li>
 *   <li>the file name {@code FEN0036A_<platform code>_<IdFlx>.xml}.</li>
 * </ul>
 * Limits of the 15 digits: flows up to 9,999,999,999, 999 documents per flow, 99 completions per invoice.
 */
final class PivotIds {

    static final String INTERFACE_CODE = "FEN0036A";
    static final String INTERFACE_NUMBER = "0036";
    private static final long MAX_FLOW_SEQUENCE = 9_999_999_999L;
    private static final int MAX_RANK = 999;
    private static final int MAX_COMPLETIONS = 99;

    private final String platformCode;

    PivotIds(String platformCode) {
        this.platformCode = platformCode;
    }

    /** {@code IdCPRO}: the flow's sequence and the document's rank. */
    static BigInteger idCpro(String invoiceId) {
        int dash = invoiceId.lastIndexOf('-');
        if (dash != 25) {
            throw new IllegalArgumentException("Not an invoice id (<25-character flow id>-<rank>): " + invoiceId);
        }
        long sequence = Long.parseLong(invoiceId.substring(10, 25));
        int rank = Integer.parseInt(invoiceId.substring(dash + 1));
        if (sequence > MAX_FLOW_SEQUENCE || rank < 1 || rank > MAX_RANK) {
            throw new IllegalArgumentException("Invoice " + invoiceId + " is beyond the pivot's numbering (flow "
                    + "sequence up to " + MAX_FLOW_SEQUENCE + ", rank up to " + MAX_RANK + ")");
        }
        return BigInteger.valueOf(sequence * 1000 + rank);
    }

    /** {@code IdFlx} of this delivery. */
    String flowId(Delivery delivery) {
        int completions = delivery.resend() == Resend.COMPLETEE ? Math.max(1, delivery.occurrence()) : 0;
        if (completions > MAX_COMPLETIONS) {
            throw new IllegalArgumentException("Invoice " + delivery.invoiceId() + " completed more than "
                    + MAX_COMPLETIONS + " times: beyond the pivot's numbering");
        }
        long number = idCpro(delivery.invoiceId()).longValueExact() * 100 + completions;
        return platformCode + INTERFACE_NUMBER + String.format("%015d", number);
    }

    String fileName(Delivery delivery) {
        return INTERFACE_CODE + "_" + platformCode + "_" + flowId(delivery) + ".xml";
    }
}
