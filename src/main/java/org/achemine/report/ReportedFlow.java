package org.achemine.report;

import java.time.Instant;
import org.achemine.qualification.Environment;

/**
 * What a deposit report says about the flow file itself, besides its verdict.
 *
 * @param flowId       25-character flow id
 * @param originalName the file name as the partner dropped it
 * @param partner      the sender's partner code
 * @param sha256       lower-case hex SHA-256 of the original; null for a file refused unread (link, oversized)
 * @param size         bytes
 * @param receivedAt   when it was taken (UTC, milliseconds)
 * @param environment  production, or qualification: said in the reports (ADR 0025)
 */
public record ReportedFlow(String flowId, String originalName, String partner, String sha256, long size,
                           Instant receivedAt, Environment environment) {

    /** A production flow. */
    public ReportedFlow(String flowId, String originalName, String partner, String sha256, long size,
                        Instant receivedAt) {
        this(flowId, originalName, partner, sha256, size, receivedAt, Environment.PRODUCTION);
    }
}
