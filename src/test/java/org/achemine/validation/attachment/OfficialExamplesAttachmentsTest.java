package org.achemine.validation.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.achemine.validation.CheckName;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.ValidationSettings;
import org.achemine.validation.engine.ValidationEngine;
import org.junit.jupiter.api.Test;

/**
 * The 34 official EN 16931 examples (copied under src/test/resources/en16931) are valid invoices: with the
 * platform's default limits, none gets a fatal finding from admissibility, the XSD or EN 16931 (the
 * national rules are Chorus Pro's and not asked here). Five of them embed a line of text declared
 * application/pdf: those get the attachment warning, not a refusal.
 */
class OfficialExamplesAttachmentsTest {

    private static final Path EXAMPLES = Path.of("src/test/resources/en16931");
    private static final Set<String> TEXT_AS_PDF = Set.of("ubl-tc434-example2.xml", "ubl-tc434-example5.xml",
            "CII_example2.xml", "CII_example5.xml", "CII_business_example_01.xml");
    private static final Set<CheckName> CONFORMANCE = Set.of(CheckName.ADMISSIBILITY, CheckName.XSD,
            CheckName.EN16931);
    private static final ValidationEngine ENGINE = new ValidationEngine(ValidationSettings.defaults(),
            Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void noOfficialExampleIsRefusedAndTheTextAttachmentsAreWarnings() throws Exception {
        List<Path> examples;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            examples = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml")).sorted().toList();
        }
        assertThat(examples).hasSize(34);
        for (Path example : examples) {
            String name = example.getFileName().toString();
            List<Finding> findings = findings(ENGINE.validate(name, example));
            assertThat(findings).as(name)
                    .noneMatch(f -> CONFORMANCE.contains(f.source()) && f.isFatal());
            List<String> textWarnings = findings.stream().map(Finding::code)
                    .filter("ADM_PJ_CONTENU_TEXTE"::equals).toList();
            assertThat(textWarnings).as(name).hasSize(TEXT_AS_PDF.contains(name) ? 1 : 0);
        }
    }

    private static List<Finding> findings(FlowVerdict verdict) {
        return Stream.concat(verdict.flowFindings().stream(),
                verdict.documents().stream().flatMap(DocumentVerdict::findings)).toList();
    }
}
