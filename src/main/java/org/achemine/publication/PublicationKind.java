package org.achemine.publication;

/** What a published file is; stored in the journal, and counted by {@code verify}. */
public enum PublicationKind {
    /** A flow's deposit report (CR de dépôt), {@code <flowId>_<name>.cr.xml}. */
    DEPOSIT_REPORT,
    /**
     * The report answering a flow parked after its checks broke ({@code ERR_TECHNIQUE}, the incident id),
     * {@code <flowId>_<name>.<incident id>.cr.xml}.
     */
    INCIDENT_REPORT,
    /** A flow's deposit report in Chorus's format (CPPStatut), {@code FSO<nnnn>A_<platform>_<flowId>.xml}. */
    DEPOSIT_CPPSTATUT,
    /** A status flow's report, named like a deposit report. */
    STATUS_REPORT,
    /** A flow's integration report, {@code <flowId>_<name>.integration.xml}. */
    INTEGRATION_REPORT,
    /** A flow's integration report in Chorus's format (CPPStatut), {@code CSO<nnnn>A_<platform>_<flowId>.xml}. */
    INTEGRATION_CPPSTATUT,
    /** An invoice in its recipient's mailbox, first or again ({@code _COMPLETEE_}, {@code _RECYCLEE_}). */
    DELIVERY,
    /** The status notice sent with an invoice delivered again after a completion. */
    COMPLETION_NOTICE,
    /**
     * A document a completion bundle brought, to an original-format recipient:
     * {@code <invoiceId>_COMPLETEE[n]_PJ<rank>_<name>} (ADR 0023).
     */
    COMPLETION_DOCUMENT,
    /** A lifecycle report to a supplier (CPPStatut), {@code FEN1200A_<platform>_<reportId>.xml}. */
    LIFECYCLE_REPORT,
    /** A daily dashboard, {@code tableau-de-bord-YYYY-MM-DD.csv}: a snapshot, replaced by a later run the same day. */
    DAILY_SUMMARY
}
