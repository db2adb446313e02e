package org.achemine.intake;

/**
 * A technical fault while taking or reporting a flow (disk, database): our fault, never the flow's. The
 * flow stays where it safely is (in {@code in/}, or recorded and unreported) and is retried. The incident
 * id is in the log next to the stack trace.
 */
public class IntakeFault extends RuntimeException {

    private final String incidentId;

    public IntakeFault(String incidentId, String message, Throwable cause) {
        super(message + " (incident " + incidentId + ")", cause);
        this.incidentId = incidentId;
    }

    public String incidentId() {
        return incidentId;
    }
}
