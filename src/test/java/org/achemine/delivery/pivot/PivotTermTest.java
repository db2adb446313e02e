package org.achemine.delivery.pivot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping table of docs/formats.md and {@link PivotTerm} say the same. */
class PivotTermTest {

    @Test
    void everyTermTheMapperReadsHasItsRowInTheDocumentedMappingTable() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("docs/formats.md")).stream()
                .filter(line -> line.startsWith("| B")).toList();

        for (PivotTerm term : PivotTerm.values()) {
            assertThat(rows).as("the row of %s", term)
                    .anyMatch(row -> row.startsWith("| " + term.id() + " ")
                            && row.contains("`" + term.pivotElement() + "`"));
        }
    }
}
