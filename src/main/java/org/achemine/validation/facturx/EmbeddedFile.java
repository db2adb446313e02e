package org.achemine.validation.facturx;

/**
 * A file a Factur-X PDF embeds besides its invoice (a supporting document: delivery note, timesheet...).
 *
 * @param fileName    its file specification's name ({@code UF}, else {@code F})
 * @param subtype     its stream's {@code Subtype}, a MIME type (e.g. {@code application/pdf}); null if absent
 * @param description the file specification's {@code Desc}, may be null
 * @param content     its decoded bytes, null when they were not read ({@code problem} says why)
 * @param size        the decoded size, or the stream's length when it was not decoded
 * @param problem     why it was not read (over the limits, an unread filter), null when it was
 */
public record EmbeddedFile(String fileName, String subtype, String description, byte[] content, long size,
                           String problem) {
}
