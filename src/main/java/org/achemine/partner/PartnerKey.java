package org.achemine.partner;

/**
 * A public key a partner's system logs in with.
 *
 * @param fingerprint {@code SHA256:...}, as {@code ssh-keygen -l} prints it
 * @param publicKey   the OpenSSH public key line ({@code ssh-ed25519 AAAA... comment})
 * @param comment     the key's comment, if any
 */
public record PartnerKey(String fingerprint, String publicKey, String comment) {
}
