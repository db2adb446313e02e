package org.achemine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/lifecycle.md lists every reason with its statuses and reform code, and every status's reform code, as the code has them. */
class LifecycleDocumentedTest {

    private static final Pattern REASON_ROW = Pattern.compile(
            "^\\| `([A-Z_]+)` \\| [^|]+ \\| ([0-9, ]+) \\| ([A-Z_]+) \\|$", Pattern.MULTILINE);
    private static final Pattern STATUS_ROW = Pattern.compile("^\\| (\\d\\d) [^|]+ \\| (\\d{3}) [^|]+ \\|", Pattern.MULTILINE);

    @Test
    void theReasonTableIsTheCatalogue() throws Exception {
        Map<String, String> documented = rows(REASON_ROW, m -> m.group(2) + " " + m.group(3));

        Map<String, String> catalogue = Arrays.stream(StatusReason.values()).collect(Collectors.toMap(Enum::name,
                r -> r.statuses().stream().map(InvoiceStatus::code).sorted().collect(Collectors.joining(", "))
                        + " " + r.reformCode(), (a, b) -> a, TreeMap::new));
        assertThat(documented).isEqualTo(catalogue);
    }

    @Test
    void theReformCodeTableIsTheStatuses() throws Exception {
        Map<String, String> documented = rows(STATUS_ROW, m -> m.group(2));

        Map<String, String> statuses = Arrays.stream(InvoiceStatus.values()).collect(Collectors.toMap(InvoiceStatus::code,
                InvoiceStatus::reformCode, (a, b) -> a, TreeMap::new));
        assertThat(documented).isEqualTo(statuses);
    }

    private static Map<String, String> rows(Pattern row, Function<Matcher, String> value)
            throws Exception {
        String page = Files.readString(Path.of("docs/lifecycle.md"), StandardCharsets.UTF_8);
        Map<String, String> found = new TreeMap<>();
        Matcher m = row.matcher(page);
        while (m.find()) {
            found.put(m.group(1), value.apply(m));
        }
        return found;
    }
}
