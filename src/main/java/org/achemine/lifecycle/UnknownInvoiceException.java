package org.achemine.lifecycle;

/** A status change for an invoice id we never issued. */
public class UnknownInvoiceException extends RuntimeException {

    public UnknownInvoiceException(String invoiceId) {
        super("Facture inconnue : " + invoiceId);
    }
}
