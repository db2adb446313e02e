package org.achemine.lifecycle.updates;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Status flow settings ({@code achemine.status-updates.*}; defaults in application.yml).
 *
 * @param maxFileSize     largest status file processed (IRR_TAILLE_F above, without reading it). Smaller than the
 *                        invoice limit: a status file is read whole and applied in one transaction, and a few
 *                        megabytes already hold tens of thousands of lines.
 * @param futureTolerance how far ahead of the platform's clock a line's declared time may be (clocks drift)
 *                        before the line is refused (STA_DATE_FUTURE)
 */
@ConfigurationProperties("achemine.status-updates")
public record StatusUpdatesProperties(DataSize maxFileSize, Duration futureTolerance) {
}
