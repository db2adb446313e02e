package org.achemine.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.achemine.qualification.EnvironmentCounts;
import org.achemine.batch.JobHistory.JobRun;

/**
 * The day at a glance, as the console's first page shows it: every number is read from the database at once.
 *
 * @param day         the day in the console's time zone (the platform clock's today)
 * @param byPartner   flows received that day per sending partner
 * @param byHour      the same per hour of the day (0..23, local), hours with none left out
 * @param byStatus    every invoice by its current status code, plus refusals at integration under "213"
 * @param topRefusals the most frequent blocking codes of the day, with a plain label
 * @param backlog     what is waiting
 * @param jobs        the last job runs
 * @param intakeOpen  whether intake takes files; {@code intakePausedBecause} why not (condition: problem)
 * @param qualification partners' tests (ADR 0025), all time: every other figure is production's only
 * @param yieldingToIntake the jobs waiting for a burst at the intake to drain, and since when (ADR 0029)
 */
public record Dashboard(LocalDate day, String zone, List<FlowCount> byPartner, List<FlowCount> byHour,
                        List<StatusCount> byStatus, List<CodeCount> topRefusals, Backlog backlog, List<JobRun> jobs,
                        boolean intakeOpen, Map<String, String> intakePausedBecause, Instant checkedAt,
                        EnvironmentCounts qualification, Map<String, Instant> yieldingToIntake) {

    /** Flows received, and of them fully accepted, partly accepted and refused (deposit verdict). */
    public record FlowCount(String key, long received, long accepted, long partial, long refused) {
    }

    public record StatusCount(String code, String label, long invoices) {
    }

    public record CodeCount(String code, String label, long documents) {
    }

    /**
     * @param flowsWaiting      flows taken and not yet answered (deposit report)
     * @param parkedFlows       flows parked after a broken check, waiting for an operator's retry
     * @param invoicesToRoute   accepted invoices not yet routed (production: a qualification invoice ends in 01)
     * @param unreportedChanges status changes not yet told to the supplier in a lifecycle report
     */
    public record Backlog(long flowsWaiting, long parkedFlows, long invoicesToRoute, long unreportedChanges) {
    }
}
