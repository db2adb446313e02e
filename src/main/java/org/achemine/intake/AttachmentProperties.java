package org.achemine.intake;

import java.util.List;
import org.achemine.validation.attachment.AttachmentLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Attachment limits ({@code achemine.attachments.*}; defaults in application.yml).
 *
 * @param maxCount      most attachments per invoice
 * @param maxSize       largest attachment once decoded
 * @param maxTotalSize  largest sum of one invoice's attachments once decoded
 * @param maxNameLength longest attachment file name, in characters
 * @param allowedTypes  MIME types accepted (declared and checked against the content)
 */
@ConfigurationProperties("achemine.attachments")
public record AttachmentProperties(int maxCount, DataSize maxSize, DataSize maxTotalSize, int maxNameLength,
                                   List<String> allowedTypes) {

    public AttachmentLimits toLimits() {
        return new AttachmentLimits(maxCount, maxSize.toBytes(), maxTotalSize.toBytes(), maxNameLength, allowedTypes);
    }
}
