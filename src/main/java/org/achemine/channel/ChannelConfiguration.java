package org.achemine.channel;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the channels and the intake share: the record of how files arrived. */
@Configuration(proxyBeanMethods = false)
public class ChannelConfiguration {

    @Bean
    ChannelArrivals channelArrivals(JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        return new ChannelArrivals(jdbc, clock, meters);
    }
}
