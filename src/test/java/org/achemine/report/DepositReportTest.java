package org.achemine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.achemine.validation.AcceptancePolicy;
import org.achemine.validation.CheckName;
import org.achemine.validation.CheckResult;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.FlowKind;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.InvoiceFacts;
import org.achemine.validation.Location;
import org.achemine.validation.RuleSet;
import org.achemine.validation.Severity;
import org.achemine.validation.Syntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deposit report built without Spring, as the offline {@code validate --format xml} command does. */
class DepositReportTest {

    private static final ReportedFlow FLOW = new ReportedFlow("ACH0011190000000000000007", "lot mars.zip", "FOU001",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 2048,
            Instant.parse("2026-11-23T09:15:30.120Z"));

    private final DepositReport reports = new DepositReport(List.of(new RuleSet("EN 16931", "1.3.16")),
            new AcceptancePolicy());

    @TempDir
    Path dir;

    @Test
    void batchWithOneGoodAndOneBadInvoiceIsPartiallyIntegratedWithEveryFindingAndCheck() throws Exception {
        // given a batch verdict: one accepted invoice, one with an XSD error (later checks skipped)
        InvoiceFacts facts = new InvoiceFacts("FA-1", LocalDate.of(2026, 11, 2), "380", "EUR", "12345678200010",
                "0009", "Fournisseur", "11000201100044", "0009", "Ministère", "SERVICE-1", "EJ-7", null, null,
                new BigDecimal("120.00"), new BigDecimal("120.00"));
        DocumentVerdict good = new DocumentVerdict("a.xml", Syntax.UBL_INVOICE,
                List.of(CheckResult.of(CheckName.ADMISSIBILITY, List.of(), Duration.ofMillis(1)),
                        CheckResult.of(CheckName.XSD, List.of(), Duration.ofMillis(3))), facts);
        Finding xsd = new Finding("XSD_INVALIDE", Severity.FATAL, CheckName.XSD, "Non conforme au schéma",
                "Not schema-valid", null, new Location(12, 7, "/Invoice/cbc:IssueDate"));
        DocumentVerdict bad = new DocumentVerdict("b.xml", Syntax.UBL_INVOICE,
                List.of(CheckResult.of(CheckName.ADMISSIBILITY, List.of(), Duration.ZERO),
                        CheckResult.of(CheckName.XSD, List.of(xsd), Duration.ofMillis(2)),
                        CheckResult.skipped(CheckName.EN16931)), null);
        FlowVerdict verdict = new FlowVerdict(FlowKind.ZIP, List.of(), List.of(good, bad));

        // when its report is written
        Path report = write(verdict);

        // then it is schema-valid, partially integrated (96), and says everything per invoice
        ReportSchema.validate(report);
        String xml = Files.readString(report);
        assertThat(xml).contains("type=\"DEPOT\"", "<IdFlux>ACH0011190000000000000007</IdFlux>",
                "<NomFichier>lot mars.zip</NomFichier>", "<Partenaire>FOU001</Partenaire>",
                "<DateHeureReception>2026-11-23T09:15:30.120Z</DateHeureReception>", "<Taille>2048</Taille>",
                "<DateHeureProduction>2026-11-23T09:15:31.000Z</DateHeureProduction>",
                "<Code>96</Code>", "<Etat>IN_INTEGRE_PARTIEL</Etat>", "<Syntaxe>IN_DP_E1_UBL_INVOICE</Syntaxe>",
                "<CodeInterface>FSO1100A</CodeInterface>", "nom=\"EN 16931\" version=\"1.3.16\"",
                "nombre=\"2\" acceptees=\"1\" rejetees=\"1\"", "<NumeroFacture>FA-1</NumeroFacture>",
                "<IdentifiantFournisseur>12345678200010</IdentifiantFournisseur>",
                "<IdentifiantDestinataire>11000201100044</IdentifiantDestinataire>",
                "<Decision>ACCEPTEE</Decision>", "<Decision>REJETEE</Decision>",
                "nom=\"en16931\" resultat=\"SKIPPED\"",
                "code=\"XSD_INVALIDE\" gravite=\"fatal\" source=\"xsd\"", "<MessageEn>Not schema-valid</MessageEn>",
                "ligne=\"12\" colonne=\"7\" chemin=\"/Invoice/cbc:IssueDate\"");
    }

    @Test
    void refusedFlowReportsItsFileFindingsAndIsRejected() throws Exception {
        // given an empty file refused at admissibility
        FlowVerdict verdict = FlowVerdict.refused(FlowKind.XML,
                List.of(Finding.of(FindingCode.IRR_VIDE_F, Location.NONE)));

        // when its report is written
        Path report = write(verdict);

        // then it is schema-valid, rejected (93) with the flow-level finding and no invoice
        ReportSchema.validate(report);
        String xml = Files.readString(report);
        assertThat(xml).contains("<Code>93</Code>", "<Etat>IN_REJETE</Etat>", "<ErreursFlux>",
                "code=\"IRR_VIDE_F\" gravite=\"fatal\" source=\"admissibility\"")
                .doesNotContain("<Factures", "<Syntaxe>");
    }

    @Test
    void findingQuotingAControlCharacterAPartnerWroteStillGivesWellFormedXml() throws Exception {
        // given a finding whose message and rule text quote a value holding a control character (U+0001)
        Finding quoting = new Finding("XSD_INVALIDE", Severity.FATAL, CheckName.XSD, "Valeur « a\u0001b » refusée",
                "Value 'a\u0001b' refused", "règle\u0001", Location.NONE);
        FlowVerdict verdict = FlowVerdict.refused(FlowKind.XML, List.of(quoting));

        // when its report is written
        Path report = write(verdict);

        // then the bytes are well-formed, schema-valid XML, the control shown as its code point
        ReportSchema.validate(report);
        assertThat(Files.readString(report)).contains("Valeur « a\\u0001b » refusée", "Value 'a\\u0001b' refused",
                "règle\\u0001").doesNotContain("\u0001");
    }

    @Test
    void fileNameStartsWithTheFlowIdAndKeepsOnlySafeCharactersOfTheOriginalName() {
        assertThat(DepositReport.fileName("ACH0011100000000000000001", "facture été (1).xml"))
                .isEqualTo("ACH0011100000000000000001_facture__t___1_.xml.cr.xml");
        assertThat(DepositReport.fileName("ACH0011100000000000000001", "x".repeat(400)))
                .hasSize(25 + 1 + 150 + ".cr.xml".length());
    }

    private Path write(FlowVerdict verdict) throws Exception {
        byte[] xml = reports.toXml(FLOW, verdict, Instant.parse("2026-11-23T09:15:31Z"));
        return Files.write(dir.resolve(DepositReport.fileName(FLOW.flowId(), FLOW.originalName())), xml);
    }
}
