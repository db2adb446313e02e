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
     * One document: integrated and delivered ({@code statusCode}, 03), refused at integration by a platform
     * check ({@code reasonCode} a ROUTAGE_* code, reform status 213 with its reason, no invoice status), or
     * rejected at deposit ({@code reasonCode} its first fatal finding).
     */
    public record IntegratedDocument(int rank, String invoiceId, String entryName, String chorusSyntax,
                                     String invoiceNumber, String supplierId, String buyerId, String statusCode,
                                     String statusLabel, String reasonCode, String reasonSource, String reasonMessage,
                                     String reformStatus, String reformReason) {

        /** Integrated: an invoice with a Chorus status (delivered in the same transaction). */
        public boolean delivered() {
            return statusCode != null;
        }

        /** Refused at integration by one of the platform's checks. */
        public boolean refusedAtIntegration() {
            return reformStatus != null;
        }

        public IntegratedDocument integrated(String status, String label) {
            return new IntegratedDocument(rank, invoiceId, entryName, chorusSyntax, invoiceNumber, supplierId, buyerId,
                    status, label, null, null, null, null, null);
        }

        public IntegratedDocument refused(String code, String message, String reformStatusCode, String reformReasonCode) {
            return new IntegratedDocument(rank, invoiceId, entryName, chorusSyntax, invoiceNumber, supplierId, buyerId,
                    null, null, code, "routing", message, reformStatusCode, reformReasonCode);
        }

        public IntegratedDocument rejectedAtDeposit(String code, String source, String message) {
            return new IntegratedDocument(rank, invoiceId, entryName, chorusSyntax, invoiceNumber, supplierId, buyerId,
                    null, null, code, source, message, null, null);
        }
    }
}
