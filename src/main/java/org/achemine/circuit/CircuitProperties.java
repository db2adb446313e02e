package org.achemine.circuit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Validation circuit settings ({@code achemine.circuit.*}; defaults in application.yml).
 *
 * @param validationDelay how long a validator has to answer, from the invoice's delivery to it (platform clock)
 * @param onTimeout       what the platform does with an invoice left unanswered past the delay, after recording
 *                        16 Absence de validation hors délai
 */
@ConfigurationProperties("achemine.circuit")
public record CircuitProperties(Duration validationDelay, TimeoutOutcome onTimeout) {

    /** The outcome of a validation left unanswered past the delay. */
    public enum TimeoutOutcome {
        /** Deemed validated (tacit acceptance): forwarded to the recipient like a validated invoice. */
        DEEMED_VALIDATED,
        /** Refused by the platform (reason VALIDATION_HORS_DELAI): the supplier is told, nothing is delivered. */
        REFUSED
    }
}
