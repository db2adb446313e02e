package org.achemine.intake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.achemine.publication.PublicationJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes validated flows' deposit reports in groups on one answering thread of its own, so that flows share
 * their commits and the workers never wait for a commit or a sync (issue 16, ADR 0001 "Answers in groups"): a
 * worker that has validated a flow queues its answer and goes back to validating; the answering thread takes
 * whatever waits (up to {@code achemine.intake.answer-group-size}: never waited for to fill) and writes it as one
 * {@link PublicationJournal#publishGroups}, then the next. While it writes, both workers validate, so a burst's
 * groups hold the flows validated during the previous group's commits and syncs. One commit per group: a group's
 * {@code PUBLISHED} marks and flows {@code REPORTED} ride in the next group's {@code PENDING} commit when one is
 * already waiting, else they are committed alone at once (ADR 0001, "One commit per answer group"). A flow whose
 * answer fails fails alone. While queued, and until its {@code REPORTED} is committed, a flow stays in its
 * worker's hands (claimed, in progress): it is never submitted twice. {@link #close} writes what is queued,
 * then stops the thread.
 */
public class DepositAnswers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DepositAnswers.class);

    /** A validated flow's answer: its reports and records, and what to do once written or failed. */
    public record Answer(PublicationJournal.Group publication, CompletableFuture<Void> written) {
    }

    private final PublicationJournal publications;
    private final int groupSize;
    private final Deque<Answer> waiting = new ArrayDeque<>();
    private final Thread answering;
    private boolean closing;
    private long groups;
    private long answered;

    /** @param groupSize most answers in one group (1: each flow its own commits, as before issue 16) */
    public DepositAnswers(PublicationJournal publications, int groupSize) {
        if (groupSize < 1) {
            throw new IllegalArgumentException("achemine.intake.answer-group-size must be at least 1");
        }
        this.publications = publications;
        this.groupSize = groupSize;
        this.answering = new Thread(this::answerWhatIsReady, "deposit-answers");
        this.answering.setDaemon(true); // a kill loses queued answers the same way: their flows are still RECEIVED
        this.answering.start();
    }

    /**
     * Queues the answer and returns (its future completes once written or failed). A worker does not queue more
     * than two groups ahead of the answering thread: past that it waits, so reports never pile up in memory.
     */
    public void answer(Answer answer) throws InterruptedException {
        synchronized (this) {
            while (!closing && waiting.size() >= 2 * groupSize) {
                wait();
            }
            if (closing) {
                answer.written().completeExceptionally(new IllegalStateException(
                        "The engine stops: the flow is answered at the next start"));
                return;
            }
            waiting.add(answer);
            notifyAll();
        }
    }

    /** Groups written so far and the answers they held: a burst's mean group size (benchmarks, tests). */
    public synchronized long[] groupsAndAnswers() {
        return new long[] {groups, answered};
    }

    /** Writes the answers still queued, then stops the answering thread. */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        answering.join(TimeUnit.MINUTES.toMillis(1));
    }

    /** Answers whose reports are renamed into place, their marks and REPORTED not yet committed. */
    private record Owed(PublicationJournal.Renamed renamed, List<Answer> answers) {

        static final Owed NONE = new Owed(PublicationJournal.Renamed.NONE, List.of());
    }

    private void answerWhatIsReady() {
        Owed owed = Owed.NONE;
        List<Answer> group = nextGroup();
        while (!group.isEmpty()) {
            owed = write(group, owed);
            if (!anyWaiting()) {
                owed = commitAlone(owed); // no group follows to carry the marks: nothing waits on them
            }
            group = nextGroup();
        }
        commitAlone(owed);
    }

    private synchronized boolean anyWaiting() {
        return !waiting.isEmpty();
    }

    private Owed commitAlone(Owed owed) {
        try {
            publications.markPublished(owed.renamed());
        } catch (RuntimeException | Error failed) {
            owed.answers().forEach(answer -> answer.written().completeExceptionally(failed));
            return Owed.NONE;
        }
        owed.answers().forEach(answer -> answer.written().complete(null));
        return Owed.NONE;
    }

    /** Up to a group of the answers waiting, waiting for one if none; empty once closing with none left. */
    private synchronized List<Answer> nextGroup() {
        while (waiting.isEmpty() && !closing) {
            try {
                wait();
            } catch (InterruptedException stopping) {
                closing = true;
            }
        }
        List<Answer> group = new ArrayList<>(Math.min(groupSize, waiting.size()));
        while (group.size() < groupSize && !waiting.isEmpty()) {
            group.add(waiting.poll());
        }
        groups += group.isEmpty() ? 0 : 1;
        answered += group.size();
        notifyAll();
        return group;
    }

    /** Writes the group, committing the previous group's marks with it; returns what the group owes in turn. */
    private Owed write(List<Answer> group, Owed owed) {
        PublicationJournal.Answered answered;
        try {
            answered = publications.publishGroups(group.stream().map(Answer::publication).toList(), owed.renamed());
        } catch (RuntimeException | Error unexpected) {
            LOG.warn("A group of {} answers failed whole; each flow is retried", group.size(), unexpected);
            group.forEach(answer -> answer.written().completeExceptionally(unexpected));
            owed.answers().forEach(answer -> answer.written().completeExceptionally(unexpected));
            return Owed.NONE;
        }
        for (Answer answer : owed.answers()) {
            if (answered.owedFailure() == null) {
                answer.written().complete(null);
            } else {
                answer.written().completeExceptionally(answered.owedFailure());
            }
        }
        List<Answer> renamed = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            if (answered.failures().get(i) == null) {
                renamed.add(group.get(i));
            } else {
                group.get(i).written().completeExceptionally(answered.failures().get(i));
            }
        }
        if (answered.renamed().isEmpty()) { // done on their own (a shared step failed): nothing owed
            renamed.forEach(answer -> answer.written().complete(null));
            return Owed.NONE;
        }
        return new Owed(answered.renamed(), renamed);
    }
}
