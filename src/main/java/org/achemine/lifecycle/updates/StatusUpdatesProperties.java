package org.achemine.lifecycle.updates;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Status flow settings ({@code achemine.status-updates.*}; defaults in application.yml).
 *
 * @param maxFileSize largest status file processed (IRR_TAILLE_F above, without reading it). Smaller than the
 *                    invoice limit: a status file is read whole and applied in one transaction, and a few
 *                    megabytes already hold tens of thousands of lines.
 */
@ConfigurationProperties("achemine.status-updates")
public record StatusUpdatesProperties(DataSize maxFileSize) {
}
