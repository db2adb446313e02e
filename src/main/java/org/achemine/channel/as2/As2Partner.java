package org.achemine.channel.as2;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;

/** A partner connected over AS2: its code, AS2 id, URL and certificate, registered at a time of the platform. */
public record As2Partner(String code, String as2Id, URI url, X509Certificate certificate, Instant registeredAt) {
}
