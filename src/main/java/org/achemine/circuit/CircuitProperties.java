package org.achemine.circuit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Circuit settings ({@code achemine.circuit.*}; defaults in application.yml).
 *
 * @param validationDelay how long a validator has to answer, from the invoice's delivery to it (platform clock)
 * @param onTimeout       what the platform does with an invoice left unanswered past the delay, after recording
 *                        16 Absence de validation hors délai
 * @param moeDelay        how long a works invoice's MOE has to answer, from the delivery to it; past it the
 *                        platform records 23 and transmits the invoice to the MOA
 * @param moaDelay        how long the MOA has to answer, from the transmission to it; past it the platform records
 *                        24 and delivers the invoice to its recipient
 */
@ConfigurationProperties("achemine.circuit")
public record CircuitProperties(Duration validationDelay, TimeoutOutcome onTimeout, Duration moeDelay,
                                Duration moaDelay) {

    /** The outcome of a validation left unanswered past the delay. */
    public enum TimeoutOutcome {
        /** Deemed validated (tacit acceptance): forwarded to the recipient like a validated invoice. */
        DEEMED_VALIDATED,
        /** Refused by the platform (reason VALIDATION_HORS_DELAI): the supplier is told, nothing is delivered. */
        REFUSED
    }
}
