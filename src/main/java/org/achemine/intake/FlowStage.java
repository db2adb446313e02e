package org.achemine.intake;

/** Where a flow is in intake; the crash protocol resumes from here (ADR 0001). */
public enum FlowStage {
    /** Archived and recorded; may still be waiting for its source in {@code in/} to be removed. */
    RECEIVED,
    /**
     * Validated, verdict recorded, and the report complete under its temporary name in {@code out/}: only
     * the rename is left (or was done just before a crash).
     */
    REPORT_READY,
    /** The deposit report is in the sender's {@code out/}: intake is done with this flow. */
    REPORTED,
    /**
     * A check broke on it at every attempt ({@code achemine.intake.max-attempts}): answered with an incident
     * report ({@code ERR_TECHNIQUE} and the incident id), left alone until an operator runs {@code flow retry}.
     */
    PARKED
}
