package org.achemine.channel.sftp;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.sshd.common.file.FileSystemFactory;
import org.apache.sshd.common.file.root.RootedFileSystemProvider;
import org.apache.sshd.common.session.SessionContext;

/**
 * Each logged-in partner's file system: its own mailbox ({@code mailboxes/<code>/}) as the root of a rooted file
 * system, where {@code ..} and absolute paths resolve inside it. Only a partner code (AAA999) with a mailbox
 * gets one: no account name can point anywhere else.
 */
final class MailboxJail implements FileSystemFactory {

    private static final Pattern PARTNER_CODE = Pattern.compile("[A-Z]{3}[0-9]{3}");

    private final Path mailboxesRoot;

    MailboxJail(Path mailboxesRoot) {
        this.mailboxesRoot = mailboxesRoot;
    }

    @Override
    public Path getUserHomeDir(SessionContext session) throws IOException {
        String account = session.getUsername();
        if (account == null || !PARTNER_CODE.matcher(account).matches()) {
            throw new IOException("No mailbox for account " + account);
        }
        Path mailbox = mailboxesRoot.resolve(account);
        if (!Files.isDirectory(mailbox, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("No mailbox for partner " + account);
        }
        return mailbox;
    }

    @Override
    public FileSystem createFileSystem(SessionContext session) throws IOException {
        return new RootedFileSystemProvider().newFileSystem(getUserHomeDir(session), Map.of());
    }
}
