package org.achemine.batch;

/**
 * How many flows the intake has taken and not yet answered with their deposit report, read in memory (no query):
 * batch runs yield to it while it is high ({@link IntakeYield}). The intake provides it; without an intake (a
 * one-shot command) there is none and nothing yields.
 */
@FunctionalInterface
public interface IntakeBacklog {

    int flows();
}
