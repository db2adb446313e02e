package org.achemine.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.achemine.archive.ArchivedOriginal;
import org.achemine.archive.FlowArchive;
import org.achemine.channel.ChannelArrivals;
import org.achemine.qualification.Environment;
import org.achemine.validation.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one stable file from a partner's {@code in/}: copies it into the archive's staging area while
 * hashing it, stamps it with a flow id, records it, publishes the archived original, and only then removes
 * it from {@code in/}. A file whose take was interrupted by a crash is recognised (same partner, name and
 * SHA-256, source not removed) and its take is finished instead of starting a second flow (ADR 0001).
 * Links, special files, files over the size limit and files the engine may not read are taken without being
 * read ({@link #takeUnread}); what it may not even move stays in {@code in/}, said once ({@link UnreadableEntries}).
 */
public class FlowReception {

    private static final Logger LOG = LoggerFactory.getLogger(FlowReception.class);

    private final FlowArchive archive;
    private final FlowRegistry registry;
    private final InterfaceSniffer sniffer;
    private final String platformCode;
    private final Clock clock;
    private final long maxFileSize;
    private final UnreadableEntries unreadable;
    private final ChannelArrivals arrivals;
    private final FlowClaims claims;

    /**
     * @param maxFileSize larger files are taken unread and refused (IRR_TAILLE_F)
     * @param arrivals    how each file reached {@code in/}, recorded on its flow
     * @param claims      keeps another engine from taking the same file, and its flow until reported (ADR 0019)
     */
    public FlowReception(FlowArchive archive, FlowRegistry registry, InterfaceSniffer sniffer, String platformCode,
                         Clock clock, long maxFileSize, UnreadableEntries unreadable, ChannelArrivals arrivals,
                         FlowClaims claims) {
        this.claims = claims;
        this.unreadable = unreadable;
        FlowId.checkPlatformCode(platformCode);
        this.archive = archive;
        this.registry = registry;
        this.sniffer = sniffer;
        this.platformCode = platformCode;
        this.clock = clock;
        this.maxFileSize = maxFileSize;
        this.arrivals = arrivals;
    }

    /**
     * @param partnerCode the mailbox's partner
     * @param file        a stable file in that partner's {@code in/}
     * @return the flow, archived and recorded, its source removed: ready for validation; null when the file
     *         left {@code in/} before it was taken (nothing received), stays there because the engine may
     *         neither read nor move it (said once by {@link UnreadableEntries}), or another engine is taking it
     * @throws IntakeFault when the file could not be taken (it stays in {@code in/} and is retried)
     */
    public ReceivedFlow take(String partnerCode, Path file) {
        return take(partnerCode, Environment.PRODUCTION, file);
    }

    /**
     * @param environment production ({@code in/}) or qualification ({@code qualif/in}): recorded on the flow
     * @see #take(String, Path)
     */
    public ReceivedFlow take(String partnerCode, Environment environment, Path file) {
        GroupTake take = new GroupTake(partnerCode, environment);
        List<ReceivedFlow> flows = take.run(List.of(file));
        if (!take.faults.isEmpty()) {
            throw take.faults.get(0);
        }
        return flows.isEmpty() ? null : flows.get(0);
    }

    /**
     * Takes the files settled in one mailbox as one group (at most {@code achemine.intake.take-group-size}, the
     * caller's cut): each is staged as alone, then the group's rows are recorded in one transaction, forced to
     * disk once, the sources removed, and their removal recorded in one transaction (ADR 0001). A file that
     * could not be taken stays in {@code in/} and is retried, logged with its incident; the others are taken.
     *
     * @return the flows taken, ready for validation, in the order of {@code files}
     */
    public List<ReceivedFlow> takeAll(String partnerCode, Environment environment, List<Path> files) {
        GroupTake take = new GroupTake(partnerCode, environment);
        List<ReceivedFlow> flows = take.run(files);
        take.faults.forEach(fault -> LOG.warn(fault.getMessage()));
        return flows;
    }

    /** A file copied into staging, not yet recorded. */
    private record Staged(Path file, FileTime modifiedBefore, ArchivedOriginal copy) {
    }

    /** A staged file and the flow it is recorded as (new, or the one whose interrupted take it finishes). */
    private record Recorded(Staged staged, ReceivedFlow flow) {
    }

    /** One group's take: its claims, the faults of the files left in {@code in/}, each step once per group. */
    private final class GroupTake {

        private final String partnerCode;
        private final Environment environment;
        private final String mailbox;
        private final List<IntakeFault> faults = new ArrayList<>();

        GroupTake(String partnerCode, Environment environment) {
            this.partnerCode = partnerCode;
            this.environment = environment;
            // a qualification file may bear a production file's name: each mailbox its own claim
            this.mailbox = environment == Environment.PRODUCTION ? partnerCode : partnerCode + "/qualif";
        }

        List<ReceivedFlow> run(List<Path> files) {
            List<Path> claimed = new ArrayList<>();
            try {
                // a file listed by two polls before its group was taken is in it twice: taken once
                for (Path file : new LinkedHashSet<>(files)) {
                    if (claim(file)) {
                        claimed.add(file);
                    }
                }
                return takeClaimed(claimed);
            } finally {
                // done or failed: the next poll, of any engine, may try again
                claimed.forEach(file -> claims.releaseTake(mailbox, file.getFileName().toString()));
            }
        }

        private boolean claim(Path file) {
            try {
                if (claims.claimTake(mailbox, file.getFileName().toString())) {
                    return true;
                }
                LOG.debug("{} is being taken by another engine", file);
            } catch (RuntimeException e) {
                String incident = Incident.log("claiming the file", file.toString(), e);
                faults.add(new IntakeFault(incident, "Could not claim " + file + ": it stays in in/ and is retried", e));
            }
            return false;
        }

        private List<ReceivedFlow> takeClaimed(List<Path> files) {
            List<ReceivedFlow> taken = new ArrayList<>();
            List<Staged> staged = new ArrayList<>();
            for (Path file : files) {
                try {
                    stageOrTakeUnread(file, staged, taken);
                } catch (IOException | RuntimeException e) {
                    fail("taking the file", file, e);
                }
            }
            if (staged.isEmpty()) {
                return taken;
            }
            try {
                // the group's copies forced together: the file system shares its commits between them
                archive.forceStaged(staged.stream().map(Staged::copy).toList());
            } catch (IOException e) {
                staged.forEach(s -> discardQuietly(s.copy()));
                fail("forcing a group of " + staged.size() + " staged copies to disk", staged.get(0).file().getParent(), e);
                return taken;
            }
            List<Recorded> recorded = List.of();
            try {
                recorded = record(staged);
                List<Recorded> published = publish(recorded);
                forcePublished(published); // their archive folders, each once, before the sources leave in/
                registry.forceToDisk(); // the rows outlive a power cut before the partners' files leave in/
                List<Recorded> removed = removeSources(published);
                registry.markSourcesRemoved(removed.stream().map(r -> r.flow().flowId()).toList());
                for (Recorded flow : removed) {
                    LOG.info("Flow {}: taken {} from {} ({} bytes, sha256 {})", flow.flow().flowId(),
                            flow.flow().originalName(), partnerCode, flow.flow().size(), flow.flow().sha256());
                    taken.add(flow.flow());
                }
                return taken;
            } catch (RuntimeException e) {
                // the group's commit or sync failed: every file still in in/ is retried (an interrupted take is
                // finished under its flow id); those already removed are settled at the next start (ADR 0001)
                staged.forEach(s -> discardQuietly(s.copy()));
                fail("taking a group of " + staged.size() + " files", staged.get(0).file().getParent(), e);
                return taken;
            }
        }

        private void stageOrTakeUnread(Path file, List<Staged> staged, List<ReceivedFlow> taken) throws IOException {
            try {
                BasicFileAttributes before = attributes(file);
                if (!before.isRegularFile() || before.size() > maxFileSize) {
                    addIfTaken(taken, takeUnread(partnerCode, environment, file, before,
                            before.isRegularFile() ? "over the size limit" : "not a regular file"));
                    return;
                }
                try {
                    staged.add(new Staged(file, before.lastModifiedTime(), archive.stage(file)));
                } catch (AccessDeniedException closed) {
                    if (!file.toString().equals(closed.getFile())) {
                        throw closed; // our staging area, not the partner's file: our fault, retried
                    }
                    // the file's permissions forbid us to read it (mode 000...): refused unread, IRR_FICHIER_ILLISIBLE
                    addIfTaken(taken, takeUnread(partnerCode, environment, file, before,
                            "not readable by the engine: AccessDeniedException"));
                }
            } catch (NoSuchFileException vanished) {
                // Gone from in/ before its copy began (the partner took it back): nothing was received, so
                // there is no flow to answer. Once the copy has begun, the open file is read to its end.
                LOG.info("{} left in/ before it was taken: nothing received, no flow", file);
            }
        }

        /**
         * Each staged file as the flow whose interrupted take it finishes (same name and SHA-256, looked up once
         * for the group), or as a new flow; the new ones recorded in one transaction. Should the group's
         * transaction fail, each is recorded alone, so that one row the database refuses holds back no other.
         */
        private List<Recorded> record(List<Staged> staged) {
            Map<String, List<ReceivedFlow>> interrupted = new HashMap<>();
            for (ReceivedFlow flow : registry.interruptedTakes(partnerCode, environment,
                    staged.stream().map(s -> s.file().getFileName().toString()).distinct().toList())) {
                interrupted.computeIfAbsent(flow.originalName() + "/" + flow.sha256(), key -> new ArrayList<>()).add(flow);
            }
            List<ReceivedFlow> resumed = new ArrayList<>(staged.size()); // per file: the take it finishes, or null
            for (Staged file : staged) {
                String name = file.file().getFileName().toString();
                List<ReceivedFlow> earlier = interrupted.getOrDefault(name + "/" + file.copy().sha256(), List.of());
                resumed.add(earlier.isEmpty() ? null : earlier.remove(0));
            }
            // the new flows' ids drawn together, in the files' order (values of a take that then fails are skipped),
            // and how they arrived looked up together
            List<Staged> unrecorded = new ArrayList<>();
            for (int i = 0; i < staged.size(); i++) {
                if (resumed.get(i) == null) {
                    unrecorded.add(staged.get(i));
                }
            }
            long[] sequences = registry.nextSequences(unrecorded.size());
            List<ChannelArrivals.Arrival> arrived = arrivals.claimAll(partnerCode, unrecorded.stream()
                    .map(s -> new ChannelArrivals.Taking(s.file().getFileName().toString(), s.copy().sha256())).toList());
            List<Recorded> recorded = new ArrayList<>();
            Map<ReceivedFlow, FlowRegistry.Reception> fresh = new LinkedHashMap<>();
            int drawn = 0;
            for (int i = 0; i < staged.size(); i++) {
                Staged file = staged.get(i);
                String name = file.file().getFileName().toString();
                if (resumed.get(i) != null) {
                    LOG.info("Flow {}: finishing the take of {} interrupted by a stop", resumed.get(i).flowId(), file.file());
                    recorded.add(new Recorded(file, resumed.get(i)));
                    continue;
                }
                int n = drawn++;
                FlowId flowId = FlowId.of(platformCode, sniffer.interfaceNumber(name, file.copy().staged()),
                        sequences[n]);
                Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                ReceivedFlow flow = new ReceivedFlow(flowId, partnerCode, name, file.file().toAbsolutePath(),
                        file.copy().size(), file.copy().sha256(), receivedAt,
                        archive.pathFor(flowId.value(), receivedAt), environment);
                fresh.put(flow, new FlowRegistry.Reception(flow, arrived.get(n)));
                recorded.add(new Recorded(file, flow));
            }
            if (fresh.isEmpty()) {
                return recorded;
            }
            try {
                registry.insertReceived(List.copyOf(fresh.values())); // recorded before anything else happens to them
                return recorded;
            } catch (RuntimeException groupRefused) {
                if (fresh.size() == 1) {
                    throw groupRefused;
                }
                LOG.warn("Recording a group of {} flows failed; each is recorded alone", fresh.size(), groupRefused);
            }
            List<Recorded> alone = new ArrayList<>();
            for (Recorded flow : recorded) {
                FlowRegistry.Reception reception = fresh.get(flow.flow());
                try {
                    if (reception != null) {
                        registry.insertReceived(List.of(reception));
                    }
                    alone.add(flow);
                } catch (RuntimeException refused) {
                    discardQuietly(flow.staged().copy());
                    fail("recording the flow", flow.staged().file(), refused);
                }
            }
            return alone;
        }

        /** Claims each flow until reported, and publishes its archived original; a failed one stays in in/. */
        private List<Recorded> publish(List<Recorded> recorded) {
            List<Recorded> published = new ArrayList<>();
            for (Recorded flow : recorded) {
                try {
                    claims.claimFlow(flow.flow().flowId()); // ours until reported: no other engine's sweep takes it
                    archive.publish(flow.staged().copy(), flow.flow().archivePath());
                    published.add(flow);
                } catch (IOException | RuntimeException e) {
                    // recorded, source kept: the next poll finishes this take under the same flow id
                    discardQuietly(flow.staged().copy());
                    fail("archiving the file", flow.staged().file(), e);
                }
            }
            return published;
        }

        private void forcePublished(List<Recorded> published) {
            try {
                archive.forcePublished(published.stream().map(r -> r.flow().archivePath()).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e); // the group's sync failed: the group is retried as a whole
            }
        }

        private List<Recorded> removeSources(List<Recorded> published) {
            List<Recorded> removed = new ArrayList<>();
            for (Recorded flow : published) {
                Path file = flow.staged().file();
                try {
                    if (unchangedSince(file, flow.staged().modifiedBefore(), flow.flow().size())) {
                        removeSource(file);
                    } else {
                        // The partner wrote the same name again meanwhile: what we archived is this flow; the new
                        // content stays in in/ and becomes a flow of its own at the next poll.
                        LOG.warn("Flow {}: {} was replaced while being taken; its new content is left for the next"
                                + " poll", flow.flow().flowId(), file);
                    }
                    removed.add(flow);
                } catch (IOException | RuntimeException e) {
                    fail("removing the file from in/", file, e); // archived and recorded: finished at the next poll
                }
            }
            return removed;
        }

        private void fail(String activity, Path file, Exception e) {
            String incident = Incident.log(activity, file.toString(), e);
            faults.add(new IntakeFault(incident, "Could not take " + file + ": it stays in in/ and is retried", e));
        }
    }

    private static void addIfTaken(List<ReceivedFlow> taken, ReceivedFlow flow) {
        if (flow != null) {
            taken.add(flow);
        }
    }

    /**
     * A symbolic link, a special file (FIFO, device) or a file over the size limit is taken without reading a
     * byte of it: it is recorded (no SHA-256: nothing was read), then moved as is into the archive (a rename:
     * a link is moved, never followed). Validation refuses it from what the archive shows (IRR_LIEN,
     * IRR_TAILLE_F). A link could point anywhere on our disks, and a huge file would cost its size in time and
     * archive space before being refused. What the engine may not move either (a folder without write
     * permission for us cannot change parents) is left in {@code in/}, said once, and is not a flow (null).
     */
    private ReceivedFlow takeUnread(String partnerCode, Environment environment, Path file,
                                    BasicFileAttributes attributes, String why)
            throws IOException {
        if (attributes.isDirectory() && !Files.isWritable(file)) {
            unreadable.leftInPlace(partnerCode, file, "a folder without write permission for the engine");
            return null;
        }
        String name = file.getFileName().toString();
        Optional<ReceivedFlow> interrupted = registry.findInterruptedTake(partnerCode, environment, name, null);
        ReceivedFlow flow;
        if (interrupted.isPresent()) {
            flow = interrupted.get();
        } else {
            FlowId flowId = FlowId.of(platformCode, InterfaceSniffer.UNRECOGNISED, registry.nextSequence());
            Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            flow = new ReceivedFlow(flowId, partnerCode, name, file.toAbsolutePath(), attributes.size(), null,
                    receivedAt, archive.pathFor(flowId.value(), receivedAt), environment);
            registry.insertReceived(flow, arrivals.claim(partnerCode, name, null));
        }
        claims.claimFlow(flow.flowId());
        registry.forceToDisk();
        archive.moveUnread(file, flow.archivePath());
        registry.markSourceRemoved(flow.flowId());
        LOG.warn("Flow {}: taken {} from {} unread ({}, {} bytes): moved as is into the archive", flow.flowId(), name,
                partnerCode, why, flow.size());
        return flow;
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean unchangedSince(Path file, FileTime modifiedBefore, long stagedSize) throws IOException {
        try {
            BasicFileAttributes now = attributes(file);
            return now.lastModifiedTime().equals(modifiedBefore) && now.size() == stagedSize;
        } catch (NoSuchFileException gone) {
            return true; // removeSource says so
        }
    }

    private static void removeSource(Path file) throws IOException {
        try {
            Files.delete(file);
        } catch (NoSuchFileException alreadyGone) {
            // Removed by someone else after we archived it: the flow is safe, nothing left to do.
            LOG.warn("{} disappeared from in/ after it was archived", file);
        }
    }

    private void discardQuietly(ArchivedOriginal staged) {
        if (staged == null) {
            return;
        }
        try {
            archive.discard(staged);
        } catch (IOException e) {
            LOG.warn("Could not remove staged copy {} (removed at next start-up)", staged.staged(), e);
        }
    }
}
