package org.achemine.delivery;

import java.util.Locale;
import org.achemine.validation.InvoiceDocument;

/**
 * The supplier's document byte for byte (a Factur-X deposit: the PDF itself), as {@code <invoiceId>_<original name>}, flagged when delivered
 * again: {@code <invoiceId>_<FLAG>_<original name>} (e.g. {@code _COMPLETEE_}, {@code _RECYCLEE_}; a second
 * completion of the same invoice {@code _COMPLETEE2_}).
 */
public final class OriginalDelivery implements DeliveryWriter {

    private static final int MAX_NAME = 120;

    @Override
    public String fileName(Delivery delivery) {
        String flag = delivery.resend().fileFlag(delivery.occurrence());
        return delivery.invoiceId() + "_" + (flag.isEmpty() ? "" : flag + "_") + safeName(delivery.entryName(), MAX_NAME);
    }

    @Override
    public byte[] content(Delivery delivery, InvoiceDocument original) {
        return original.bytes();
    }

    /**
     * The last segment of the document's name, reduced to characters every file system and partner accepts,
     * ending in {@code .xml} (or {@code .pdf}, a Factur-X deposit) and keeping at most its last {@code maxLength}
     * characters.
     */
    public static String safeName(String entryName, int maxLength) {
        String last = entryName.substring(Math.max(entryName.lastIndexOf('/'), entryName.lastIndexOf('\\')) + 1);
        String safe = last.replaceAll("[^A-Za-z0-9._-]", "_");
        String lower = safe.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".xml") && !lower.endsWith(".pdf")) {
            safe = safe + ".xml";
        }
        return safe.length() <= maxLength ? safe : safe.substring(safe.length() - maxLength);
    }
}
