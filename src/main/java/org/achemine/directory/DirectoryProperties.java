package org.achemine.directory;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Directory import settings ({@code achemine.directory.*}; defaults in application.yml).
 *
 * @param inbox           where operators drop a structures file and a services file to import them
 * @param watch           whether the engine watches the inbox
 * @param pollInterval    how often the inbox is looked at
 * @param maxBadRowShare  share of malformed rows (0..1) above which an import fails and the directory in
 *                        use is kept
 * @param chunkSize       rows written per transaction
 * @param unpairedWait    how long a structures or services file waits for the other file of its drop before
 *                        it is refused
 */
@ConfigurationProperties("achemine.directory")
public record DirectoryProperties(Path inbox, boolean watch, Duration pollInterval, double maxBadRowShare,
                                  int chunkSize, Duration unpairedWait) {
}
