package org.achemine.lifecycle;

/** A status change the transition table does not allow; the message says which and why. */
public class ForbiddenTransitionException extends RuntimeException {

    public ForbiddenTransitionException(String invoiceId, InvoiceStatus from, Actor by, InvoiceStatus to) {
        this(invoiceId, from, by, to, "transition non autorisée");
    }

    public ForbiddenTransitionException(String invoiceId, InvoiceStatus from, Actor by, InvoiceStatus to, String why) {
        super("Facture " + invoiceId + " : passage de " + from.code() + " " + from.label() + " à " + to.code() + " "
                + to.label() + " par " + by.name() + " refusé (" + why + ")");
    }
}
