package org.achemine.lifecycle.updates;

import org.achemine.validation.Finding;

/**
 * What became of one status update: applied, or refused with a finding.
 *
 * @param line      the update as written
 * @param invoiceId our invoice, when the reference found one (null otherwise)
 * @param refusal   why it was not applied; null when applied
 */
public record StatusLineOutcome(RawStatusLine line, String invoiceId, Finding refusal) {

    public boolean applied() {
        return refusal == null;
    }
}
