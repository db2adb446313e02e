package org.achemine.directory;

/** An import whose content is unacceptable as a whole (too many bad rows): the directory in use is kept. */
public class DirectoryImportRefusedException extends RuntimeException {

    public DirectoryImportRefusedException(String message) {
        super(message);
    }
}
