package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.publication.PublicationKind;
import org.achemine.testing.MigratedDatabase;
import org.awaitility.Awaitility;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers are written by the answering thread, whatever is ready as one group sharing its commits, while the
 * workers go back to validating; a failing flow fails alone; closing writes what is queued. On the engine's H2
 * file, real {@code out/} folders.
 */
class DepositAnswersTest {

    @TempDir
    Path dataDir;

    private JdbcDataSource dataSource;
    private PublicationJournal journal;
    private Path out;
    private DepositAnswers answers;
    /** The transaction each answer's verdict record ran in (its connection holder: one per transaction). */
    private final Map<String, Object> verdictCommits = new ConcurrentHashMap<>();
    /** The transaction each answer's REPORTED record ran in. */
    private final Map<String, Object> reportedCommits = new ConcurrentHashMap<>();

    @BeforeEach
    void journal() {
        dataSource = MigratedDatabase.in(dataDir);
        TransactionTemplate ownCommit = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ownCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        Mailboxes mailboxes = new Mailboxes(dataDir, List.of());
        journal = new PublicationJournal(new JdbcTemplate(dataSource), ownCommit, mailboxes,
                Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC));
        out = mailboxes.out("FOU001");
        answers = new DepositAnswers(journal, 16);
        new JdbcTemplate(dataSource).execute("CREATE TABLE reported (flow VARCHAR(10))");
    }

    @AfterEach
    void stop() throws InterruptedException {
        answers.close();
    }

    @Test
    void aLoneFlowIsWrittenAtOnceNothingWaitsForAGroupToFill() throws Exception {
        DepositAnswers.Answer lone = answer("F1", () -> { });

        answers.answer(lone);

        lone.written().get(30, TimeUnit.SECONDS);
        assertThat(out.resolve("F1.xml")).hasContent("<cr F1/>");
        assertThat(answers.groupsAndAnswers()).containsExactly(1, 1);
    }

    @Test
    void flowsReadyWhileAGroupIsWrittenShareTheNextGroupsCommits() throws Exception {
        // when five flows are answered while F0 is written, their workers back at once
        List<DepositAnswers.Answer> others = answeredWhileF0IsWritten(flow -> () -> { });

        // then the answering thread wrote them as its next group: their five verdicts in one commit, not F0's
        assertThat(others).allMatch(a -> !a.written().isCompletedExceptionally());
        assertThat(commitsOf(verdictCommits, "F1", "F2", "F3", "F4", "F5")).hasSize(1).doesNotContain(verdictCommits.get("F0"));
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "SELECT COUNT(*) FROM publication WHERE state = 'PUBLISHED'", Integer.class)).isEqualTo(6);
        assertThat(answers.groupsAndAnswers()).containsExactly(2, 6);
    }

    @Test
    void aGroupsMarksRideInTheNextGroupsPendingCommitAndTheLastGroupsAreCommittedAlone() throws Exception {
        // when five flows are answered while F0 is written
        Map<String, Integer> reportedWhenCompleted = new ConcurrentHashMap<>();
        List<DepositAnswers.Answer> others = answeredWhileF0IsWritten(flow -> () -> { }, reportedWhenCompleted);

        // then F0's reports PUBLISHED and F0 REPORTED were committed with F1..F5's verdicts: one commit, not two
        assertThat(others).allMatch(a -> !a.written().isCompletedExceptionally());
        assertThat(reportedCommits.get("F0")).isSameAs(verdictCommits.get("F1"));
        // no group followed F1..F5: their marks were committed at once, alone, all together
        assertThat(commitsOf(reportedCommits, "F1", "F2", "F3", "F4", "F5")).hasSize(1)
                .doesNotContain(verdictCommits.get("F1"));
        assertThat(new JdbcTemplate(dataSource).queryForList(
                "SELECT DISTINCT state FROM publication", String.class)).containsExactly("PUBLISHED");
        // and each flow was let go (its future completed, its claim released) only once its REPORTED was committed
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reportedWhenCompleted.size() == 6);
        assertThat(reportedWhenCompleted).containsOnlyKeys("F0", "F1", "F2", "F3", "F4", "F5")
                .allSatisfy((flow, committed) -> assertThat(committed).as(flow).isEqualTo(1));
    }

    @Test
    void aFailingFlowInAGroupFailsAloneTheOthersAreWrittenEachOnItsOwn() throws Exception {
        // when five flows are answered while F0 is written, F3's verdict record breaking
        List<DepositAnswers.Answer> others = answeredWhileF0IsWritten(flow -> flow.equals("F3") ? () -> {
            throw new IllegalStateException("verdict of F3 refused");
        } : () -> { });

        // then F3 alone failed; the shared commit rolled back, the four others were written each on its own
        assertThat(others).filteredOn(a -> a.written().isCompletedExceptionally()).containsExactly(others.get(2));
        assertThat(verdictCommits.keySet()).containsExactlyInAnyOrder("F0", "F1", "F2", "F4", "F5");
        assertThat(commitsOf(verdictCommits, "F1", "F2", "F4", "F5")).hasSize(4);
        for (String flow : List.of("F0", "F1", "F2", "F4", "F5")) {
            assertThat(out.resolve(flow + ".xml")).hasContent("<cr " + flow + "/>");
        }
        assertThat(out.resolve("F3.xml")).doesNotExist();
    }

    @Test
    void closingWritesWhatIsQueuedThenRefusesNewAnswers() throws Exception {
        CountDownLatch firstInItsCommit = new CountDownLatch(1);
        CountDownLatch closing = new CountDownLatch(1);
        DepositAnswers.Answer first = answer("F0", () -> {
            firstInItsCommit.countDown();
            await(closing);
        });
        answers.answer(first);
        assertThat(firstInItsCommit.await(30, TimeUnit.SECONDS)).isTrue();
        DepositAnswers.Answer queued = answer("F1", () -> { });
        answers.answer(queued);

        Thread closer = new Thread(() -> {
            try {
                answers.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        closer.start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> closer.getState() != Thread.State.RUNNABLE
                && closer.getState() != Thread.State.NEW);
        closing.countDown();
        closer.join(30_000);

        // both written before the thread stopped; an answer after the stop fails at once (its flow is retried)
        assertThat(first.written()).isCompleted();
        assertThat(queued.written()).isCompleted();
        assertThat(out.resolve("F1.xml")).hasContent("<cr F1/>");
        DepositAnswers.Answer late = answer("F2", () -> { });
        answers.answer(late);
        assertThat(late.written()).isCompletedExceptionally();
        assertThat(out.resolve("F2.xml")).doesNotExist();
    }

    /**
     * The answering thread writes F0, held inside its verdict's commit, while five workers answer F1..F5: each is
     * back at once, its answer not yet written; then F0's commit is let go and the thread writes the next group.
     */
    private List<DepositAnswers.Answer> answeredWhileF0IsWritten(Function<String, Runnable> verdicts)
            throws Exception {
        return answeredWhileF0IsWritten(verdicts, new ConcurrentHashMap<>());
    }

    /** @param reportedWhenCompleted for each flow, its REPORTED rows committed when its future completed */
    private List<DepositAnswers.Answer> answeredWhileF0IsWritten(Function<String, Runnable> verdicts,
                                                                 Map<String, Integer> reportedWhenCompleted)
            throws Exception {
        CountDownLatch firstInItsCommit = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        DepositAnswers.Answer first = answer("F0", () -> {
            firstInItsCommit.countDown();
            await(othersQueued);
        });
        whenCompleted(first, "F0", reportedWhenCompleted);
        answers.answer(first);
        assertThat(firstInItsCommit.await(30, TimeUnit.SECONDS)).isTrue();
        List<DepositAnswers.Answer> others = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            others.add(answer("F" + i, verdicts.apply("F" + i)));
            whenCompleted(others.get(i - 1), "F" + i, reportedWhenCompleted);
        }
        ExecutorService workers = Executors.newFixedThreadPool(5);
        try {
            for (Future<Void> queued : others.stream().map(a -> workers.submit(() -> answer(answers, a))).toList()) {
                queued.get(30, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }
        assertThat(others).noneMatch(a -> a.written().isDone());
        othersQueued.countDown();
        first.written().get(30, TimeUnit.SECONDS);
        CompletableFuture.allOf(others.stream().map(a -> a.written().exceptionally(failed -> null))
                .toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        return others;
    }

    /** Counts, as the flow's future completes, its REPORTED rows another connection sees (committed ones). */
    private void whenCompleted(DepositAnswers.Answer answer, String flow, Map<String, Integer> reported) {
        answer.written().thenRun(() -> reported.put(flow, new JdbcTemplate(dataSource).queryForObject(
                "SELECT COUNT(*) FROM reported WHERE flow = ?", Integer.class, flow)));
    }

    private static Set<Object> commitsOf(Map<String, Object> recorded, String... flows) {
        Set<Object> commits = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String flow : flows) {
            commits.add(recorded.get(flow));
        }
        return commits;
    }

    /** A flow's answer: one report, its verdict record noting the transaction it ran in. */
    private DepositAnswers.Answer answer(String flow, Runnable verdict) {
        return new DepositAnswers.Answer(new PublicationJournal.Group(
                List.of(new PublicationJournal.Publication(PublicationKind.DEPOSIT_REPORT, flow,
                        out.resolve(flow + ".xml"), () -> ("<cr " + flow + "/>").getBytes(StandardCharsets.UTF_8))),
                () -> {
                    verdict.run();
                    verdictCommits.put(flow, TransactionSynchronizationManager.getResource(dataSource));
                }, () -> {
                    new JdbcTemplate(dataSource).update("INSERT INTO reported VALUES (?)", flow);
                    reportedCommits.put(flow, TransactionSynchronizationManager.getResource(dataSource));
                }), new CompletableFuture<>());
    }

    private static Void answer(DepositAnswers answers, DepositAnswers.Answer answer) throws InterruptedException {
        answers.answer(answer);
        return null;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other answers were never queued");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
