package org.achemine.intake;

import org.achemine.cluster.ClusterProperties;
import org.achemine.config.AchemineProperties;
import org.achemine.config.AchemineProperties.Intake;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.mailbox.Mailboxes;
import org.achemine.qualification.Environment;
import java.io.File;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.processor.aggregate.AggregateController;
import org.apache.camel.processor.aggregate.DefaultAggregateController;
import org.apache.camel.util.concurrent.SynchronousExecutorService;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The intake, as Camel routes:
 * <ol>
 *   <li>{@code intake-<partner>}: one route per partner's {@code in/}. Temporary names ({@code *.tmp},
 *       {@code *.part}, hidden {@code .*}) are ignored until renamed; other files are taken once settled
 *       (size and date unchanged over {@code achemine.intake.read-lock-interval} by our clock, whatever the
 *       file's own date: {@link SettledFileReadLock}; empty files included; every file listed starts settling,
 *       and a poll that handed files over polls again at once, held back only by the full deposit queue),
 *       then {@link FlowReception#takeAll} archives, records and removes them, the files of a poll in groups
 *       of at most {@code achemine.intake.take-group-size} sharing their commits and sync (ADR 0001);</li>
 *   <li>{@code intake-qualif-<partner>}: the same for the partner's qualification mailbox {@code qualif/in/}
 *       (ADR 0025), its flows recorded as qualification;</li>
 *   <li>{@code intake-unlisted-<partner>}: the same for what Camel's file component never lists: names
 *       holding a backslash, links that do not lead to a regular file ({@link UnlistedEntries}); what the
 *       engine's permissions keep it from taking is said once ({@link UnreadableEntries});</li>
 *   <li>{@code intake-deposit-<partner>}: each partner's flows wait in their own queue, served by
 *       {@code achemine.intake.partner-workers} threads; at most {@code achemine.intake.workers} flows are
 *       validated at once, so one partner never holds every worker ({@link DepositQueues}, ADR 0012); each
 *       flow is validated and gets its deposit report ({@link FlowDeposit#submit});</li>
 *   <li>{@code intake-recovery}: once at start-up, re-submits the flows taken but not reported before a stop;</li>
 *   <li>{@code intake-retry}: every {@code achemine.intake.retry-interval}, re-submits the flows a technical
 *       fault left unreported (the fault may have cleared: disk space freed, database back);</li>
 *   <li>{@code intake-orphans}: with several engines (ADR 0019), every lease, re-submits the flows a dead
 *       engine left unreported ({@link FlowClaims#orphans});</li>
 *   <li>{@code intake-gate}: every {@code achemine.intake.resource-check-interval}, checks disk space and the
 *       database ({@link IntakeGate}); while either fails, mailboxes are not polled (files stay in
 *       {@code in/}) and nothing is retried; when both are back, every flow left unreported is re-submitted.</li>
 * </ol>
 * Files are never moved or deleted by Camel itself ({@code noop}): the take removes them only once they are
 * safe. With {@code achemine.intake.enabled=false} no route starts (one-shot commands).
 */
@Component
public class IntakeRoutes extends RouteBuilder {

    /** The id of the route whose workers take a partner's flows from its deposit queue ({@code intake-deposit-<partner>}). */
    public static String depositRouteId(String partner) {
        return DepositQueues.QUEUE_PREFIX + partner;
    }


    private static final String POLL_STRATEGY = "intakeGatedPollStrategy";
    private static final String READ_LOCK = "intakeSettledFiles";

    private final AchemineProperties properties;
    private final Mailboxes mailboxes;
    private final FlowReception reception;
    private final FlowDeposit deposit;
    private final RecoveryBacklog backlog;
    private final FlowRegistry registry;
    private final UnlistedEntries unlistedEntries;
    private final IntakeGate gate;
    private final IntakeMetrics metrics;
    private final DepositQueues queues;
    private final SettledFileReadLock settledFiles;
    private final FlowClaims claims;
    private final ClusterProperties cluster;

    public IntakeRoutes(AchemineProperties properties, Mailboxes mailboxes, FlowReception reception,
                        FlowDeposit deposit, RecoveryBacklog backlog, FlowRegistry registry,
                        UnlistedEntries unlistedEntries, IntakeGate gate, IntakeMetrics metrics,
                        DepositQueues queues, SettledFileReadLock settledFiles, FlowClaims claims,
                        ClusterProperties cluster) {
        this.claims = claims;
        this.cluster = cluster;
        this.queues = queues;
        this.settledFiles = settledFiles;
        this.properties = properties;
        this.mailboxes = mailboxes;
        this.reception = reception;
        this.deposit = deposit;
        this.backlog = backlog;
        this.registry = registry;
        this.unlistedEntries = unlistedEntries;
        this.gate = gate;
        this.metrics = metrics;
    }

    @Override
    public void configure() {
        Intake intake = properties.intake();
        boolean enabled = intake.enabled();
        if (intake.takeGroupSize() < 1) {
            throw new IllegalArgumentException("achemine.intake.take-group-size must be at least 1");
        }

        onException(IntakeFault.class)
                .handled(true) // logged with its incident id; the flow stays safe where it is and is retried
                .log(LoggingLevel.WARN, "${exception.message}");

        int depositOrder = 10;
        for (String queue : queues.queues()) {
            from(queues.consumerUri(queue))
                    .routeId(depositRouteId(queue)).autoStartup(enabled).startupOrder(depositOrder++)
                    .bean(deposit, "submit");
        }
        from(queues.consumerUri(DepositQueues.OTHERS))
                .routeId(depositRouteId(DepositQueues.OTHERS)).autoStartup(enabled).startupOrder(4)
                .bean(deposit, "submit");

        from("timer:intake-recovery?repeatCount=1&delay=0")
                .routeId("intake-recovery").autoStartup(enabled).startupOrder(1020)
                .setBody(constant(backlog.flows()))
                .split(body())
                    .recipientList(method(queues, "uriFor"));

        from("timer:intake-gate?delay=0&period=" + intake.resourceCheckInterval().toMillis())
                .routeId("intake-gate").autoStartup(enabled).startupOrder(3)
                .bean(gate, "check")
                .filter(body()) // just resumed: a fault during the pause may have left flows unreported
                    .bean(registry, "unreported")
                    .split(body())
                        .recipientList(method(queues, "uriFor"));

        long retry = intake.retryInterval().toMillis();
        from("timer:intake-retry?delay=" + retry + "&period=" + retry)
                .routeId("intake-retry").autoStartup(enabled).startupOrder(1025)
                .filter(method(gate, "isOpen"))
                    .bean(registry, "awaitingRetry")
                    .split(body())
                        .recipientList(method(queues, "uriFor"));

        long lease = cluster.lease().toMillis();
        from("timer:intake-orphans?delay=" + lease + "&period=" + lease)
                .routeId("intake-orphans").autoStartup(enabled && cluster.enabled()).startupOrder(1026)
                .filter(method(gate, "isOpen"))
                    .bean(claims, "orphans")
                    .split(body())
                        .recipientList(method(queues, "uriFor"));

        getContext().getRegistry().bind(READ_LOCK, settledFiles);

        int order = 1030;
        for (Partner partner : mailboxes.partners()) {
            for (Environment environment : Environment.values()) {
                String code = partner.code();
                // production keeps its route ids; qualification's say so (intake-qualif-FOU001)
                String id = environment.isQualification() ? Environment.QUALIFICATION_FOLDER + "-" + code : code;
                String takeAll = "takeAll('" + code + "', '" + environment.name() + "', ${body})";
                // the files of one poll are taken as groups: a group's rows share one commit and one sync
                AggregateController takeGroups = new DefaultAggregateController();
                getContext().getRegistry().bind(POLL_STRATEGY + "-" + id, new GatedPollStrategy(gate, takeGroups));
                from(mailboxUri(code, environment, intake, POLL_STRATEGY + "-" + id))
                        .routeId("intake-" + id).autoStartup(enabled).startupOrder(order++)
                        .filter(method(gate, "isOpen")) // paused during this poll: the rest stays in in/
                        .convertBodyTo(File.class)
                        .process(exchange -> exchange.getMessage().setBody(
                                exchange.getMessage().getBody(File.class).toPath()))
                        // a full group is taken at once, the rest when the poll ends (GatedPollStrategy): a
                        // group is what is ready, never waited for; taken in the poller's thread (not Camel's
                        // aggregator thread), so a file is gone from in/, or left to be retried, before the next
                        // poll lists it again, and a full deposit queue holds the poller, not a pile of groups
                        .aggregate(constant(true), AggregationStrategies.groupedBody())
                            .completionSize(intake.takeGroupSize())
                            .aggregateController(takeGroups)
                            .executorService(new SynchronousExecutorService())
                            .bean(reception, takeAll)
                            .split(body())
                                .bean(metrics, "received")
                                .recipientList(method(queues, "uriFor"));

                from("timer:intake-unlisted-" + id + "?period=" + intake.pollInterval().toMillis())
                        .routeId("intake-unlisted-" + id).autoStartup(enabled).startupOrder(order++)
                        .filter(method(gate, "isOpen"))
                            .setBody(constant(mailboxes.in(code, environment)))
                            .bean(unlistedEntries, "stable('" + code + "', ${body})")
                            .bean(reception, takeAll)
                            .split(body())
                                .bean(metrics, "received")
                                .recipientList(method(queues, "uriFor"));
            }
        }
    }

    String mailboxUri(String partnerCode, Environment environment, Intake intake, String pollStrategy) {
        return "file:" + mailboxes.in(partnerCode, environment)
                + "?noop=true&idempotent=false"               // we remove the file ourselves, once it is safe
                // temporary names wait for their rename; Camel reads a backslash as "/": see UnlistedEntries
                + "&exclude=RAW(" + SettledFileReadLock.TEMPORARY_NAMES + ")"
                + "&filter=#" + READ_LOCK                     // every file listed starts settling; only settled
                + "&exclusiveReadLockStrategy=#" + READ_LOCK  // ones are listed, checked again at the hand-over
                + "&readLockLoggingLevel=OFF"
                + "&delay=" + intake.pollInterval().toMillis()
                // a poll that handed files over polls again at once (greedy), held by the full deposit queue,
                // not by the poll delay: the workers are fed while settled files wait (issue 16)
                + "&maxMessagesPerPoll=200&greedy=true&sortBy=file:modified"
                + "&autoCreate=false"
                + "&pollStrategy=#" + pollStrategy;              // no poll while intake is paused; groups
    }
}
