package org.achemine.archive;

import java.nio.file.Path;

/**
 * An original copied into the archive's staging area, with what was learnt while copying it.
 *
 * @param staged where the copy waits until it is published under its flow id
 * @param sha256 lower-case hex SHA-256 of the bytes copied
 * @param size   number of bytes copied
 */
public record ArchivedOriginal(Path staged, String sha256, long size) {
}
