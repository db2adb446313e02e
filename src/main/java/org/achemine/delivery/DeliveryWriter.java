package org.achemine.delivery;

import java.io.IOException;
import org.achemine.validation.InvoiceDocument;

/** Names and fills the file one delivery format ({@link org.achemine.config.AchemineProperties.DeliveryFormat}) puts in a recipient's mailbox. */
public interface DeliveryWriter {

    /** The file's name: fixed by the delivery alone, so a delivery already made is recognised (exactly once). */
    String fileName(Delivery delivery);

    /**
     * The file's bytes, from the supplier's document as archived.
     *
     * @throws IOException when no valid file can be made: nothing is published, the delivery is tried again
     */
    byte[] content(Delivery delivery, InvoiceDocument original) throws IOException;
}
