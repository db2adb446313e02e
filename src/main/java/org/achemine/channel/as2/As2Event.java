package org.achemine.channel.as2;

/** What the AS2 audit records ({@code as2_audit.event}); documented in docs/channels-as2.md. */
public enum As2Event {
    /** A message accepted: its payload is in the partner's {@code in/}, a positive receipt answered. */
    RECEIVED,
    /** A Message-ID already received from that partner: no second file, the original receipt sent again. */
    REPLAYED,
    /** A message refused (unknown sender, bad signature, undecryptable...): a negative receipt, nothing written. */
    REFUSED,
    /** An asynchronous receipt delivered to the URL the sender asked for. */
    MDN_SENT,
    /** An asynchronous receipt that could not be delivered (the sender gets it again when it resends). */
    MDN_FAILED,
    /** A published file pushed to a partner and acknowledged by a valid receipt. */
    PUSHED,
    /** A push that failed or was not acknowledged (retried with back-off). */
    PUSH_FAILED
}
