package org.achemine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The table of finding codes in docs/codes.md is the catalogue, no more and no less, with the same source and severity. */
class FindingCatalogueDocumentedTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9_]+)` \\| (\\w+) \\| (\\w+) \\|", Pattern.MULTILINE);

    @Test
    void codesPageListsEveryCodeOfTheCatalogueWithItsSourceAndSeverity() throws Exception {
        String page = Files.readString(Path.of("docs/codes.md"), StandardCharsets.UTF_8);
        Map<String, String> documented = new java.util.HashMap<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            documented.put(row.group(1), row.group(2) + " " + row.group(3));
        }

        Map<String, String> catalogue = Arrays.stream(FindingCode.values()).collect(Collectors.toMap(
                FindingCode::code, c -> c.source().token() + " " + c.severity().token(), (a, b) -> a,
                java.util.TreeMap::new));

        assertThat(documented).as("docs/codes.md finding codes table vs FindingCode").isEqualTo(catalogue);
    }

    @Test
    void everyCodeHasAFrenchAndAnEnglishMessage() {
        assertThat(FindingCode.values()).allSatisfy(code -> {
            assertThat(code.templateFr()).isNotBlank();
            assertThat(code.messageEn()).isNotBlank();
        });
    }
}
