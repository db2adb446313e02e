package org.achemine.intake;

import java.io.IOException;
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
import java.util.Optional;
import org.achemine.archive.ArchivedOriginal;
import org.achemine.archive.FlowArchive;
import org.achemine.channel.ChannelArrivals;
import org.achemine.qualification.Environment;
import org.achemine.validation.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

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
        String name = file.getFileName().toString();
        // a qualification file may bear a production file's name: each mailbox its own claim
        String mailbox = environment == Environment.PRODUCTION ? partnerCode : partnerCode + "/qualif";
        try {
            if (!claims.claimTake(mailbox, name)) {
                LOG.debug("{} is being taken by another engine", file);
                return null;
            }
        } catch (RuntimeException e) {
            String incident = Incident.log("claiming the file", file.toString(), e);
            throw new IntakeFault(incident, "Could not claim " + file + ": it stays in in/ and is retried", e);
        }
        try {
            return takeClaimed(partnerCode, environment, file);
        } finally {
            claims.releaseTake(mailbox, name); // done or failed: the next poll, of any engine, may try again
        }
    }

    private ReceivedFlow takeClaimed(String partnerCode, Environment environment, Path file) {
        ArchivedOriginal staged = null;
        try {
            BasicFileAttributes before = attributes(file);
            if (!before.isRegularFile() || before.size() > maxFileSize) {
                return takeUnread(partnerCode, environment, file, before,
                        before.isRegularFile() ? "over the size limit" : "not a regular file");
            }
            FileTime modifiedBefore = before.lastModifiedTime();
            try {
                staged = archive.stage(file);
            } catch (AccessDeniedException closed) {
                if (!file.toString().equals(closed.getFile())) {
                    throw closed; // our staging area, not the partner's file: our fault, retried
                }
                // the file's permissions forbid us to read it (mode 000...): refused unread, IRR_FICHIER_ILLISIBLE
                return takeUnread(partnerCode, environment, file, before, "not readable by the engine: AccessDeniedException");
            }
            String name = file.getFileName().toString();
            Optional<ReceivedFlow> interrupted = registry.findInterruptedTake(partnerCode, environment, name, staged.sha256());
            ReceivedFlow flow;
            if (interrupted.isPresent()) {
                flow = interrupted.get();
                LOG.info("Flow {}: finishing the take of {} interrupted by a stop", flow.flowId(), file);
            } else {
                FlowId flowId = FlowId.of(platformCode, sniffer.interfaceNumber(name, staged.staged()),
                        registry.nextSequence());
                Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                flow = new ReceivedFlow(flowId, partnerCode, name, file.toAbsolutePath(), staged.size(),
                        staged.sha256(), receivedAt, archive.pathFor(flowId.value(), receivedAt), environment);
                // recorded before anything else happens to it
                registry.insertReceived(flow, arrivals.claim(partnerCode, name, staged.sha256()));
            }
            claims.claimFlow(flow.flowId()); // ours until reported: no other engine's sweep takes it meanwhile
            MDC.put("flowId", flow.flowId().value());
            archive.publish(staged, flow.archivePath());
            staged = null;
            registry.forceToDisk(); // the row outlives a power cut before the partner's file leaves in/
            if (unchangedSince(file, modifiedBefore, flow.size())) {
                removeSource(file);
            } else {
                // The partner wrote the same name again meanwhile: what we archived is this flow; the new
                // content stays in in/ and becomes a flow of its own at the next poll.
                LOG.warn("Flow {}: {} was replaced while being taken; its new content is left for the next poll",
                        flow.flowId(), file);
            }
            registry.markSourceRemoved(flow.flowId());
            LOG.info("Flow {}: taken {} from {} ({} bytes, sha256 {})", flow.flowId(), name, partnerCode,
                    flow.size(), flow.sha256());
            return flow;
        } catch (NoSuchFileException vanished) {
            // Gone from in/ before its copy began (the partner took it back): nothing was received, so
            // there is no flow to answer. Once the copy has begun, the open file is read to its end.
            discardQuietly(staged);
            LOG.info("{} left in/ before it was taken: nothing received, no flow", file);
            return null;
        } catch (IOException | RuntimeException e) {
            discardQuietly(staged);
            String incident = Incident.log("taking the file", file.toString(), e);
            throw new IntakeFault(incident, "Could not take " + file + ": it stays in in/ and is retried", e);
        } finally {
            MDC.remove("flowId");
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
