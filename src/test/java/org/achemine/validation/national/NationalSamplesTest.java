package org.achemine.validation.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.achemine.validation.CheckName;
import org.achemine.validation.CheckResult;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.Outcome;
import org.achemine.validation.ValidationPipeline;
import org.achemine.validation.admissibility.XmlAdmissibilityCheck;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Runs every sample of {@code samples/national/} through the national rules and checks the codes and outcome
 * {@code expected.csv} gives it; and checks that every national rule has a failing and a passing sample.
 */
class NationalSamplesTest {

    private static final Path SAMPLES = Path.of("samples/national");
    private static ValidationPipeline pipeline;

    record Sample(String file, String rule, Outcome outcome, Set<String> codes) {
        @Override
        public String toString() {
            return file;
        }
    }

    @BeforeAll
    static void pipeline() {
        InvoiceTerms terms = new InvoiceTerms();
        pipeline = new ValidationPipeline(new XmlAdmissibilityCheck(), List.of(new NationalCheck(terms)),
                new SaxonInvoiceFactsReader(terms), true);
    }

    static List<Sample> samples() throws IOException {
        try (Reader in = Files.newBufferedReader(SAMPLES.resolve("expected.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).stream()
                    .map(NationalSamplesTest::sample).toList();
        }
    }

    private static Sample sample(CSVRecord record) {
        Set<String> codes = Arrays.stream(record.get("national_codes").split(";")).filter(c -> !c.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
        return new Sample(record.get("file"), record.get("rule"), Outcome.valueOf(record.get("national_outcome")), codes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleGivesExactlyItsExpectedNationalCodes(Sample sample) throws IOException {
        // given a sample that breaks (ko-) or meets (ok-) one national rule
        InvoiceDocument document = new InvoiceDocument(sample.file(), Files.readAllBytes(SAMPLES.resolve(sample.file())));

        // when the national rules run on it
        DocumentVerdict verdict = pipeline.validate(document);

        // then it gets exactly the expected codes, each located on a line, and the expected outcome
        CheckResult national = verdict.checks().stream().filter(c -> c.check() == CheckName.NATIONAL).findFirst()
                .orElseThrow();
        Set<String> codes = new TreeSet<>(national.findings().stream().map(Finding::code).toList());
        assertThat(codes).as("%s", national.findings()).isEqualTo(sample.codes());
        assertThat(national.outcome()).isEqualTo(sample.outcome());
        assertThat(national.findings()).allSatisfy(f -> {
            assertThat(f.message()).contains("BT-");
            assertThat(f.location().path()).isNotBlank();
        });
    }

    @Test
    void everyNationalRuleHasAFailingAndAPassingSample() throws IOException {
        // given the catalogue's national codes
        List<String> rules = Stream.of(FindingCode.values()).filter(c -> c.source() == CheckName.NATIONAL)
                .map(FindingCode::code).toList();
        List<Sample> samples = samples();

        // then each is produced by some sample, and passed by a sample about it (or by a base sample, rule *)
        for (String rule : rules) {
            assertThat(samples).as("a sample that triggers %s", rule).anyMatch(s -> s.codes().contains(rule));
            assertThat(samples).as("a sample that passes %s", rule)
                    .anyMatch(s -> !s.codes().contains(rule) && (s.rule().equals(rule) || s.rule().equals("*")));
        }
    }
}
