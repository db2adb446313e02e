package org.achemine.channel.as2;

import java.util.Map;
import java.util.TreeMap;

/** An HTTP POST to the AS2 endpoint: its headers (names case-insensitive), its body and who sent it. */
public record As2Request(Map<String, String> headers, byte[] body, String remote) {

    public As2Request {
        TreeMap<String, String> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        insensitive.putAll(headers);
        headers = insensitive;
    }

    /** A header's value, without the quotes RFC 4130 allows around AS2 ids; null when absent or blank. */
    public String header(String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.trim();
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
