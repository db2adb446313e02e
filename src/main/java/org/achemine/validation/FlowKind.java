package org.achemine.validation;

/** What a flow file is: one XML document, or a batch archive of XML documents. */
public enum FlowKind {
    XML,
    ZIP,
    TAR_GZ,
    /** Not a kind we take (refused at admissibility). */
    UNSUPPORTED;

    public boolean isArchive() {
        return this == ZIP || this == TAR_GZ;
    }
}
