package org.achemine.verify;

import java.util.List;
import org.achemine.mailbox.Mailboxes;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks a data folder against every invariant, one after the other, and returns one report. Run it on a
 * stopped engine (the H2 file is open by one process at a time): after a clean stop no temporary file may
 * be left, and with {@code drained} every flow and invoice must have reached its end.
 */
public final class InvariantChecker {

    private final List<Invariant> invariants;

    public InvariantChecker(List<Invariant> invariants) {
        this.invariants = List.copyOf(invariants);
    }

    /** The invariants docs/operations.md lists, in that order. */
    public static InvariantChecker standard() {
        return new InvariantChecker(List.of(
                new TakenFlowsArchivedAndReported(),
                new ArchiveHasNoOrphans(),
                new InboxesTaken(),
                new OutboxFilesAccountedFor(),
                new InvoicesDeliveredOrSentBack(),
                new EnvironmentsKeptApart(),
                new IntegrationReportPerRoutedFlow(),
                new LifecycleReportsExactlyOnce(),
                new PublicationsJournaled(),
                new NoTemporaryFiles(),
                new As2MessagesAccounted()));
    }

    public List<Invariant> invariants() {
        return invariants;
    }

    /**
     * @param drained the engine had drained its work before it stopped: pending work is then a violation
     * @throws IllegalStateException when an invariant could not be checked at all (unreadable folder,
     *                               database error): that is not a verdict, and is said so
     */
    public VerificationReport check(Mailboxes mailboxes, JdbcTemplate jdbc, boolean drained) {
        DataFolder data = new DataFolder(mailboxes, jdbc, drained);
        VerificationReport.Builder report = new VerificationReport.Builder(drained);
        for (Invariant invariant : invariants) {
            try {
                invariant.check(data, report);
            } catch (Exception e) {
                throw new IllegalStateException("Could not check invariant '" + invariant.name() + "' on "
                        + mailboxes.dataDir() + ": " + e.getMessage(), e);
            }
        }
        return report.build();
    }
}
