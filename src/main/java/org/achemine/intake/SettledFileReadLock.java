package org.achemine.intake;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.component.file.GenericFileOperations;

/**
 * The mailbox routes' filter and read lock: a file is handed over once it has settled ({@link Settling}: size
 * and date unchanged over {@code achemine.intake.read-lock-interval} by our clock). It never sleeps: a file not
 * settled yet is skipped and looked at again at the next poll, so one slow writer holds no poller. Camel's
 * {@code readLock=changed} with a minimum age compared the file's date with now, and never took a file dated
 * in the future (issue 11).
 * <p>
 * As the listing's filter, it observes every file listed and lets through only those already settled: a poll's
 * {@code maxMessagesPerPoll} then counts settled files, and a burst's files all start settling at the first
 * listing instead of a poll's worth at a time (issue 16). As the read lock, just before the hand-over, it checks
 * again, by a fresh look at the file, that it is still as it settled.
 * <p>
 * Camel asks the filter before it applies the route's {@code exclude} pattern: the filter skips by itself the names
 * that pattern excludes ({@link #TEMPORARY_NAMES}), so a partner's {@code *.tmp} or {@code *.part} being written
 * is never watched, only its final name once renamed.
 */
final class SettledFileReadLock implements GenericFileExclusiveReadLockStrategy<File>, GenericFileFilter<File> {

    /**
     * The names the mailbox routes exclude (their {@code exclude} option, matched whole, case ignored): hidden
     * names and {@code *.tmp}, {@code *.part} wait for their rename; a name Camel reads with a "/" holds a
     * backslash, {@link UnlistedEntries}' to take.
     */
    static final String TEMPORARY_NAMES = "(?is)^\\..*|.*\\.(tmp|part)$|.*/.*";

    private static final Pattern TEMPORARY = Pattern.compile(TEMPORARY_NAMES);

    private final Settling settling;

    SettledFileReadLock(Settling settling) {
        this.settling = settling;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory() || temporary(file)) {
            return false;
        }
        Path path = file.getFile().toPath().toAbsolutePath();
        // the listing's size and date: no second look at each of a burst's files; the look for a link only once
        // the file has settled (a settling one is skipped anyway: one system call fewer per file and listing)
        return settling.observe(path, file.getFileLength(), FileTime.fromMillis(file.getLastModified()))
                && !unlisted(path);
    }

    @Override
    public boolean acquireExclusiveReadLock(GenericFileOperations<File> operations, GenericFile<File> file,
                                            Exchange exchange) {
        File target = file.getFile();
        Path path = target.toPath().toAbsolutePath();
        return !temporary(file) && !unlisted(path) && settling.settled(path, target.length(), FileTime.fromMillis(target.lastModified()));
    }

    /** A name the route's exclude pattern leaves out, as Camel names it or as it is on disk. */
    private static boolean temporary(GenericFile<File> file) {
        return (file.getFileName() != null && TEMPORARY.matcher(file.getFileName()).matches())
                || TEMPORARY.matcher(file.getFile().getName()).matches();
    }

    /**
     * A dangling link, or one to a folder, is UnlistedEntries' to take: Camel lists it as a file (its size and
     * date read as 0, so it would settle), and two pollers would take it twice.
     */
    private static boolean unlisted(Path path) {
        return Files.isSymbolicLink(path) && !Files.isRegularFile(path);
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint) {
        // nothing left over from a previous run: no marker files
    }

    @Override
    public void releaseExclusiveReadLockOnAbort(GenericFileOperations<File> operations, GenericFile<File> file,
                                                Exchange exchange) {
        // no lock held
    }

    @Override
    public void releaseExclusiveReadLockOnRollback(GenericFileOperations<File> operations, GenericFile<File> file,
                                                   Exchange exchange) {
        // no lock held
    }

    @Override
    public void releaseExclusiveReadLockOnCommit(GenericFileOperations<File> operations, GenericFile<File> file,
                                                 Exchange exchange) {
        // no lock held
    }

    @Override
    public void setTimeout(long timeout) {
        // never waits
    }

    @Override
    public void setCheckInterval(long checkInterval) {
        // the interval is Settling's
    }

    @Override
    public void setReadLockLoggingLevel(LoggingLevel level) {
        // nothing logged per file
    }

    @Override
    public void setMarkerFiler(boolean markerFile) {
        // no marker files
    }

    @Override
    public void setDeleteOrphanLockFiles(boolean deleteOrphanLockFiles) {
        // no lock files
    }
}
