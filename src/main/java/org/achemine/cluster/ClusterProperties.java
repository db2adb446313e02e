package org.achemine.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Running several engines on one database and data folder ({@code achemine.cluster.*}; defaults in
 * application.yml; ADR 0019).
 *
 * @param enabled   true when several engines may run at once (PostgreSQL only): claims on work in the database,
 *                  schedules and triggers on the leader only. False: one engine, nothing is coordinated
 * @param nodeName  this engine's name in logs and claims (a start-up suffix makes each run distinct); blank: the
 *                  host name
 * @param lease     how long an engine that stopped beating is still taken for alive: its claims and the leader's
 *                  lock are taken over after it; longer than the worst pause (GC, overloaded machine)
 * @param heartbeat how often an engine says it is alive, and the leader renews its lock; well under the lease
 */
@ConfigurationProperties("achemine.cluster")
public record ClusterProperties(boolean enabled, String nodeName, Duration lease, Duration heartbeat) {

    public ClusterProperties {
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        heartbeat = heartbeat == null ? Duration.ofSeconds(5) : heartbeat;
        if (heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("achemine.cluster.heartbeat (" + heartbeat
                    + ") must be shorter than achemine.cluster.lease (" + lease + ")");
        }
    }

    /** One engine: nothing coordinated (tests and commands that build parts by hand). */
    public static ClusterProperties single() {
        return new ClusterProperties(false, null, null, null);
    }
}
