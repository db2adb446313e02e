package org.achemine.lifecycle.updates;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Status flow settings ({@code achemine.status-updates.*}; defaults in application.yml).
 *
 * @param maxFileSize     largest status file processed (IRR_TAILLE_F above, without reading it). Smaller than the
 *                        invoice limit: a status file is streamed but applied in one transaction, and a few
 *                        megabytes already hold tens of thousands of lines.
 * @param futureTolerance how far ahead of the platform's clock a line's declared time may be (clocks drift)
 *                        before the line is refused (STA_DATE_FUTURE)
 * @param maxLines        most status updates in one file (STA_TROP_DE_LIGNES above: the file is counted in one
 *                        streamed pass and refused, nothing applied): bounds a worker's time and memory
 * @param reportDetailLines lines written in detail in a status report; the rest are counted
 */
@ConfigurationProperties("achemine.status-updates")
public record StatusUpdatesProperties(DataSize maxFileSize, Duration futureTolerance, int maxLines,
                                      int reportDetailLines) {

    public StatusUpdatesProperties {
        if (maxLines < 1 || reportDetailLines < 1) {
            throw new IllegalArgumentException("achemine.status-updates.max-lines and report-detail-lines must be"
                    + " at least 1");
        }
    }
}
