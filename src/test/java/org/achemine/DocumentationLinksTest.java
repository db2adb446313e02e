package org.achemine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README is the front door: short, and every page and section it points to is there, one click away. */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);

    @Test
    void readmeStaysAFiveMinuteRead() throws IOException {
        assertThat(Files.size(Path.of("README.md"))).as("README.md size in bytes").isLessThan(16_000);
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsLeadsToAFileAndHeadingThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher link = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (link.find()) {
                String target = link.group(1);
                if (target.startsWith("http://") || target.startsWith("https://")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page + " -> " + target + " (no such file)");
                } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(page + " -> " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyDocsPageOpensWithItsTitleThenWhatItIsFor() throws IOException {
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            assertThat(docs.filter(p -> p.toString().endsWith(".md")).toList()).isNotEmpty().allSatisfy(page -> {
                List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
                assertThat(lines.get(0)).as(page + " title").startsWith("# ");
                assertThat(lines.get(1)).as(page + " blank line after the title").isEmpty();
                assertThat(lines.get(2)).as(page + " what the page is for").startsWith("For ");
            });
        }
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path page) throws IOException {
        if (!page.toString().endsWith(".md")) {
            return Set.of();
        }
        Matcher heading = HEADING.matcher(Files.readString(page, StandardCharsets.UTF_8));
        List<String> titles = new ArrayList<>();
        while (heading.find()) {
            titles.add(heading.group(1));
        }
        return titles.stream()
                .map(t -> t.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }
}
