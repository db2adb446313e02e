package org.achemine.cli;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * What a query command starts when no engine runs on the data folder: the data source and a JdbcTemplate, set
 * from the same configuration as the engine's (application.yml, {@code --key=value}, environment) — no Camel,
 * Batch, Flyway, rules or mailboxes, so it answers in about a second instead of the engine's start-up.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
class QueryDatabase {
}
