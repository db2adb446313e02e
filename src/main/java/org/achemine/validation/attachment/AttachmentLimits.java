package org.achemine.validation.attachment;

import java.util.List;
import java.util.Locale;

/**
 * What the platform accepts as attachments of one invoice (no framework type: the offline {@code validate}
 * command uses it too).
 *
 * @param maxCount      most attachments per invoice
 * @param maxSize       largest decoded attachment, in bytes
 * @param maxTotalSize  largest sum of an invoice's decoded attachments, in bytes
 * @param maxNameLength longest file name, in characters
 * @param allowedTypes  MIME types accepted, lower case
 */
public record AttachmentLimits(int maxCount, long maxSize, long maxTotalSize, int maxNameLength,
                               List<String> allowedTypes) {

    /**
     * EN 16931's code list for BT-125 (BR-CL-24): the types every receiving system must be able to open. Chorus
     * Pro's own list is not stated in our sources.
     */
    public static final List<String> EN16931_TYPES = List.of("application/pdf", "image/png", "image/jpeg",
            "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.spreadsheet");

    public AttachmentLimits {
        allowedTypes = allowedTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).toList();
    }

    /** The defaults of application.yml, for code that runs without it. */
    public static AttachmentLimits defaults() {
        return new AttachmentLimits(20, 10L * 1024 * 1024, 50L * 1024 * 1024, 100, EN16931_TYPES);
    }

    public boolean allows(String type) {
        return type != null && allowedTypes.contains(type.trim().toLowerCase(Locale.ROOT));
    }
}
