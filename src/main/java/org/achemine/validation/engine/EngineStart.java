package org.achemine.validation.engine;

/**
 * How an engine prepares and runs its rules.
 *
 * @param compileOnFirstUse compile each syntax's schema and stylesheet when a document of it first comes (the
 *                          {@code validate} command: one UBL file compiles nothing of CII) instead of all at
 *                          start-up (the running engine: its first flow must not wait)
 * @param parallelWalks     let the EN 16931 pattern walks of a large invoice run on several cores; off, each
 *                          document is validated on one thread (the benchmark's one-thread figures)
 */
public record EngineStart(boolean compileOnFirstUse, boolean parallelWalks) {

    /** The running engine: everything compiled at start-up, large invoices' walks in parallel. */
    public static EngineStart atStartUp() {
        return new EngineStart(false, true);
    }

    /** The offline {@code validate} command: only what its files need, compiled when first needed. */
    public static EngineStart onFirstUse() {
        return new EngineStart(true, true);
    }

    /** The same, with every document validated on the calling thread alone. */
    public EngineStart oneThreadPerDocument() {
        return new EngineStart(compileOnFirstUse, false);
    }
}
