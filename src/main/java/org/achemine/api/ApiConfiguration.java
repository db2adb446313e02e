package org.achemine.api;

import java.nio.file.Path;
import org.achemine.cluster.EngineNode;
import org.achemine.config.AchemineProperties;
import org.achemine.report.InvoiceQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The read API's beans: only the engine that serves HTTP ({@code run}) has them. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class ApiConfiguration {

    @Bean
    InvoiceQueries invoiceQueries(JdbcTemplate jdbc) {
        return new InvoiceQueries(jdbc);
    }

    @Bean
    EngineAddressFile engineAddressFile(AchemineProperties properties, EngineNode node,
                                        @Value("${server.address:127.0.0.1}") String bindAddress) {
        Path dataFolder = properties.dataDir();
        return new EngineAddressFile(dataFolder, node.coordinated() ? EngineAddress.file(dataFolder, node.id())
                : EngineAddress.file(dataFolder), bindAddress);
    }
}
