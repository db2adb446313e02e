package org.achemine.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import org.achemine.archive.FlowArchive;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What start-up does before the mailboxes are watched (ADR 0001): empties the archive's staging area
 * (copies of files still in {@code in/}), finishes the publications journaled before the stop, removes the
 * outboxes' other temporary files, settles interrupted takes whose source is already gone, and
 * lists the flows taken but not yet reported, to be validated and reported again. While another engine runs on
 * the same data folder (ADR 0019) the shared areas may hold its work in progress: staging, journaled
 * publications and temporary files are then left alone (a dead engine's are finished or swept by the next
 * engine that starts alone; its journaled publications are also finished when its flows are reported again).
 */
public class IntakeRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeRecovery.class);

    private final FlowArchive archive;
    private final FlowRegistry registry;
    private final Mailboxes mailboxes;
    private final PublicationJournal publications;
    private final boolean othersRunning;

    /** @param othersRunning another engine runs on this data folder now: the shared areas are not swept */
    public IntakeRecovery(FlowArchive archive, FlowRegistry registry, Mailboxes mailboxes,
                          PublicationJournal publications, boolean othersRunning) {
        this.othersRunning = othersRunning;
        this.publications = publications;
        this.archive = archive;
        this.registry = registry;
        this.mailboxes = mailboxes;
    }

    /** @return the flows to validate and report again, oldest first */
    public List<ReceivedFlow> recover() throws IOException {
        int staged = 0;
        if (othersRunning) {
            LOG.info("Recovery: another engine runs on this data folder; staging and temporary files left to it");
        } else {
            staged = archive.clearStaging();
            // journaled publications first: their temporary files are renamed, never swept
            publications.finishPending();
            int interruptedWrites = mailboxes.clearInterruptedWrites(publications.pendingTemporaries());
            if (interruptedWrites > 0) {
                LOG.info("Recovery: {} temporary files of interrupted report or delivery writes removed from out/",
                        interruptedWrites);
            }
        }
        for (ReceivedFlow interrupted : registry.interruptedTakes()) {
            if (Files.exists(interrupted.sourcePath(), LinkOption.NOFOLLOW_LINKS)) {
                continue; // still in in/: the mailbox route finishes its take when it sees it
            }
            if (Files.exists(interrupted.archivePath(), LinkOption.NOFOLLOW_LINKS)) {
                // Crashed between removing the source and recording it: the take is complete.
                registry.markSourceRemoved(interrupted.flowId());
            } else {
                LOG.error("Flow {}: {} was removed from in/ by someone else before it was archived;"
                        + " it cannot be processed", interrupted.flowId(), interrupted.sourcePath());
            }
        }
        List<ReceivedFlow> unreported = registry.unreported();
        if (staged > 0 || !unreported.isEmpty()) {
            LOG.info("Recovery: {} staged copies dropped, {} flows to validate and report", staged,
                    unreported.size());
        }
        return unreported;
    }
}
