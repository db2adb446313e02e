package org.achemine.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.achemine.qualification.Environment;
import org.achemine.report.IntegratedFlow.IntegratedDocument;
import org.achemine.report.cppstatut.FactureStatut;
import org.achemine.report.cppstatut.FactureStatutWriter;
import org.achemine.report.cppstatut.FluxStatutWriter;
import org.achemine.report.cppstatut.StatutSchema;
import org.achemine.validation.AcceptancePolicy;
import org.achemine.validation.CheckName;
import org.achemine.validation.CheckResult;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.FlowKind;
import org.achemine.validation.FlowState;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.InvoiceFacts;
import org.achemine.validation.Location;
import org.achemine.validation.RuleSet;
import org.achemine.validation.Severity;
import org.achemine.validation.Syntax;

/**
 * A broad set of outbound reports, made only through the report package's public calls, always with the same
 * content: deposit reports (accepted, partial, refused with many findings, an incident, qualification), the
 * CPPStatut flow reports of deposit and integration for each flow status, integration reports, a status file's
 * report, and invoice status flows of each status (one status, and streamed). {@code ReportBytesUnchangedTest}
 * compares them with the bytes the writers produced before issue 16's cheaper writing (kept in
 * {@code src/test/resources/report/unchanged/}, written by {@link #main} from that build); {@code ReportWritingBench}
 * times them.
 */
public final class ReportCorpus {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T09:15:30.120Z");
    private static final Instant PRODUCED = Instant.parse("2026-11-23T09:15:31.250Z");
    /** A whole second (no milliseconds to write) at the end of a UTC day. */
    private static final Instant LAST_SECOND_OF_THE_DAY = Instant.parse("2026-11-23T23:59:59Z");
    private static final String SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    /** Statuses achemine writes for an invoice (01 to 12). */
    private static final List<String> INVOICE_STATUSES =
            List.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12");

    /** The streamed invoice status flow's file name, and how many statuses it lists. */
    static final String STREAMED = "fen-streamed.xml";
    static final int STREAMED_COUNT = 40;

    private final AcceptancePolicy policy = new AcceptancePolicy();
    private final DepositReport deposit = new DepositReport(
            List.of(new RuleSet("EN 16931", "1.3.16"), new RuleSet("CIUS-FR", "2026.1")), policy);
    private final IntegrationReport integration = new IntegrationReport(deposit);
    private final StatusReport statusReport = new StatusReport();
    private final StatutSchema schema = new StatutSchema();
    private final FlowStatutReports official = new FlowStatutReports("ACH001", policy, new FluxStatutWriter(schema));
    private final FactureStatutWriter invoiceStatuses = new FactureStatutWriter(schema);

    /** Writes the corpus into a folder, one file per report: how the expected bytes were made from main's build. */
    public static void main(String[] args) throws IOException, ReportException {
        Path folder = Files.createDirectories(Path.of(args[0]));
        for (Map.Entry<String, byte[]> report : new ReportCorpus().reports().entrySet()) {
            Files.write(folder.resolve(report.getKey()), report.getValue());
        }
        new ReportCorpus().streamedStatuses(folder.resolve(STREAMED), STREAMED_COUNT);
    }

    /** One report of the corpus, made (built and written) anew at each call through the report package's calls. */
    @FunctionalInterface
    public interface Report {
        byte[] write() throws IOException, ReportException;
    }

    /** Every report of the corpus by a file name of its own, in a fixed order. */
    public Map<String, byte[]> reports() throws IOException, ReportException {
        Map<String, byte[]> reports = new LinkedHashMap<>();
        for (Map.Entry<String, Report> report : writes().entrySet()) {
            reports.put(report.getKey(), report.getValue().write());
        }
        return reports;
    }

