package org.achemine.operations;

import org.achemine.config.AchemineProperties;
import org.achemine.intake.DiskSpaceCondition;
import org.achemine.intake.FlowWatchdog;
import org.achemine.intake.IntakeGate;
import org.achemine.mailbox.Mailboxes;
import org.achemine.validation.engine.ValidationEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * achemine's health indicators; the bean names give the components of {@code /actuator/health}
 * ({@code mailboxes}, {@code rules}, {@code intake}, beside Spring Boot's {@code db}).
 */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    @Bean
    MailboxesHealthIndicator mailboxesHealthIndicator(Mailboxes mailboxes, DiskSpaceCondition diskSpace) {
        return new MailboxesHealthIndicator(mailboxes, diskSpace);
    }

    @Bean
    RulesHealthIndicator rulesHealthIndicator(ValidationEngine engine) {
        return new RulesHealthIndicator(engine);
    }

    @Bean
    IntakeHealthIndicator intakeHealthIndicator(IntakeGate gate, FlowWatchdog watchdog, AchemineProperties properties) {
        return new IntakeHealthIndicator(gate, watchdog, properties.intake().enabled());
    }
}
