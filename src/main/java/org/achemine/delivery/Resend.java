package org.achemine.delivery;

/**
 * Whether a delivery is the invoice's first or a new one (the AIFE pivot's {@code DonneesFacture/Renvoi},
 * FACTS §2.3): after the supplier completed a suspended invoice (12 Complétée), or resent under the same
 * number an invoice sent back for recycling (04 À recycler). A recipient's system sees it in the file name.
 */
public enum Resend {
    NON("Non", ""),
    COMPLETEE("Complétée", "COMPLETEE"),
    RECYCLEE("Recyclée", "RECYCLEE");

    private final String pivotValue;
    private final String flag;

    Resend(String pivotValue, String flag) {
        this.pivotValue = pivotValue;
        this.flag = flag;
    }

    /** The pivot's value: Non, Complétée, Recyclée. */
    public String pivotValue() {
        return pivotValue;
    }

    /**
     * What the delivered file's name carries after the invoice id; empty for a first delivery. An invoice
     * completed a second time is delivered a third time: {@code COMPLETEE2}.
     */
    public String fileFlag(int occurrence) {
        return occurrence <= 1 || flag.isEmpty() ? flag : flag + occurrence;
    }
}
