package org.achemine.channel.sftp;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import org.achemine.partner.PartnerKey;
import org.achemine.partner.PartnerRefusedException;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/** OpenSSH public key lines ({@code ssh-ed25519 AAAA... comment}, as in a {@code .pub} file) read and compared. */
public final class SshKeys {

    private SshKeys() {
    }

    /** The key of one OpenSSH public key line, with its SHA-256 fingerprint. */
    public static PartnerKey read(String line) {
        PublicKey key = publicKey(line);
        AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line.strip());
        String comment = entry.getComment() == null || entry.getComment().isBlank() ? null : entry.getComment();
        return new PartnerKey(KeyUtils.getFingerPrint(key), line.strip(), comment);
    }

    static PublicKey publicKey(String line) {
        try {
            AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line.strip());
            if (entry == null) {
                throw new PartnerRefusedException("Clé publique illisible : ligne vide");
            }
            return entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
        } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
            throw new PartnerRefusedException("Clé publique illisible (attendu une ligne OpenSSH, ex. le contenu"
                    + " d'un fichier .pub) : " + e.getMessage());
        }
    }

    static boolean matches(PartnerKey registered, PublicKey offered) {
        return KeyUtils.compareKeys(publicKey(registered.publicKey()), offered);
    }
}
