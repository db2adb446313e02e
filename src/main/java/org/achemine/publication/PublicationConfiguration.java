package org.achemine.publication;

import java.time.Clock;
import org.achemine.mailbox.Mailboxes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the publication journal, shared by every feature that writes into an {@code out/}. */
@Configuration(proxyBeanMethods = false)
public class PublicationConfiguration {

    @Bean
    PublicationJournal publicationJournal(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                          Mailboxes mailboxes, Clock clock,
                                          ObjectProvider<PublicationObserver> observer) {
        TransactionTemplate ownCommit = new TransactionTemplate(transactions);
        ownCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new PublicationJournal(jdbc, ownCommit, mailboxes, clock,
                observer.getIfAvailable(() -> PublicationObserver.NONE));
    }
}
