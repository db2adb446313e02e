package org.achemine.intake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.achemine.publication.PublicationJournal;

/**
 * Publishes validated flows' deposit reports in groups, so that flows share their commits (issue 16, ADR 0001
 * "Answers in groups"): a worker that has validated a flow queues its answer; if no other worker is writing
 * answers now, it writes the group itself (its own and whatever else waits, up to {@code achemine.intake.answer-group-size}),
 * then the next group if more came meanwhile; otherwise it goes back to validating and the writing worker takes
 * its answer in its next group. A lone flow is written at once (a group is whatever is ready, never waited for).
 * Each group is one {@link PublicationJournal#publishGroups}: one commit journals every report {@code PENDING}
 * with every verdict, one commit marks them {@code PUBLISHED} with every flow REPORTED; a flow whose answer fails
 * fails alone. While queued, a flow stays in its worker's hands (claimed, in progress): it is never submitted twice.
 */
public class DepositAnswers {

    /** A validated flow's answer: its reports and records, and what to do once written or failed. */
    public record Answer(PublicationJournal.Group publication, CompletableFuture<Void> written) {
    }

    private final PublicationJournal publications;
    private final int groupSize;
    private final Deque<Answer> waiting = new ArrayDeque<>();
    private boolean writing;

    /** @param groupSize most answers in one group (1: each flow its own commits, as before issue 16) */
    public DepositAnswers(PublicationJournal publications, int groupSize) {
        if (groupSize < 1) {
            throw new IllegalArgumentException("achemine.intake.answer-group-size must be at least 1");
        }
        this.publications = publications;
        this.groupSize = groupSize;
    }

    /**
     * Queues the answer, and writes it with the others waiting unless another worker is writing: then returns at
     * once (the answer's future completes when that worker has written it). A worker does not queue more than
     * two groups ahead of the writer: past that it waits, so validated reports never pile up in memory.
     */
    public void answer(Answer answer) throws InterruptedException {
        synchronized (this) {
            while (writing && waiting.size() >= 2 * groupSize) {
                wait();
            }
            waiting.add(answer);
            if (writing) {
                return;
            }
            writing = true;
        }
        List<Answer> group = nextGroup();
        while (!group.isEmpty()) {
            write(group);
            group = nextGroup();
        }
    }

    /** Up to a group of the answers waiting; none left: this worker stops writing (under the same lock). */
    private synchronized List<Answer> nextGroup() {
        List<Answer> group = new ArrayList<>(Math.min(groupSize, waiting.size()));
        while (group.size() < groupSize && !waiting.isEmpty()) {
            group.add(waiting.poll());
        }
        writing = !group.isEmpty();
        notifyAll();
        return group;
    }

    private void write(List<Answer> group) {
        List<Exception> failures;
        try {
            failures = publications.publishGroups(group.stream().map(Answer::publication).toList());
        } catch (RuntimeException | Error unexpected) {
            group.forEach(answer -> answer.written().completeExceptionally(unexpected));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            if (failures.get(i) == null) {
                group.get(i).written().complete(null);
            } else {
                group.get(i).written().completeExceptionally(failures.get(i));
            }
        }
    }
}
