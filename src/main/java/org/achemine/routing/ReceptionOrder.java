package org.achemine.routing;

/**
 * Which invoice came first: the one whose flow was received first (received-at, then the flow id's
 * sequence, never the whole id as text, whose interface number would put every UBL flow before any CII or
 * batch flow), then the rank in the flow as a number (rank 2 before rank 10).
 */
final class ReceptionOrder {

    private ReceptionOrder() {
    }

    /** An ORDER BY list over a flow aliased {@code flow} and a row with a doc_rank aliased {@code document}. */
    static String of(String flow, String document) {
        // the flow id ends with its 15-digit sequence (FlowId): the order flows were taken in
        return "%1$s.received_at, RIGHT(%1$s.flow_id, 15), %2$s.doc_rank".formatted(flow, document);
    }
}
