package org.achemine.validation.report;

import java.util.List;
import java.util.stream.Stream;
import org.achemine.validation.CheckName;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.FlowState;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.Syntax;

/**
 * One file the {@code validate} command looked at, with what validation found: its flow verdict and the
 * state the acceptance policy gives it, or the processing error that stopped us reading it.
 *
 * @param file   the path as the user gave it (or as found under a directory they gave)
 * @param flow   the verdict, null when the file could not be processed
 * @param state  the acceptance policy's state (IN_INTEGRE = valid), null when not processed
 * @param error  what went wrong on our side, null when processed
 */
public record ValidatedFile(String file, FlowVerdict flow, FlowState state, String error) {

    public boolean valid() {
        return state == FlowState.IN_INTEGRE;
    }

    public boolean failed() {
        return error != null || flow.documents().stream().anyMatch(DocumentVerdict::hasError);
    }

    /** The syntax of the file's documents, null when unknown or mixed. */
    public Syntax syntax() {
        return flow == null ? null : flow.syntax();
    }

    /** Every finding: about the file, then each document's in pipeline order. */
    public Stream<Finding> findings() {
        if (flow == null) {
            return Stream.empty();
        }
        return Stream.concat(flow.flowFindings().stream(), flow.documents().stream().flatMap(DocumentVerdict::findings));
    }

    /** The findings grouped by the check that produced them, in pipeline order. */
    public List<Finding> findingsOf(CheckName check) {
        return findings().filter(f -> f.source() == check).toList();
    }
}
