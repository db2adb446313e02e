package org.achemine.qualification;

/**
 * Where a flow was dropped, and so what may become of it: production (routed, delivered, counted) or
 * qualification (a partner testing its connection: validated and answered exactly as in production, never
 * routed to a real recipient, never counted with production). Recorded on each flow and invoice as the
 * {@code qualification} column (ADR 0025).
 */
public enum Environment {
    PRODUCTION,
    QUALIFICATION;

    /** The folder under a partner's mailbox that holds this environment's {@code in/} and {@code out/}. */
    public static final String QUALIFICATION_FOLDER = "qualif";

    public static Environment of(boolean qualification) {
        return qualification ? QUALIFICATION : PRODUCTION;
    }

    /**
     * A filter as an operator types it ({@code production}, {@code qualification}, any case); null or blank for
     * both environments.
     *
     * @throws IllegalArgumentException for any other word
     */
    public static Environment parse(String said) {
        if (said == null || said.isBlank()) {
            return null;
        }
        for (Environment environment : values()) {
            if (environment.name().equalsIgnoreCase(said.strip())) {
                return environment;
            }
        }
        throw new IllegalArgumentException("Environnement « " + said + " » inconnu : production ou qualification");
    }

    /** As the {@code qualification} columns record it. */
    public boolean isQualification() {
        return this == QUALIFICATION;
    }

    /** The French word reports and queries show. */
    public String label() {
        return this == QUALIFICATION ? "qualification" : "production";
    }
}
