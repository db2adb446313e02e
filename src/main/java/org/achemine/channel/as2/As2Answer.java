package org.achemine.channel.as2;

import java.util.Map;

/** What the endpoint answers on the HTTP connection: a status, headers and a body (a synchronous MDN, or empty). */
public record As2Answer(int status, Map<String, String> headers, byte[] body) {
}
