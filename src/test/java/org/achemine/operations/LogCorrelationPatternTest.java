package org.achemine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The human log format as configured in application.yml: the flow or invoice id in brackets, when there is one. */
class LogCorrelationPatternTest {

    private final LoggerContext context = new LoggerContext();

    @Test
    void showsTheFlowIdInBracketsWhileAFlowIsInHand() throws Exception {
        assertThat(format(Map.of("flowId", "ACH0011100000000000000042"), "taken"))
                .isEqualTo("[ACH0011100000000000000042] taken");
    }

    @Test
    void showsTheInvoiceIdInBracketsWhileAnInvoiceIsRouted() throws Exception {
        assertThat(format(Map.of("invoiceId", "ACH0011100000000000000042-3"), "delivered"))
                .isEqualTo("[ACH0011100000000000000042-3] delivered");
    }

    @Test
    void showsNothingExtraOutsideAFlow() throws Exception {
        assertThat(format(Map.of(), "Intake resumed")).isEqualTo("Intake resumed");
    }

    private String format(Map<String, String> mdc, String message) throws Exception {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(configuredCorrelationPattern() + "%msg");
        layout.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.INFO, message, null, null);
        event.setMDCPropertyMap(mdc);
        return layout.doLayout(event);
    }

    private static String configuredCorrelationPattern() throws Exception {
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("defaults",
                new ClassPathResource("application.yml"))) {
            Object pattern = source.getProperty("logging.pattern.correlation");
            if (pattern != null) {
                return pattern.toString();
            }
        }
        throw new AssertionError("logging.pattern.correlation is not in application.yml");
    }
}
