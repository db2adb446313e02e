package org.achemine.partner;

/** Whether a partner may connect: a disabled partner's mailbox stays, but no channel lets it log in. */
public enum PartnerState {
    ACTIVE,
    DISABLED
}
