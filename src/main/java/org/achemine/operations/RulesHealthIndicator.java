package org.achemine.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.achemine.validation.RuleSet;
import org.achemine.validation.engine.ValidationEngine;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP once the validation engine is built (schemas and the EN 16931 stylesheets compiled at start-up), with
 * the rule sets it applies and their versions: the ones every report names.
 */
public class RulesHealthIndicator implements HealthIndicator {

    private final ValidationEngine engine;

    public RulesHealthIndicator(ValidationEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        Map<String, String> versions = new LinkedHashMap<>();
        for (RuleSet ruleSet : engine.ruleSets()) {
            versions.put(ruleSet.name(), ruleSet.version());
        }
        return versions.isEmpty() ? Health.down().withDetail("problem", "no rule set loaded").build()
                : Health.up().withDetail("ruleSets", versions).build();
    }
}