    /** The reports of {@link #reports()}, their content prepared, each written when called. */
    public Map<String, Report> writes() {
        Map<String, Report> reports = new LinkedHashMap<>();
        for (Map.Entry<String, FlowVerdict> verdict : verdicts().entrySet()) {
            ReportedFlow flow = flow(verdict.getKey());
            Instant produced = verdict.getKey().startsWith("burst-") ? LAST_SECOND_OF_THE_DAY : PRODUCED;
            reports.put("cr-" + verdict.getKey() + ".xml", () -> deposit.toXml(flow, verdict.getValue(), produced));
            reports.put("fso-" + verdict.getKey() + ".xml",
                    () -> official.toXml(official.deposit(flow, verdict.getValue(), produced)));
        }
        for (Map.Entry<String, IntegratedFlow> integrated : integratedFlows().entrySet()) {
            reports.put("cr-integration-" + integrated.getKey() + ".xml",
                    () -> integration.toXml(integrated.getValue(), PRODUCED));
            reports.put("cso-" + integrated.getKey() + ".xml",
                    () -> official.toXml(official.integration(integrated.getValue(), PRODUCED)));
        }
        reports.put("cr-statuts.xml", this::statusFileReport);
        for (String status : INVOICE_STATUSES) {
            FactureStatut invoiceStatus = invoiceStatus(status, Integer.parseInt(status));
            reports.put("fen-" + status + ".xml",
                    () -> invoiceStatuses.single(envelope("ACH00112002026112300000" + status), invoiceStatus));
        }
        return reports;
    }

    /**
     * The reports a burst of {@code flows} writes, in the order it writes them (BurstBench's mix: 7 in 10 UBL
     * invoices accepted, 2 CII accepted, 1 refused by its schema): per flow its compte rendu ({@code cr}) and its
     * CPPStatut deposit report ({@code FSO}), then, per accepted flow, its CPPStatut integration report
     * ({@code CSO}). Each flow has its own id, names, digest and times, as in a burst.
     */
    public List<Map.Entry<String, Report>> burst(int flows) {
        Map<String, FlowVerdict> kinds = verdicts();
        List<Map.Entry<String, Report>> reports = new ArrayList<>();
        for (int i = 0; i < flows; i++) {
            int kind = i % 10;
            FlowVerdict verdict = kind < 7 ? new FlowVerdict(FlowKind.XML, List.of(), List.of(accepted("f.xml", i)))
                    : kind < 9 ? kinds.get("burst-accepted-cii") : kinds.get("burst-refused-xsd");
            String flowId = String.format("ACH001%s20261207%07d", kind < 7 || kind == 9 ? "1100" : "1106", i);
            Instant received = RECEIVED.plusMillis(7L * i);
            ReportedFlow flow = new ReportedFlow(flowId, "facture-" + i + ".xml", i % 2 == 0 ? "FOU001" : "OPE001",
                    String.format("%064x", (long) i * 0x9E3779B97F4A7C15L).substring(0, 64), 3000 + i % 997, received,
                    Environment.of(false));
            Instant produced = received.plusMillis(40);
            reports.add(Map.entry("cr", () -> deposit.toXml(flow, verdict, produced)));
            reports.add(Map.entry("FSO", () -> official.toXml(official.deposit(flow, verdict, produced))));
            if (kind < 9) {
                IntegratedDocument delivered = new IntegratedDocument(1, flowId + "-1", "f.xml", "IN_DP_E1_UBL_INVOICE",
                        "FA-" + i, "12345678200010", "21690012600014", null, null, null, null, null, null, null)
                        .integrated("03", "Mise à disposition");
                IntegratedFlow integrated = new IntegratedFlow(flow, "IN_DP_E1_UBL_INVOICE",
                        FlowStatutReports.interfaceCode(FlowStatutReports.DEPOSIT_PREFIX, flowId),
                        List.of(delivered));
                reports.add(Map.entry("CSO", () -> official.toXml(official.integration(integrated, produced.plusSeconds(2)))));
            }
        }
        return reports;
    }

