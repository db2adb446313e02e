package org.achemine.channel.as2;

/** An MDN ready to send: its MIME body and the Content-Type that goes with it (with the boundary). */
public record Receipt(String messageId, String contentType, byte[] body) {
}
