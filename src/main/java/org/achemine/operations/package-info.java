/**
 * The operator's view of a running engine: health indicators (mailboxes, rules, intake; the database's is
 * Spring Boot's) served with the Prometheus metrics on the {@code run} command's management port.
 */
package org.achemine.operations;
