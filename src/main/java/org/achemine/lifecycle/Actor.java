package org.achemine.lifecycle;

/** Who changes an invoice's status. */
public enum Actor {
    /** achemine itself: deposit, routing, delivery. */
    PLATFORM,
    /** The public recipient (ordonnateur, or its accountant) processing the invoice. */
    RECIPIENT,
    /** The supplier: completes a suspended invoice. */
    SUPPLIER
}
