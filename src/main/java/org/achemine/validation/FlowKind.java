package org.achemine.validation;

/** What a flow file is: one XML document, a Factur-X PDF carrying one, or a batch archive of XML documents. */
public enum FlowKind {
    XML,
    /** A PDF deposit: Factur-X (PDF/A-3 with its CII embedded), FSO1117A. */
    PDF,
    ZIP,
    TAR_GZ,
    /** Not a kind we take (refused at admissibility). */
    UNSUPPORTED;

    public boolean isArchive() {
        return this == ZIP || this == TAR_GZ;
    }
}
