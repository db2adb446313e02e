package org.achemine.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether intake may take files now: every {@link IntakeCondition} (disk space, database) holds. A
 * background check ({@link #check()}, every {@code achemine.intake.resource-check-interval}) re-evaluates
 * them; mailbox polls only read the last answer ({@link #isOpen()}), so the check costs nothing per file.
 * While closed, files stay in {@code in/} untouched: nothing is taken half-way. One ERROR is logged when
 * intake pauses and one INFO when it resumes, not one per poll.
 */
public class IntakeGate {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeGate.class);

    private final List<IntakeCondition> conditions;
    private final String dataFolder;
    private final Clock clock;
    private volatile Map<String, String> problems = Map.of();
    private volatile Instant checkedAt;

    /** @param dataFolder named in the log lines: an operator may run engines on several data folders */
    public IntakeGate(List<IntakeCondition> conditions, String dataFolder, Clock clock) {
        this.conditions = List.copyOf(conditions);
        this.dataFolder = dataFolder;
        this.clock = clock;
    }

    /** The last check's answer: true when nothing stops intake (also before the first check). */
    public boolean isOpen() {
        return problems.isEmpty();
    }

    /** Why intake is paused, by condition name; empty when open. */
    public Map<String, String> problems() {
        return problems;
    }

    public Optional<Instant> checkedAt() {
        return Optional.ofNullable(checkedAt);
    }

    /**
     * Checks every condition now and opens or closes the gate accordingly.
     *
     * @return true when this check re-opened a paused gate (flows a fault left unreported can be retried now)
     */
    public synchronized boolean check() {
        Map<String, String> found = new LinkedHashMap<>();
        for (IntakeCondition condition : conditions) {
            condition.problem().ifPresent(problem -> found.put(condition.name(), problem));
        }
        Map<String, String> before = problems;
        // Logged before the new state is published: whoever sees the gate move (health, a test) finds its log line.
        boolean resumed = false;
        if (before.isEmpty() && !found.isEmpty()) {
            LOG.error("Intake paused for {}: {}. Files stay in in/ and are taken once this clears.", dataFolder,
                    describe(found));
        } else if (!before.isEmpty() && found.isEmpty()) {
            LOG.info("Intake resumed for {}: disk space and database are available again", dataFolder);
            resumed = true;
        } else if (!before.keySet().equals(found.keySet()) && !found.isEmpty()) {
            LOG.warn("Intake still paused for {}, now because {}", dataFolder, describe(found));
        }
        problems = Map.copyOf(found);
        checkedAt = clock.instant();
        return resumed;
    }

    private static String describe(Map<String, String> problems) {
        return String.join("; ", problems.values());
    }
}
