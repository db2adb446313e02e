package org.achemine.intake;

import java.util.regex.Pattern;

/**
 * A flow's identifier, Chorus-like (FACTS §1.3): the 6-character platform code, the 4-digit interface
 * number, then a 15-digit sequence, e.g. {@code ACH0011100000000000000042}. Ids of one platform sort in the
 * order flows were taken within one interface number; the sequence alone is unique and monotonic.
 */
public record FlowId(String value) implements Comparable<FlowId> {

    private static final Pattern FORM = Pattern.compile("[A-Z0-9]{6}[0-9]{4}[0-9]{15}");
    private static final Pattern PLATFORM_CODE = Pattern.compile("[A-Z0-9]{6}");
    static final long MAX_SEQUENCE = 999_999_999_999_999L;

    public FlowId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a flow id (6 + 4 + 15 characters): " + value);
        }
    }

    public static FlowId of(String platformCode, String interfaceNumber, long sequence) {
        checkPlatformCode(platformCode);
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("Flow sequence out of its 15 digits: " + sequence);
        }
        return new FlowId(platformCode + interfaceNumber + String.format("%015d", sequence));
    }

    /** @throws IllegalStateException naming the setting when the platform code is not 6 capitals or digits */
    public static void checkPlatformCode(String platformCode) {
        if (platformCode == null || !PLATFORM_CODE.matcher(platformCode).matches()) {
            throw new IllegalStateException("achemine.platform-code '" + platformCode
                    + "' must be 6 capital letters or digits (Chorus uses CPP001)");
        }
    }

    public String interfaceNumber() {
        return value.substring(6, 10);
    }

    public long sequence() {
        return Long.parseLong(value.substring(10));
    }

    @Override
    public int compareTo(FlowId other) {
        return Long.compare(sequence(), other.sequence());
    }

    @Override
    public String toString() {
        return value;
    }
}
