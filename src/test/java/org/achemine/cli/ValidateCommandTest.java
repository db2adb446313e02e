package org.achemine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.achemine.validation.ValidationSettings;
import org.achemine.validation.engine.ValidationEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class ValidateCommandTest {

    // Compiling the rules takes seconds: one engine per setting for the whole class.
    private static final Map<ValidationSettings, ValidationEngine> ENGINES = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        List<JsonNode> lines() {
            return out.lines().map(JSON::readTree).toList();
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ValidateCommand command = new ValidateCommand()
                .streams(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .engines(settings -> ENGINES.computeIfAbsent(settings, ValidationEngine::new));
        int exit = new CommandLine(command).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void validFilesGiveExitZeroAndOneJsonLineEachInInputOrder() {
        // when
        Run run = run("--format", "jsonl", "samples/national/ok-ubl-invoice.xml", "samples/national/ok-cii-invoice.xml");

        // then
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0).get("file").asString()).endsWith("ok-ubl-invoice.xml");
        assertThat(run.lines().get(0).get("syntax").asString()).isEqualTo("UBL_INVOICE");
        assertThat(run.lines().get(1).get("syntax").asString()).isEqualTo("CII_D16B");
        assertThat(run.lines()).allSatisfy(line -> {
            assertThat(line.get("verdict").asString()).isEqualTo("valid");
            assertThat(line.get("findings").size()).isZero();
        });
    }

    @Test
    void aDirectoryIsSearchedRecursivelyAndAnInvalidFileGivesExitOne() throws Exception {
        // given a directory holding a valid invoice and, deeper, one with a national fault
        Files.createDirectories(dir.resolve("deep"));
        Files.copy(Path.of("samples/national/ok-ubl-invoice.xml"), dir.resolve("a.xml"));
        Files.copy(Path.of("samples/national/ko-siret-acheteur-cle.xml"), dir.resolve("deep/b.xml"));

        // when
        Run run = run("--all", "--format", "jsonl", dir.toString());

        // then
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines()).extracting(l -> l.get("verdict").asString()).containsExactly("valid", "invalid");
        JsonNode finding = run.lines().get(1).get("findings").get(0);
        assertThat(finding.get("code").asString()).isEqualTo("NAT_SIRET_ACHETEUR_CLE");
        assertThat(finding.get("severity").asString()).isEqualTo("fatal");
        assertThat(finding.get("source").asString()).isEqualTo("national");
        assertThat(finding.get("message").asString()).contains("BT-46");
        assertThat(finding.get("location").get("line").asInt()).isPositive();
    }

    @Test
    void aFacturXPdfInADirectoryIsValidatedWithTheFacturXChecks() throws Exception {
        // given a directory holding the published BASIC WL Factur-X
        Files.copy(Path.of("samples/facturx/Facture_FR_BASICWL.pdf"), dir.resolve("basicwl.pdf"));

        // when
        Run run = run("--format", "jsonl", dir.toString());

        // then it is read, and refused for its profile
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines()).singleElement().satisfies(line -> {
            assertThat(line.get("verdict").asString()).isEqualTo("invalid");
            assertThat(line.toString()).contains("FX_PROFIL_INCOMPLET");
        });
    }

    @Test
    void aMissingFileIsReportedInPlaceWithExitTwo() {
        // when
        Run run = run("--format", "jsonl", "samples/national/ok-ubl-invoice.xml", dir.resolve("absent.xml").toString());

        // then the other file is still validated
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(1).get("error").asString()).contains("absent.xml");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitTwo() {
        assertThat(run("--no-such-option", "x.xml").exit()).isEqualTo(2);
    }

    @Test
    void theHtmlReportIsOnePageWithEscapedTextsGroupedByCheck() throws Exception {
        // given a file whose name would be markup if it were not escaped, and an invoice with a national fault
        Path odd = dir.resolve("<b>facture&.xml");
        Files.copy(Path.of("samples/national/ok-ubl-invoice.xml"), odd);

        // when
        Run run = run("--format", "html", "--output", dir.resolve("out").toString(), odd.toString(),
                "samples/national/ko-numero-facture-long.xml");

        // then
        assertThat(run.exit()).isEqualTo(1);
        String html = Files.readString(dir.resolve("out/achemine-validation.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("&lt;b&gt;facture&amp;.xml")
                .doesNotContain("<b>facture").contains("IRR_NOM_F")
                .contains("<h3>Règles nationales (Chorus Pro)</h3>").contains("NAT_NUMERO_FACTURE_LONG")
                .contains("EN 16931 (CEN/TC 434) 1.3.16").doesNotContain("<script");
    }

    @Test
    void theTextReportListsFindingsUnderTheirFileWithoutColourWhenNotATerminal() {
        // when
        Run run = run("samples/national/ko-cadre-inconnu.xml");

        // then
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("INVALIDE").contains("NAT_CADRE_INCONNU").contains("BT-23")
                .doesNotContain("\u001b[");
    }

    @Test
    void theXmlFormatWritesOneCompteRenduPerFileValidAgainstTheReportSchema() throws Exception {
        // when
        Run run = run("--all", "--format", "xml", "--output", dir.toString(), "samples/national/ok-cii-invoice.xml",
                "samples/national/ko-type-facture-751.xml");

        // then
        assertThat(run.exit()).isEqualTo(1);
        List<Path> reports;
        try (var files = Files.list(dir)) {
            reports = files.filter(f -> f.toString().endsWith(".cr.xml")).sorted().toList();
        }
        assertThat(reports).hasSize(2);
        // CII flows are interface 1106, UBL 1100; the sequence is the file's rank in the run
        assertThat(reports).extracting(r -> r.getFileName().toString()).containsExactlyInAnyOrder(
                "LOCAL01106000000000000001_ok-cii-invoice.xml.cr.xml",
                "LOCAL01100000000000000002_ko-type-facture-751.xml.cr.xml");
        String refused = Files.readString(dir.resolve("LOCAL01100000000000000002_ko-type-facture-751.xml.cr.xml"));
        assertThat(refused).contains("NAT_TYPE_FACTURE_REFUSE").contains("1.3.16");
    }

    @Test
    void theXmlFormatNeedsAnOutputFolderForSeveralFiles() {
        assertThat(run("--format", "xml", "samples/national/ok-cii-invoice.xml", "samples/national/ok-ubl-invoice.xml")
                .exit()).isEqualTo(2);
    }
}
