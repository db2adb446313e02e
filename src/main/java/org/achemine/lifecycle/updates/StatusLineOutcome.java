package org.achemine.lifecycle.updates;

import org.achemine.validation.Finding;

/**
 * What became of one status update: applied (perhaps with a warning), or refused with a finding.
 *
 * @param line      the update as written
 * @param invoiceId our invoice, when the reference found one (null otherwise)
 * @param refusal   why it was not applied; null when applied
 * @param warning   what the sender should know about an applied line; null if nothing
 */
public record StatusLineOutcome(RawStatusLine line, String invoiceId, Finding refusal, Finding warning) {

    public StatusLineOutcome(RawStatusLine line, String invoiceId, Finding refusal) {
        this(line, invoiceId, refusal, null);
    }

    public boolean applied() {
        return refusal == null;
    }

    /** The finding the report shows for this line: its refusal, else its warning, else null. */
    public Finding finding() {
        return refusal != null ? refusal : warning;
    }
}
