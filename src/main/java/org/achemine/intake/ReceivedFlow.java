package org.achemine.intake;

import java.nio.file.Path;
import java.time.Instant;
import org.achemine.qualification.Environment;

/**
 * A flow taken from a partner's {@code in/}: stamped, archived and recorded.
 *
 * @param flowId       its flow id
 * @param partner      the sender's partner code
 * @param originalName the file name as dropped
 * @param sourcePath   where it was taken from (gone once the take completes)
 * @param size         bytes
 * @param sha256       lower-case hex SHA-256 of the original; null when taken unread (link, special or oversized file)
 * @param receivedAt   UTC time of the take, to the millisecond
 * @param archivePath  the write-once archived original
 * @param environment  production, or qualification when dropped in the partner's {@code qualif/in}
 */
public record ReceivedFlow(FlowId flowId, String partner, String originalName, Path sourcePath, long size,
                           String sha256, Instant receivedAt, Path archivePath, Environment environment) {

    /** A flow dropped in the partner's production {@code in/}. */
    public ReceivedFlow(FlowId flowId, String partner, String originalName, Path sourcePath, long size,
                        String sha256, Instant receivedAt, Path archivePath) {
        this(flowId, partner, originalName, sourcePath, size, sha256, receivedAt, archivePath, Environment.PRODUCTION);
    }
}
