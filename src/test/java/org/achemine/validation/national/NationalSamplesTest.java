package org.achemine.validation.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.ValidationSettings;
import org.achemine.validation.engine.ValidationEngine;
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
 * {@code expected.csv} gives it; checks that every national rule has a failing and a passing sample, and that
 * each sample is named after its real outcome through the whole pipeline (ok- accepted, ko- refused). The
 * deposit happens on a fixed day, so no outcome depends on today.
 */
class NationalSamplesTest {

    private static final Path SAMPLES = Path.of("samples/national");
    /** The deposit: 6 December 2026, 10:00 in Paris. */
    private static final Clock DEPOSIT = Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC);
    private static ValidationPipeline pipeline;
    private static ValidationEngine engine;

    record Sample(String file, String rule, Outcome outcome, Set<String> codes) {
        @Override
        public String toString() {
            return file;
        }
    }

    @BeforeAll
    static void pipeline() {
        InvoiceTerms terms = new InvoiceTerms();
        pipeline = new ValidationPipeline(new XmlAdmissibilityCheck(),
                List.of(new NationalCheck(terms, DEPOSIT, Duration.ofDays(1))), new SaxonInvoiceFactsReader(terms), true);
        engine = new ValidationEngine(ValidationSettings.defaults(), DEPOSIT);
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleIsNamedAfterItsRealOutcome(Sample sample) throws IOException {
        // when the whole pipeline (XSD, EN 16931, national rules) validates the sample
        FlowVerdict verdict = engine.validate(sample.file(), SAMPLES.resolve(sample.file()));

        // then an ok- sample is accepted and a ko- sample refused
        DocumentVerdict document = verdict.documents().get(0);
        boolean accepted = !verdict.hasFlowFatal() && engine.policy().accepts(document);
        assertThat(accepted).as("%s: %s", sample.file(), document.checks().stream()
                .flatMap(c -> c.findings().stream()).map(Finding::code).toList())
                .isEqualTo(sample.file().startsWith("ok-"));
        assertThat(sample.file()).matches("(ok|ko)-.*");
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
