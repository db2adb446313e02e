package org.achemine.validation.admissibility;

import java.util.List;
import org.achemine.validation.Finding;
import org.achemine.validation.FlowKind;

/** What the file-level admissibility check decided: the flow's kind and any findings about the file. */
public record FileAdmission(FlowKind kind, List<Finding> findings) {

    public FileAdmission {
        findings = List.copyOf(findings);
    }

    public boolean admitted() {
        return kind != FlowKind.UNSUPPORTED && findings.stream().noneMatch(Finding::isFatal);
    }
}
