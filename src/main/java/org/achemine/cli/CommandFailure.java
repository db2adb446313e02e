package org.achemine.cli;

/**
 * A failure the user can fix (missing data folder, unknown option, database held by a running engine...):
 * one French line saying what to do, exit code 2.
 */
class CommandFailure extends RuntimeException {

    CommandFailure(String whatToDo) {
        super(whatToDo);
    }

    CommandFailure(String whatToDo, Throwable cause) {
        super(whatToDo, cause);
    }
}
