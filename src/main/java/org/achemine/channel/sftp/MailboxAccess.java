package org.achemine.channel.sftp;

import java.util.List;
import java.util.Optional;
import org.achemine.qualification.Environment;

/**
 * What a partner may do in its mailbox, seen as its root: list the root, {@code in/} and {@code out/}; in
 * {@code in/} upload, read, rename (within {@code in/}) and delete its files not yet taken; in {@code out/}
 * read and delete. The same in its qualification mailbox {@code qualif/in/} and {@code qualif/out/}.
 * Nothing else: no folder made or removed, no link, nothing deeper, no other name.
 * Paths are the jail's own (already resolved inside it: {@code ..} and absolute paths cannot leave it).
 */
final class MailboxAccess {

    enum Operation { LIST, STAT, READ, WRITE, DELETE, RENAME_FROM, RENAME_TO, MAKE_FOLDER, REMOVE_FOLDER, LINK }

    private static final int MAX_NAME = 255;

    private MailboxAccess() {
    }

    /** @return why the operation is refused, or empty when it is allowed */
    static Optional<String> refusal(Operation operation, List<String> path) {
        if (!path.isEmpty() && path.get(0).equals(Environment.QUALIFICATION_FOLDER)) {
            // qualif/ holds the same in/ and out/ under the same rules (ADR 0025); qualif/ itself is only listed
            if (path.size() == 1) {
                return operation == Operation.LIST || operation == Operation.STAT ? Optional.empty()
                        : Optional.of("only files in in/ and out/ can be read or written");
            }
            return boxRefusal(operation, path.subList(1, path.size()));
        }
        return boxRefusal(operation, path);
    }

    private static Optional<String> boxRefusal(Operation operation, List<String> path) {
        if (operation == Operation.LINK) {
            return Optional.of("links are not allowed");
        }
        if (operation == Operation.MAKE_FOLDER || operation == Operation.REMOVE_FOLDER) {
            return Optional.of("folders cannot be made or removed");
        }
        if (path.isEmpty() || (path.size() == 1 && isBox(path.get(0)))) {
            return operation == Operation.LIST || operation == Operation.STAT ? Optional.empty()
                    : Optional.of("only files in in/ and out/ can be read or written");
        }
        if (path.size() != 2 || !isBox(path.get(0))) {
            return Optional.of("only in/ and out/ are visible");
        }
        String name = path.get(1);
        if (name.length() > MAX_NAME || name.contains("\\") || name.indexOf('\0') >= 0) {
            return Optional.of("file name refused");
        }
        boolean in = path.get(0).equals("in");
        return switch (operation) {
            case STAT, READ, DELETE -> Optional.empty();
            case WRITE, RENAME_FROM, RENAME_TO -> in ? Optional.empty() : Optional.of("out/ is read-only: read, then delete");
            default -> Optional.of("not allowed");
        };
    }

    private static boolean isBox(String name) {
        return name.equals("in") || name.equals("out");
    }
}
