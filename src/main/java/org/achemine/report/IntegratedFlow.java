package org.achemine.report;

import java.util.List;

/**
 * A flow after routing: what its integration report (CR d'intégration) says, document by document.
 *
 * @param flow          the flow file as received
 * @param chorusSyntax  Chorus syntaxeFlux of the flow, when known
 * @param interfaceCode Chorus interface code, when known
 * @param documents     every document of the flow, in order
 */
public record IntegratedFlow(ReportedFlow flow, String chorusSyntax, String interfaceCode,
                             List<IntegratedDocument> documents) {

    public IntegratedFlow {
        documents = List.copyOf(documents);
    }

    /**
     * One document: accepted at deposit and then routed ({@code statusCode} 03, or 04/05 with a reason), or
     * rejected at deposit ({@code statusCode} null, {@code reasonCode} its first fatal finding).
     */
    public record IntegratedDocument(int rank, String invoiceId, String entryName, String chorusSyntax,
                                     String invoiceNumber, String supplierId, String buyerId, String statusCode,
                                     String statusLabel, String reasonCode, String reasonSource, String reasonMessage) {

        public boolean delivered() {
            return "03".equals(statusCode);
        }
    }
}
