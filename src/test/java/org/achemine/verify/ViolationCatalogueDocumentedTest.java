package org.achemine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The table of invariant violations in docs/codes.md lists every code of ViolationCode, no more and no less. */
class ViolationCatalogueDocumentedTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(INV_[A-Z0-9_]+)` \\| (.+) \\|$", Pattern.MULTILINE);

    @Test
    void codesPageListsEveryViolationCodeWithItsMeaning() throws Exception {
        String page = Files.readString(Path.of("docs/codes.md"), StandardCharsets.UTF_8);
        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            assertThat(row.group(2)).as("meaning of %s", row.group(1)).isNotBlank();
            documented.add(row.group(1));
        }

        assertThat(documented).as("docs/codes.md invariants table vs ViolationCode")
                .isEqualTo(Arrays.stream(ViolationCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void everyInvariantOfTheStandardCheckerHasADistinctName() {
        assertThat(InvariantChecker.standard().invariants()).extracting(Invariant::name).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).isNotBlank());
    }
}
