package org.achemine.lifecycle.updates;

import java.io.IOException;
import java.io.InputStream;

/** Opens a status file's bytes (the archived original, or bytes in memory); each call starts a new read. */
@FunctionalInterface
public interface StatusSource {
    InputStream open() throws IOException;
}
