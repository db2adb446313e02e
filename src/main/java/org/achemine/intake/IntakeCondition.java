package org.achemine.intake;

import java.util.Optional;

/** A resource intake needs before it takes a file (disk space, the database); checked by {@link IntakeGate}. */
public interface IntakeCondition {

    /** A short name for health output: {@code diskSpace}, {@code database}. */
    String name();

    /** @return what is wrong, in one sentence for the operator; empty when the resource is fine */
    Optional<String> problem();
}
