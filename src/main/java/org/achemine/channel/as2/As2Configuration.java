package org.achemine.channel.as2;

import org.achemine.cluster.Leadership;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import org.achemine.config.AchemineProperties;
import org.achemine.mailbox.Mailboxes;
import org.achemine.partner.PartnerRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the AS2 channel: partners' settings, received messages and the audit always (commands read them); the
 * endpoint only in the engine's web application ({@code run}) and when enabled, with our keys read at start.
 */
@Configuration(proxyBeanMethods = false)
public class As2Configuration {

    @Bean
    As2Partners as2Partners(JdbcTemplate jdbc, PartnerRegistry partners, Clock clock) {
        return new As2Partners(jdbc, partners, clock);
    }

    @Bean
    ReceivedMessages as2ReceivedMessages(JdbcTemplate jdbc) {
        return new ReceivedMessages(jdbc);
    }

    @Bean
    As2Audit as2Audit(JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        return new As2Audit(jdbc, clock, meters);
    }

    /** Queues, in the journal's commit, what is published for AS2 partners; always, so no publication is missed. */
    @Bean
    As2Outbox as2Outbox(JdbcTemplate jdbc, Mailboxes mailboxes, As2Properties properties, Clock clock) {
        return new As2Outbox(jdbc, mailboxes.dataDir().resolve("as2").resolve("outbox"), properties.as2Id(), clock);
    }

    @Bean
    @ConditionalOnBooleanProperty("achemine.as2.enabled")
    As2Pusher as2Pusher(As2Outbox outbox, As2Partners partners, As2Properties properties, As2Audit audit,
                        OwnKeys keys, Leadership leadership) throws IOException {
        return new As2Pusher(outbox, partners, properties, audit, leadership::isLeader);
    }

    @Bean
    @ConditionalOnBooleanProperty("achemine.as2.enabled")
    OwnKeys as2OwnKeys(As2Properties properties, Clock clock) {
        return OwnKeys.load(properties, clock);
    }

    @Bean
    @ConditionalOnBooleanProperty("achemine.as2.enabled")
    AsyncReceipts as2AsyncReceipts(As2Audit audit, As2Properties properties) {
        return new AsyncReceipts(audit, properties.connectTimeout(), properties.responseTimeout());
    }

    @Bean
    @ConditionalOnBooleanProperty("achemine.as2.enabled")
    As2Receiver as2Receiver(As2Properties properties, As2Partners partners, ReceivedMessages received, OwnKeys keys,
                            AsyncReceipts asyncReceipts, As2Audit audit, Mailboxes mailboxes, Clock clock,
                            AchemineProperties achemine, org.achemine.channel.ChannelArrivals arrivals)
            throws IOException {
        // as2-lib's own temporary files (large parts being decrypted) stay in the data folder, never in /tmp
        java.nio.file.Path temporary = mailboxes.dataDir().resolve("as2").resolve("tmp");
        java.nio.file.Files.createDirectories(temporary);
        com.helger.as2lib.util.AS2ResourceHelper.setTempDir(temporary.toFile());
        As2Receiver receiver = new As2Receiver(properties, partners, received,
                new Receipts(properties.as2Id(), keys, clock), asyncReceipts, audit, mailboxes, clock,
                achemine.validation().maxFileSize().toBytes(), arrivals);
        receiver.finishInterrupted();
        return receiver;
    }
}
