package org.achemine.cli;

import java.util.List;
import org.achemine.batch.JobHistory.JobRun;
import org.achemine.partner.RegisteredPartner;
import org.achemine.report.OperatorQueries;

/**
 * What the read-only commands ask ({@code invoice}, {@code flow show|list}, {@code job list}, {@code partner list}):
 * answered by the database with nothing else started ({@link DatabaseQueries}) or by the running engine's read API
 * ({@link RunningEngine}), with the same records either way, so the commands print the same thing.
 */
interface CommandQueries extends OperatorQueries {

    /** The most recent job executions, newest first. */
    List<JobRun> jobs(int limit);

    /** Every partner in the database, by code. */
    List<RegisteredPartner> partners();
}