    /** A streamed invoice status flow of {@code count} statuses (every status in turn), as the lifecycle job writes it. */
    public byte[] streamedStatuses(Path file, int count) throws IOException {
        invoiceStatuses.write(file, envelope("ACH0011200202611230000099"), count, each -> {
            for (int i = 0; i < count; i++) {
                each.accept(invoiceStatus(INVOICE_STATUSES.get(i % INVOICE_STATUSES.size()), i));
            }
        });
        return Files.readAllBytes(file);
    }

    private static ReportedFlow flow(String name) {
        boolean qualification = name.startsWith("qualification");
        return new ReportedFlow("ACH0011190202611230000" + String.format("%03d", Math.abs(name.hashCode()) % 1000),
                name + " é\u202Efdp.xml", "FOU001", name.startsWith("unread") ? null : SHA, 2048 + name.length(),
                RECEIVED, Environment.of(qualification));
    }

    private Map<String, FlowVerdict> verdicts() {
        Map<String, FlowVerdict> verdicts = new LinkedHashMap<>();
        verdicts.put("accepted", new FlowVerdict(FlowKind.XML, List.of(), List.of(accepted("a.xml", 1))));
        verdicts.put("accepted-with-warnings", new FlowVerdict(FlowKind.XML, List.of(),
                List.of(document("a.xml", Syntax.CII_D16B, warnings(6), facts(2)))));
        verdicts.put("partial", new FlowVerdict(FlowKind.ZIP,
                List.of(Finding.of(FindingCode.ADM_CONTENU_DEJA_RECU, Location.NONE, "ACH0011190000000000000003",
                        "lot.zip")),
                List.of(accepted("a.xml", 1), refused("b.xml", 3), accepted("c.xml", 4))));
        verdicts.put("refused-many-findings", new FlowVerdict(FlowKind.ZIP, List.of(),
                List.of(refused("a.xml", 40), refused("b <&> \"x\".xml", 25))));
        verdicts.put("refused-empty", FlowVerdict.refused(FlowKind.XML,
                List.of(Finding.of(FindingCode.IRR_VIDE_F, Location.NONE))));
        verdicts.put("unread-link", FlowVerdict.refused(FlowKind.UNSUPPORTED,
                List.of(new Finding("IRR_LIEN", Severity.FATAL, CheckName.ADMISSIBILITY, "Lien refusé",
                        "Link refused", null, Location.NONE))));
        verdicts.put("incident", new FlowVerdict(FlowKind.XML, List.of(), List.of(document("a.xml",
                Syntax.UBL_INVOICE, List.of(CheckResult.error(CheckName.EN16931,
                        new Finding("ERR_TECHNIQUE", Severity.FATAL, CheckName.EN16931,
                                "Erreur technique (incident INC-0A1B2C3D), le flux sera repris",
                                "Technical error (incident INC-0A1B2C3D)", null, Location.NONE),
                        Duration.ofMillis(7))), null))));
        verdicts.put("qualification-accepted", new FlowVerdict(FlowKind.XML, List.of(),
                List.of(accepted("a.xml", 5))));
        // what a burst mostly writes (BurstBench): one CII invoice accepted, one refused by its schema with a few findings
        verdicts.put("burst-accepted-cii", new FlowVerdict(FlowKind.XML, List.of(), List.of(document("f.xml",
                Syntax.CII_D16B, List.of(CheckResult.of(CheckName.ADMISSIBILITY, List.of(), Duration.ZERO),
                        CheckResult.of(CheckName.XSD, List.of(), Duration.ofMillis(1)),
                        CheckResult.of(CheckName.EN16931, List.of(), Duration.ofMillis(2)),
                        CheckResult.of(CheckName.NATIONAL, List.of(), Duration.ZERO)), facts(6)))));
        verdicts.put("burst-refused-xsd", new FlowVerdict(FlowKind.XML, List.of(), List.of(document("g.xml",
                Syntax.UBL_INVOICE, List.of(CheckResult.of(CheckName.ADMISSIBILITY, List.of(), Duration.ZERO),
                        CheckResult.of(CheckName.XSD, schemaErrors(5), Duration.ofMillis(1)),
                        CheckResult.skipped(CheckName.EN16931), CheckResult.skipped(CheckName.NATIONAL)), null))));
        return verdicts;
    }

