package org.achemine.verify;

/** One broken invariant: its stable code and a message naming the flow, invoice or file concerned. */
public record Violation(ViolationCode code, String message) {

    @Override
    public String toString() {
        return code + " " + message;
    }
}
