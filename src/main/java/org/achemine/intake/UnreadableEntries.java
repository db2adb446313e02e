package org.achemine.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine's own permissions keep it from taking, said once (issue 11): an entry of {@code in/} it may
 * neither read nor move (a folder without write permission for us cannot change parents), and an {@code in/}
 * it may not list. Each gets one WARN line, without a stack trace, and is remembered until its size, date,
 * owner or permissions change (or it goes): polling it again every few seconds logs nothing more. Files it may
 * move are not here: the take moves them unread and refuses them, IRR_FICHIER_ILLISIBLE. Memory only: after a
 * restart each is said once more. Thread-safe.
 */
public class UnreadableEntries {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableEntries.class);

    /** What a change of the partner's mind would alter; {@code permissions} null where there are none (Windows). */
    record Fingerprint(long size, FileTime modified, String owner, String permissions) {
    }

    private final Map<Path, Fingerprint> said = new ConcurrentHashMap<>();

    /**
     * An entry the engine may not move out of {@code in/}: it stays there, unanswered (verify lists it).
     *
     * @return true when this was said now (first seen, or changed since it was said)
     */
    public boolean leftInPlace(String partner, Path entry, String why) {
        Fingerprint now = fingerprint(entry);
        if (now == null || now.equals(said.put(entry, now))) {
            return false;
        }
        LOG.warn("{}: {} stays in in/, unanswered: the engine may neither read nor move it ({}{}); it is taken once"
                + " its permissions let the engine read and move it", partner, entry, describe(now), why);
        return true;
    }

    /**
     * An {@code in/} the engine may not list: nothing dropped there can be seen, so nothing is answered.
     *
     * @return true when this was said now
     */
    public boolean unlistable(String partner, Path inbox, IOException cause) {
        Fingerprint now = fingerprint(inbox);
        if (now != null && now.equals(said.put(inbox, now))) {
            return false;
        }
        LOG.warn("{}: in/ {} cannot be listed by the engine ({}{}): nothing dropped there is taken until its"
                + " permissions let the engine list it", partner, inbox, now == null ? "" : describe(now),
                cause.getClass().getSimpleName());
        return true;
    }

    /** The inbox could be listed: if it was said unlistable, say once that it is back; forget its entries gone. */
    public void listed(String partner, Path inbox) {
        if (said.remove(inbox) != null) {
            LOG.info("{}: in/ {} can be listed again", partner, inbox);
        }
        said.keySet().removeIf(entry -> inbox.equals(entry.getParent()) && !Files.exists(entry, LinkOption.NOFOLLOW_LINKS));
    }

    private static Fingerprint fingerprint(Path entry) {
        try {
            PosixFileAttributes posix = Files.readAttributes(entry, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Fingerprint(posix.size(), posix.lastModifiedTime(), posix.owner().getName(),
                    PosixFilePermissions.toString(posix.permissions()));
        } catch (UnsupportedOperationException notPosix) {
            return basicFingerprint(entry);
        } catch (IOException gone) {
            return null; // cannot even be looked at (its folder is closed to us): said without its details
        }
    }

    private static Fingerprint basicFingerprint(Path entry) {
        try {
            BasicFileAttributes basic = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Fingerprint(basic.size(), basic.lastModifiedTime(), null, null);
        } catch (IOException gone) {
            return null;
        }
    }

    private static String describe(Fingerprint fingerprint) {
        return Objects.requireNonNullElse(fingerprint.permissions(), "?") + ", owner "
                + Objects.requireNonNullElse(fingerprint.owner(), "?") + ": ";
    }
}