    private static DocumentVerdict accepted(String name, int seed) {
        return document(name, Syntax.UBL_INVOICE, List.of(
                CheckResult.of(CheckName.ADMISSIBILITY, List.of(), Duration.ofMillis(1)),
                CheckResult.of(CheckName.XSD, List.of(), Duration.ofMillis(3)),
                CheckResult.of(CheckName.EN16931, List.of(), Duration.ofMillis(12)),
                CheckResult.of(CheckName.NATIONAL, List.of(), Duration.ofMillis(2))), facts(seed));
    }

    private static DocumentVerdict refused(String name, int findings) {
        List<Finding> fatal = new ArrayList<>();
        for (int i = 0; i < findings; i++) {
            fatal.add(new Finding(i % 3 == 0 ? "BR-CO-" + (10 + i) : "BR-FR-" + i, Severity.FATAL,
                    i % 2 == 0 ? CheckName.EN16931 : CheckName.NATIONAL,
                    "Règle " + i + " non respectée : montant < 0 & \"devise\" 'EUR'",
                    "Rule " + i + " broken", i % 4 == 0 ? null : "[BR-CO-" + i + "]-Le montant total…  ",
                    i % 5 == 0 ? Location.NONE : new Location(10 + i, i % 2 == 0 ? 0 : i,
                            "/Invoice/cac:InvoiceLine[" + i + "]/cbc:LineExtensionAmount")));
        }
        return document(name, Syntax.UBL_INVOICE, List.of(
                CheckResult.of(CheckName.ADMISSIBILITY, List.of(), Duration.ZERO),
                CheckResult.of(CheckName.XSD, List.of(), Duration.ofMillis(2)),
                CheckResult.of(CheckName.EN16931, fatal, Duration.ofMillis(40)),
                CheckResult.skipped(CheckName.NATIONAL)), facts(findings));
    }

