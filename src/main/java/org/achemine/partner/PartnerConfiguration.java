package org.achemine.partner;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the partners' registry. */
@Configuration(proxyBeanMethods = false)
public class PartnerConfiguration {

    @Bean
    PartnerRegistry partnerRegistry(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        return new PartnerRegistry(jdbc, transactions, clock);
    }
}
