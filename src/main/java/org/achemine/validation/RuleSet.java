package org.achemine.validation;

/** A rule set used by validation, named with its version in every report. */
public record RuleSet(String name, String version) {
}
