package org.achemine.cluster;

import java.time.Clock;
import javax.sql.DataSource;
import org.achemine.config.AchemineProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.context.IntegrationContextUtils;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.leader.DefaultCandidate;
import org.springframework.integration.support.SmartLifecycleRoleController;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Wires the coordination of several engines (ADR 0019): this engine's node and heartbeat, the work claims, and
 * with {@code achemine.cluster.enabled} the leader election on {@code INT_LOCK}. A single engine gets the same
 * beans, which then coordinate nothing.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterConfiguration {

    @Bean
    EngineNode engineNode(JdbcTemplate jdbc, Clock clock, ClusterProperties properties, AchemineProperties achemine) {
        // one-shot commands (no intake) never count as an engine: they claim nothing and lead nothing
        EngineNode node = new EngineNode(jdbc, clock, properties, properties.enabled() && achemine.intake().enabled());
        node.beat(); // alive before any claim is taken or any sweep asks who else runs
        return node;
    }

    @Bean
    EngineHeartbeat engineHeartbeat(EngineNode node, ClusterProperties properties) {
        return new EngineHeartbeat(node, properties);
    }

    @Bean
    WorkClaims workClaims(JdbcTemplate jdbc, EngineNode node, Clock clock) {
        return new WorkClaims(jdbc, node, clock);
    }

    @Bean
    Leadership leadership(EngineNode node, ObjectProvider<LeaderDuty> duties,
                          @Qualifier(IntegrationContextUtils.INTEGRATION_LIFECYCLE_ROLE_CONTROLLER)
                          SmartLifecycleRoleController roles) {
        return new Leadership(node.coordinated(), () -> duties.orderedStream().forEach(LeaderDuty::takeOver), roles);
    }

    @Bean
    DefaultLockRepository lockRepository(DataSource dataSource) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion("achemine");
        return repository;
    }

    /** The leader's lock, renewed every heartbeat, expiring a lease after its holder died. */
    @Bean
    JdbcLockRegistry lockRegistry(DefaultLockRepository repository, ClusterProperties properties) {
        return new JdbcLockRegistry(repository, properties.lease());
    }

    /** Several engines only (not started otherwise): the election of the leader. */
    @Bean
    LockRegistryLeaderInitiator leaderInitiator(ClusterProperties properties, JdbcLockRegistry locks, EngineNode node) {
        LockRegistryLeaderInitiator initiator = new LockRegistryLeaderInitiator(locks,
                new DefaultCandidate(node.id(), Leadership.LEADER));
        initiator.setHeartBeatMillis(properties.heartbeat().toMillis());
        initiator.setBusyWaitMillis(Math.min(1000, properties.heartbeat().toMillis()));
        initiator.setAutoStartup(node.coordinated());
        return initiator;
    }
}
