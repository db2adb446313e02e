package org.achemine.validation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.FlowState;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.ValidationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample of samples/ through the whole engine, with the verdict samples/README.md promises. */
class SampleFlowsTest {

    private static final Path SAMPLES = Path.of("samples");

    /** The folders of samples/ this catalogue covers (national/ and directory/ have their own tests). */
    private static final java.util.Set<String> OWN_FOLDERS = java.util.Set.of("ubl", "cii", "invalid", "batch", "attachments");

    private static final ValidationEngine ENGINE = new ValidationEngine(ValidationSettings.defaults());

    /** sample → expected flow state, fatal codes about the file, fatal codes of each document in order. */
    static Stream<Arguments> samples() {
        return Stream.of(
                arguments("ubl/invoice-valid.xml", FlowState.IN_INTEGRE, List.of(), List.of(List.of())),
                arguments("ubl/creditnote-valid.xml", FlowState.IN_INTEGRE, List.of(), List.of(List.of())),
                arguments("cii/invoice-valid.xml", FlowState.IN_INTEGRE, List.of(), List.of(List.of())),
                arguments("attachments/ubl-invoice-with-attachments.xml", FlowState.IN_INTEGRE, List.of(),
                        List.of(List.of())),
                arguments("attachments/cii-invoice-with-attachments.xml", FlowState.IN_INTEGRE, List.of(),
                        List.of(List.of())),
                arguments("invalid/xsd-error.xml", FlowState.IN_REJETE, List.of(), List.of(List.of("XSD_INVALIDE"))),
                arguments("invalid/not-well-formed.xml", FlowState.IN_REJETE, List.of(), List.of(List.of("IRR_SYNTAX"))),
                arguments("invalid/xxe-file.xml", FlowState.IN_REJETE, List.of(), List.of(List.of("IRR_DTD"))),
                arguments("invalid/xxe-http.xml", FlowState.IN_REJETE, List.of(), List.of(List.of("IRR_DTD"))),
                arguments("invalid/billion-laughs.xml", FlowState.IN_REJETE, List.of(), List.of(List.of("IRR_DTD"))),
                arguments("invalid/empty.xml", FlowState.IN_REJETE, List.of("IRR_VIDE_F"), List.of()),
                arguments("invalid/unsupported-type.pdf", FlowState.IN_REJETE, List.of("IRR_PDF_SANS_FACTURX"), List.of()),
                arguments("invalid/latin1-undeclared.xml", FlowState.IN_REJETE, List.of(),
                        List.of(List.of("IRR_ENCODAGE"))),
                arguments("invalid/unknown-root.xml", FlowState.IN_REJETE, List.of(), List.of(List.of("IRR_RACINE"))),
                arguments("batch/mixed-batch.zip", FlowState.IN_INTEGRE_PARTIEL, List.of(),
                        List.of(List.of(), List.of(), List.of("XSD_INVALIDE"), List.of("IRR_SYNTAX"))));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("samples")
    void validatesEachSampleAsItsReadmeSays(String sample, FlowState state, List<String> flowCodes,
                                            List<List<String>> documentCodes) throws IOException {
        // given
        Path file = SAMPLES.resolve(sample);
        // when
        FlowVerdict verdict = ENGINE.validate(file.getFileName().toString(), file);
        // then
        assertThat(ENGINE.policy().flowState(verdict)).isEqualTo(state);
        assertThat(fatalCodes(verdict.flowFindings())).isEqualTo(flowCodes);
        assertThat(verdict.documents()).extracting(d -> fatalCodes(d.findings().toList())).isEqualTo(documentCodes);
    }

    @Test
    void reportsTheSyntaxOfEachDocumentOfTheMixedBatch() throws IOException {
        // when
        FlowVerdict verdict = ENGINE.validate("mixed-batch.zip", SAMPLES.resolve("batch/mixed-batch.zip"));
        // then
        assertThat(verdict.documents()).extracting(DocumentVerdict::name).containsExactly("01-facture-ubl.xml",
                "02-avoir-ubl.xml", "03-facture-xsd-invalide.xml", "04-facture-mal-formee.xml");
        assertThat(verdict.documents()).extracting(d -> d.syntax().name())
                .containsExactly("UBL_INVOICE", "UBL_CREDIT_NOTE", "UBL_INVOICE", "UBL_INVOICE");
        assertThat(verdict.documents().get(3).checks()).extracting(c -> c.outcome().name())
                .startsWith("INVALID", "SKIPPED");
    }

    @Test
    void everySampleOfItsFoldersIsInThisCatalogueAndInTheSamplesReadme() throws IOException {
        // given
        String readme = Files.readString(SAMPLES.resolve("README.md"));
        List<String> catalogued = samples().map(a -> (String) a.get()[0]).toList();
        // when
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            onDisk = files.filter(Files::isRegularFile)
                    .map(p -> SAMPLES.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> OWN_FOLDERS.contains(p.substring(0, Math.max(p.indexOf('/'), 0))))
                    .filter(p -> !p.endsWith(".java") && !p.endsWith(".py")) // the generators of samples
                    .sorted().toList();
        }
        // then
        assertThat(onDisk).containsExactlyInAnyOrderElementsOf(catalogued);
        assertThat(catalogued).allSatisfy(sample -> assertThat(readme).contains("`" + sample + "`"));
    }

    @Test
    void theMixedBatchHoldsExactlyTheSamplesItIsBuiltFrom() throws IOException {
        // given the recipe of samples/batch/MakeMixedBatch.java
        Map<String, String> recipe = Map.of(
                "01-facture-ubl.xml", "ubl/invoice-valid.xml",
                "02-avoir-ubl.xml", "ubl/creditnote-valid.xml",
                "03-facture-xsd-invalide.xml", "invalid/xsd-error.xml",
                "04-facture-mal-formee.xml", "invalid/not-well-formed.xml");
        // when
        Map<String, byte[]> entries = new org.achemine.validation.admissibility.ArchiveUnpacker(
                ValidationSettings.defaults())
                .unpack(org.achemine.validation.FlowKind.ZIP, SAMPLES.resolve("batch/mixed-batch.zip"))
                .documents().stream()
                .collect(Collectors.toMap(d -> d.name(), d -> d.bytes()));
        // then: regenerate with `java samples/batch/MakeMixedBatch.java` when a sample changes
        assertThat(entries.keySet()).isEqualTo(recipe.keySet());
        for (Map.Entry<String, String> entry : recipe.entrySet()) {
            assertThat(entries.get(entry.getKey())).as(entry.getKey())
                    .isEqualTo(Files.readAllBytes(SAMPLES.resolve(entry.getValue())));
        }
    }

    private static List<String> fatalCodes(List<Finding> findings) {
        return findings.stream().filter(Finding::isFatal).map(Finding::code).distinct().toList();
    }
}
