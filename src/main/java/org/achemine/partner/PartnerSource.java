package org.achemine.partner;

/** Who owns a partner's row: the configuration (rewritten at every start) or the {@code partner} command. */
public enum PartnerSource {
    CONFIG,
    COMMAND
}
