package org.achemine.validation.en16931;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Plain French explanations of the official rules suppliers break most, keyed by rule id. The official
 * rule text (English) is always kept beside it in the finding; rules without an explanation show that text.
 */
final class RuleMessages {

    private static final String RESOURCE = "org/achemine/validation/en16931/rule-messages-fr.properties";

    private final Map<String, String> byRule;

    private RuleMessages(Map<String, String> byRule) {
        this.byRule = Map.copyOf(byRule);
    }

    static RuleMessages french() {
        Properties properties = new Properties();
        try (InputStream in = RuleMessages.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuleMessages(properties.stringPropertyNames().stream()
                .collect(Collectors.toMap(k -> k, properties::getProperty)));
    }

    /** The French explanation of a rule, or null when there is none. */
    String french(String ruleId) {
        return byRule.get(ruleId);
    }
}
