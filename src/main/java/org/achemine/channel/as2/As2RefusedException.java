package org.achemine.channel.as2;

/** A key, certificate or partner setting refused, with the French message the operator reads. */
public class As2RefusedException extends RuntimeException {

    public As2RefusedException(String message) {
        super(message);
    }

    public As2RefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
