package org.achemine.validation;

import java.util.List;

/**
 * Everything validation learnt about one flow (one file): findings about the file itself (empty, too big,
 * corrupt archive...) and one verdict per document it holds, in the order they appear.
 */
public record FlowVerdict(FlowKind kind, List<Finding> flowFindings, List<DocumentVerdict> documents) {

    public FlowVerdict {
        flowFindings = List.copyOf(flowFindings);
        documents = List.copyOf(documents);
    }

    public static FlowVerdict refused(FlowKind kind, List<Finding> findings) {
        return new FlowVerdict(kind, findings, List.of());
    }

    /** This verdict with one more finding about the file (e.g. a warning the intake knows of). */
    public FlowVerdict withFlowFinding(Finding finding) {
        List<Finding> findings = new java.util.ArrayList<>(flowFindings);
        findings.add(finding);
        return new FlowVerdict(kind, findings, documents);
    }

    public boolean hasFlowFatal() {
        return flowFindings.stream().anyMatch(Finding::isFatal);
    }

    /** The syntax of the flow: that of its documents when they agree, null otherwise. */
    public Syntax syntax() {
        List<Syntax> syntaxes = documents.stream().map(DocumentVerdict::syntax).distinct().toList();
        return syntaxes.size() == 1 ? syntaxes.get(0) : null;
    }
}
