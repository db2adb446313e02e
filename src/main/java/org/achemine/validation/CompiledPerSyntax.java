package org.achemine.validation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * What a check compiles for each syntax family (UBL 2.1, Invoice and CreditNote together; CII D16B): compiled
 * once, either both at start-up (the engine: the first flow must not wait, and a broken artifact stops the start)
 * or each on first use (the {@code validate} command compiles only what its files need). Thread-safe: callers
 * that ask for a family being compiled wait for it.
 *
 * @param <T> the compiled form (a schema, a stylesheet)
 */
public final class CompiledPerSyntax<T> {

    private final Once<T> ubl;
    private final Once<T> cii;

    /**
     * @param compiler   compiles the rules of a family, given {@link Syntax#UBL_INVOICE} or {@link Syntax#CII_D16B}
     * @param onFirstUse compile each family when it is first asked for, instead of both now (in parallel)
     */
    public CompiledPerSyntax(Function<Syntax, T> compiler, boolean onFirstUse) {
        this.ubl = new Once<>(() -> compiler.apply(Syntax.UBL_INVOICE));
        this.cii = new Once<>(() -> compiler.apply(Syntax.CII_D16B));
        if (!onFirstUse) {
            CompletableFuture<T> ciiLater = CompletableFuture.supplyAsync(cii::get);
            ubl.get();
            try {
                ciiLater.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    /** The compiled rules of this syntax's family, compiled now if they were not yet. */
    public T of(Syntax syntax) {
        return syntax.isUbl() ? ubl.get() : cii.get();
    }

    /** A value computed at most once, by the first caller; the others wait for it. */
    private static final class Once<T> {

        private final java.util.function.Supplier<T> compute;
        private volatile T value;

        Once(java.util.function.Supplier<T> compute) {
            this.compute = compute;
        }

        T get() {
            T seen = value;
            if (seen == null) {
                synchronized (this) {
                    seen = value;
                    if (seen == null) {
                        seen = compute.get();
                        value = seen;
                    }
                }
            }
            return seen;
        }
    }
}
