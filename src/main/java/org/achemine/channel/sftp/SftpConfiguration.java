package org.achemine.channel.sftp;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.achemine.channel.ChannelArrivals;
import org.achemine.config.AchemineProperties;
import org.achemine.mailbox.Mailboxes;
import org.achemine.partner.PartnerRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the SFTP channel: its audit always (commands read it), its server only when enabled. */
@Configuration(proxyBeanMethods = false)
public class SftpConfiguration {

    @Bean
    SftpAudit sftpAudit(JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        return new SftpAudit(jdbc, clock, meters);
    }

    @Bean
    HostKey sftpHostKey(SftpProperties properties) {
        return new HostKey(properties.hostKey());
    }

    /** Listens from the start of the engine; the intake takes what partners upload like any other drop. */
    @Bean
    @ConditionalOnBooleanProperty("achemine.sftp.enabled")
    SftpServer sftpServer(SftpProperties properties, HostKey hostKey, Mailboxes mailboxes, PartnerRegistry partners,
                          SftpAudit audit, Clock clock, AchemineProperties achemine, ChannelArrivals arrivals) {
        LoginThrottle throttle = new LoginThrottle(properties.maxFailedLogins(), properties.loginBlock(), clock);
        return new SftpServer(properties, hostKey, mailboxes.mailboxesRoot(), partners, audit, throttle,
                achemine.validation().maxFileSize().toBytes(), arrivals);
    }
}
