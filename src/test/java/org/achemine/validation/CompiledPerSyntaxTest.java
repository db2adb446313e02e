package org.achemine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The validate command compiles only the syntaxes its files have; the engine compiles both at start-up. */
class CompiledPerSyntaxTest {

    private final Map<Syntax, AtomicInteger> compilations = new ConcurrentHashMap<>();

    private String compile(Syntax family) {
        compilations.computeIfAbsent(family, f -> new AtomicInteger()).incrementAndGet();
        return "rules of " + family;
    }

    @Test
    void onFirstUseCompilesOnlyTheFamilyAskedForAndOnce() {
        // given rules compiled on first use
        CompiledPerSyntax<String> rules = new CompiledPerSyntax<>(this::compile, true);
        assertThat(compilations).isEmpty();

        // when UBL invoices and credit notes are asked for
        assertThat(rules.of(Syntax.UBL_INVOICE)).isEqualTo("rules of UBL_INVOICE");
        assertThat(rules.of(Syntax.UBL_CREDIT_NOTE)).isEqualTo("rules of UBL_INVOICE");

        // then the UBL rules were compiled once, and CII never
        assertThat(compilations).containsOnlyKeys(Syntax.UBL_INVOICE);
        assertThat(compilations.get(Syntax.UBL_INVOICE)).hasValue(1);
    }

    @Test
    void atStartUpCompilesBothFamiliesOnceBeforeAnyUse() {
        // given / when
        CompiledPerSyntax<String> rules = new CompiledPerSyntax<>(this::compile, false);

        // then
        assertThat(compilations).containsOnlyKeys(Syntax.UBL_INVOICE, Syntax.CII_D16B);
        assertThat(rules.of(Syntax.CII_D16B)).isEqualTo("rules of CII_D16B");
        assertThat(compilations.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    }

    @Test
    void callersAskingTogetherWaitForOneCompilation() throws Exception {
        // given rules compiled on first use and eight callers released at once
        CompiledPerSyntax<String> rules = new CompiledPerSyntax<>(this::compile, true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(callers.submit(() -> {
                    start.await();
                    return rules.of(Syntax.CII_D16B);
                }));
            }

            // when
            start.countDown();

            // then every caller got the rules, compiled once
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("rules of CII_D16B");
            }
            assertThat(compilations.get(Syntax.CII_D16B)).hasValue(1);
        } finally {
            callers.shutdownNow();
        }
    }
}
