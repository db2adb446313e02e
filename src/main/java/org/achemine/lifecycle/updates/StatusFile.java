package org.achemine.lifecycle.updates;

import java.util.List;
import org.achemine.validation.Finding;

/**
 * A status file as read: findings about the whole file (a fatal one rejects it: nothing is applied) and
 * its status updates in file order.
 */
public record StatusFile(List<Finding> fileFindings, List<RawStatusLine> lines) {

    public StatusFile {
        fileFindings = List.copyOf(fileFindings);
        lines = List.copyOf(lines);
    }

    public static StatusFile rejected(List<Finding> findings) {
        return new StatusFile(findings, List.of());
    }

    public boolean rejected() {
        return fileFindings.stream().anyMatch(Finding::isFatal);
    }
}
