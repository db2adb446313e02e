package org.achemine.validation;

/**
 * "Do we accept it?", kept apart from "is it valid?" (the checks only record facts). A document is
 * accepted when no finding is fatal and no check broke; warnings never reject.
 */
public final class AcceptancePolicy {

    public boolean accepts(DocumentVerdict verdict) {
        return verdict.syntax() != null && !verdict.hasFatal() && !verdict.hasError();
    }

    /** The flow's state from its documents: all accepted, some accepted, or none. */
    public FlowState flowState(FlowVerdict flow) {
        if (flow.hasFlowFatal() || flow.documents().isEmpty()) {
            return FlowState.IN_REJETE;
        }
        long accepted = flow.documents().stream().filter(this::accepts).count();
        if (accepted == flow.documents().size()) {
            return FlowState.IN_INTEGRE;
        }
        return accepted == 0 ? FlowState.IN_REJETE : FlowState.IN_INTEGRE_PARTIEL;
    }
}