    private static List<Finding> schemaErrors(int count) {
        List<Finding> errors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            errors.add(new Finding("XSD_INVALIDE", Severity.FATAL, CheckName.XSD,
                    "cvc-complex-type.2.4.a: Invalid content was found starting with element 'cbc:Note" + i + "'.",
                    "Not valid against the schema", null, new Location(12 + i, 31, null)));
        }
        return errors;
    }

    private static List<CheckResult> warnings(int count) {
        List<Finding> warnings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            warnings.add(new Finding("BR-CL-" + i, Severity.WARNING, CheckName.EN16931, "Avertissement " + i,
                    "Warning " + i, "texte\tavec tabulation", new Location(i + 1, 3, null)));
        }
        return List.of(CheckResult.of(CheckName.XSD, List.of(), Duration.ofMillis(2)),
                CheckResult.of(CheckName.EN16931, warnings, Duration.ofMillis(9)));
    }

    private static DocumentVerdict document(String name, Syntax syntax, List<CheckResult> checks, InvoiceFacts facts) {
        return new DocumentVerdict(name, syntax, checks, facts);
    }

    private static InvoiceFacts facts(int seed) {
        return new InvoiceFacts("FA-" + seed, LocalDate.of(2026, 11, 2), "380", "EUR", "12345678200010", "0009",
                "Fournisseur & fils", "11000201100044", "0009", "Ministère", "SERVICE-" + seed, "EJ-7", null, null,
                new BigDecimal("120.00"), new BigDecimal("144.00"));
    }

    private static Map<String, IntegratedFlow> integratedFlows() {
        IntegratedDocument delivered = new IntegratedDocument(1, "ACH0011190202611230000001-1", "a.xml",
                "IN_DP_E1_UBL_INVOICE", "FA-1", "12345678200010", "11000201100044", null, null, null, null, null,
                null, null).integrated("03", "Mise à disposition");
        IntegratedDocument refusedAtIntegration = new IntegratedDocument(2, "ACH0011190202611230000001-2", "b.xml",
                "IN_DP_E1_UBL_INVOICE", null, "12345678200010", "11000201100045", null, null, null, null, null, null,
                null).refused("ROUTAGE_SIRET_INCONNU", "Le SIRET 11000201100045 n'est pas dans l'annuaire", "213",
                "DEST_INC");
        IntegratedDocument rejectedAtDeposit = new IntegratedDocument(3, "ACH0011190202611230000001-3", "c <x>.xml",
                null, null, null, null, null, null, null, null, null, null, null)
                .rejectedAtDeposit("XSD_INVALIDE", "xsd", "Non conforme au schéma");
        Map<String, IntegratedFlow> flows = new LinkedHashMap<>();
        flows.put("integrated", new IntegratedFlow(flow("integrated"), "IN_DP_E1_UBL_INVOICE", "FSO1100A",
                List.of(delivered)));
        flows.put("partial", new IntegratedFlow(flow("integrated-partial"), "IN_DP_E1_UBL_INVOICE", "FSO1190A",
                List.of(delivered, refusedAtIntegration, rejectedAtDeposit)));
        flows.put("refused", new IntegratedFlow(flow("integrated-refused"), null, null,
                List.of(refusedAtIntegration, rejectedAtDeposit)));
        return flows;
    }

    private byte[] statusFileReport() throws ReportException {
        Finding unknown = new Finding("STATUT_FACTURE_INCONNUE", Severity.FATAL, CheckName.STATUS_UPDATES,
                "Facture inconnue", "Unknown invoice", null, new Location(3, 0, null));
        List<StatusReportLine> lines = List.of(
                new StatusReportLine(2, 1, "REF-1", "FA-1", "10", null),
                new StatusReportLine(3, 2, "REF-2", "FA-404", "04", unknown),
                new StatusReportLine(4, null, null, "FA-2", "11", null));
        return statusReport.toXml(flow("statuts"), "IN_DP_E2_CPP_STATUT", FlowState.IN_INTEGRE_PARTIEL,
                List.of(new Finding("STATUT_LIGNES_IGNOREES", Severity.WARNING, CheckName.STATUS_UPDATES,
                        "Lignes ignorées", "Lines ignored", null, Location.NONE)),
                lines, 7, 2, PRODUCED);
    }

    private static FactureStatutWriter.Envelope envelope(String flowId) {
        return new FactureStatutWriter.Envelope("ACH001", "FOU001", flowId, PRODUCED);
    }

    private static FactureStatut invoiceStatus(String status, int seed) {
        boolean refusal = status.equals("04") || status.equals("05") || status.equals("09");
        return new FactureStatut(
                new FactureStatut.Supplier(1 + seed % 7, "1234567820001" + seed % 10, "Fournisseur " + seed,
                        seed % 2 == 0 ? "FR" : null),
                new FactureStatut.Debtor("11000201100044", seed % 3 == 0 ? null : "Ministère & Cie",
                        seed % 4 == 0 ? null : "SERVICE-" + seed),
                status, refusal ? "JUSTIFICATIF_ABSENT" : null, refusal ? "Pièce manquante <PJ>" : null,
                PRODUCED.plusMillis(seed), seed % 2 == 0 ? "RECIPIENT" : "PLATFORM", "FA-" + seed,
                seed % 5 == 0 ? null : LocalDate.of(2026, 11, 1 + seed % 28), seed % 3 == 0 ? "MDT-" + seed : null);
    }
}
