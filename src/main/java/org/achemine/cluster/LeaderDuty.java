package org.achemine.cluster;

/**
 * What a newly elected leader does before its schedules and triggers start, e.g. recovering the job runs a dead
 * leader left "running". Beans implementing it are called in order, on the thread that got the lead.
 */
public interface LeaderDuty {

    void takeOver();
}
