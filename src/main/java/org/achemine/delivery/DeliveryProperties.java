package org.achemine.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery settings ({@code achemine.delivery.*}; defaults in application.yml).
 *
 * @param durable force every delivered invoice to disk before the delivery is recorded (survives a power
 *                loss; one disk sync per invoice, one per folder per routing chunk). Off, deliveries still survive a
 *                crash of the engine.
 */
@ConfigurationProperties("achemine.delivery")
public record DeliveryProperties(boolean durable) {
}
