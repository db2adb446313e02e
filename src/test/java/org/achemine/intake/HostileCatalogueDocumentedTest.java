package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.achemine.intake.HostileCatalogue.Kind;
import org.achemine.validation.FindingCode;
import org.junit.jupiter.api.Test;

/** samples/hostile/catalogue.csv, the samples folder and the "Hostile and broken inputs" table of docs/validation.md agree. */
class HostileCatalogueDocumentedTest {

    private static final HostileCatalogue CATALOGUE = HostileCatalogue.load();
    // | kind | sample | `CODE` or - (accepted) | what it proves |
    private static final Pattern ROW = Pattern.compile("^\\| ([a-z0-9-]+) \\| .+? \\| (`([A-Z0-9_]+)`|- \\(accepted\\)) \\| ",
            Pattern.MULTILINE);

    @Test
    void listsAtLeastThirtyDistinctKindsIncludingTheIssuesMinimum() {
        List<String> kinds = CATALOGUE.kinds().stream().map(Kind::kind).toList();
        assertThat(kinds).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(30);
        assertThat(kinds).contains("xxe-local-file", "xxe-http", "xxe-parameter-entities", "billion-laughs",
                "quadratic-blowup", "external-dtd", "xinclude", "deep-nesting", "huge-attribute", "file-200-mb",
                "zero-bytes", "truncated-xml", "utf8-bom", "utf16", "latin1-declared", "latin1-undeclared",
                "invalid-utf8", "nul-bytes", "wrong-root", "two-roots", "name-backslash-dotdot", "name-non-ascii-nfc",
                "name-255-bytes", "symlink", "disappearing-file", "same-content-twice", "same-invoice-number-twice",
                "status-update-unknown-invoice", "directory-broken-quoting");
    }

    @Test
    void everyExpectedCodeIsInTheCatalogueOfCodesOrMarkedPending() {
        Set<String> codes = Arrays.stream(FindingCode.values()).map(FindingCode::code).collect(Collectors.toSet());
        assertThat(CATALOGUE.kinds()).allSatisfy(kind -> {
            if (kind.pending()) {
                assertThat(kind.file()).isEqualTo("pending-status-intake");
            } else if (!kind.expectedCode().equals(HostileCatalogue.NO_CODE)) {
                assertThat(codes).as(kind.kind()).contains(kind.expectedCode());
            }
        });
    }

    @Test
    void everySampleFileIsListedAndEveryListedSampleExists() throws Exception {
        List<String> listed = CATALOGUE.kinds().stream().flatMap(k -> k.sampleFiles().stream()).toList();
        List<String> onDisk;
        try (Stream<Path> files = Files.list(HostileCatalogue.FOLDER)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("catalogue.csv")).toList();
        }
        assertThat(onDisk).containsExactlyInAnyOrderElementsOf(listed);
    }

    @Test
    void validationPageTableListsEveryKindWithItsCode() throws Exception {
        String page = Files.readString(Path.of("docs/validation.md"), StandardCharsets.UTF_8);
        assertThat(page).contains("\n## Hostile and broken inputs\n");
        String section = page.substring(page.indexOf("\n## Hostile and broken inputs\n"));
        int next = section.indexOf("\n## ", 1);
        section = next < 0 ? section : section.substring(0, next);
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            documented.put(row.group(1), row.group(3) == null ? HostileCatalogue.NO_CODE : row.group(3));
        }
        Map<String, String> manifest = new LinkedHashMap<>();
        CATALOGUE.kinds().forEach(k -> manifest.put(k.kind(), k.expectedCode()));
        assertThat(documented).as("docs/validation.md hostile inputs table vs samples/hostile/catalogue.csv")
                .containsExactlyEntriesOf(manifest);
    }
}
