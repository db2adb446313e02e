package org.achemine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.achemine.chorus.statut.CPPFluxStatutUnitaire;
import org.achemine.chorus.statut.CPPStatut;
import org.achemine.chorus.statut.LigneErreurDetail;
import org.achemine.chorus.statut.ParametreIndiv;
import org.achemine.report.IntegratedFlow.IntegratedDocument;
import org.achemine.report.cppstatut.FluxStatut;
import org.achemine.report.cppstatut.FluxStatutCode;
import org.achemine.report.cppstatut.FluxStatutReader;
import org.achemine.report.cppstatut.FluxStatutWriter;
import org.achemine.report.cppstatut.StatutSchema;
import org.achemine.validation.AcceptancePolicy;
import org.achemine.validation.CheckName;
import org.achemine.validation.CheckResult;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.FlowKind;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.Location;
import org.achemine.validation.Severity;
import org.achemine.validation.Syntax;
import org.junit.jupiter.api.Test;

/** Deposit and integration reports as CPPStatut / CPPFluxStatuts: valid, complete, read back with the official classes. */
class FlowStatutReportsTest {

    private static final StatutSchema SCHEMA = new StatutSchema();
    private static final Instant RECORDED = Instant.parse("2026-11-23T09:15:31.250Z");
    private static final ReportedFlow FLOW = new ReportedFlow("ACH0011190000000000000007", "lot mars.zip", "FOU001",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 2048,
            Instant.parse("2026-11-23T09:15:30.120Z"));

    private final FlowStatutReports reports =
            new FlowStatutReports("ACH001", new AcceptancePolicy(), new FluxStatutWriter(SCHEMA));
    private final FluxStatutReader reader = new FluxStatutReader(SCHEMA);

    @Test
    void partiallyAcceptedBatchIsReceived96WithOneErrorLinePerFindingAndItsInvoiceRank() throws Exception {
        // given a batch: one accepted invoice, one with an XSD error, and a warning on the flow itself
        DocumentVerdict good = new DocumentVerdict("a.xml", Syntax.UBL_INVOICE,
                List.of(CheckResult.of(CheckName.XSD, List.of(), Duration.ZERO)), null);
        Finding xsd = new Finding("XSD_INVALIDE", Severity.FATAL, CheckName.XSD, "Non conforme au schéma",
                "Not schema-valid", null, new Location(12, 7, "/Invoice/cbc:IssueDate"));
        DocumentVerdict bad = new DocumentVerdict("b.xml", Syntax.UBL_INVOICE,
                List.of(CheckResult.of(CheckName.XSD, List.of(xsd), Duration.ZERO)), null);
        Finding again = Finding.of(FindingCode.ADM_CONTENU_DEJA_RECU, Location.NONE, "ACH0011190000000000000003",
                "lot.zip");
        FlowVerdict verdict = new FlowVerdict(FlowKind.ZIP, List.of(again), List.of(good, bad));

        // when its official deposit report is written
        FluxStatut report = reports.deposit(FLOW, verdict, RECORDED);
        byte[] xml = reports.toXml(report);

        // then it validates, is named in Chorus's shape, and the official classes read everything back
        SCHEMA.validate(xml);
        assertThat(reports.depositFileName(FLOW.flowId())).isEqualTo("FSO1190A_ACH001_ACH0011190000000000000007.xml");
        CPPStatut statut = SCHEMA.read(xml);
        assertThat(statut.getEnveloppe().getEnveloppeUnitaire().get(0).getParametres().getParametreIndiv())
                .extracting(ParametreIndiv::getCode, ParametreIndiv::getValeurparametre)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DtPrd", "2026-11-23"),
                        org.assertj.core.groups.Tuple.tuple("IdFlx", "ACH0011190000000000000007"));
        assertThat(statut.getEnveloppe().getEnveloppeUnitaire().get(0).getPartenaires().getEmetteur().getId())
                .isEqualTo("ACH001");
        assertThat(statut.getEnveloppe().getEnveloppeUnitaire().get(0).getPartenaires().getRecepteur().getId())
                .isEqualTo("FOU001");
        CPPFluxStatutUnitaire.DonneesStatut data = statut.getCPPFluxStatuts().getCPPFluxStatutUnitaire().get(0)
                .getDonneesStatut();
        assertThat(data.getIdStatut()).isEqualTo("96");
        assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8)).contains("<IdStatut>96</IdStatut>");
        assertThat(data.getComplementStatut()).isEqualTo("IN_INTEGRE_PARTIEL");
        assertThat(data.getIdFlux()).isEqualTo("ACH0011190000000000000007");
        assertThat(data.getHorodatage().toGregorianCalendar().toInstant()).isEqualTo(RECORDED);
        assertThat(data.getCommentaire()).isEqualTo("Flux lot mars.zip : 2 facture(s), 1 acceptée(s), 1 refusée(s)");
        assertThat(data.getDetails().getNbLignesErreur().intValue()).isEqualTo(2);
        assertThat(data.getDetails().getLigneErreurDetail())
                .extracting(LigneErreurDetail::getIdLigne, LigneErreurDetail::getNatureErreur,
                        LigneErreurDetail::getCodeErreur, LigneErreurDetail::getDescriptionErreur)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, "admissibility:warning", "ADM_CONTENU_DEJA_RECU", null),
                        org.assertj.core.groups.Tuple.tuple("2", "xsd:fatal", "XSD_INVALIDE",
                                "ligne 12, colonne 7 ; /Invoice/cbc:IssueDate"));
        assertThat(data.getDetails().getLigneErreurDetail().get(1).getLibelleErreur()).isEqualTo("Non conforme au schéma");
        // and our reader gives the same report back
        assertThat(reader.read(xml, report.interfaceCode())).isEqualTo(report);
    }

    @Test
    void integrationReportSaysDeliveredToTheFinalRecipient92OrTransmissionError95WithTheRefusal() throws Exception {
        // given a flow whose only invoice was refused at integration, and one whose invoice was delivered
        IntegratedDocument document = new IntegratedDocument(1, "ACH0011100000000000000046-1", "a.xml",
                "IN_DP_E1_UBL_INVOICE", "FA-2026-000123", "12345678200010", "21690012600014", null, null, null, null,
                null, null, null);
        IntegratedFlow refused = new IntegratedFlow(new ReportedFlow("ACH0011100000000000000046", "a.xml", "FOU001",
                null, 10, RECORDED), "IN_DP_E1_UBL_INVOICE", "FSO1100A", List.of(document.refused("ROUTAGE_DOUBLON",
                "Double facturation", "213", "DOUBLON")));
        IntegratedFlow delivered = new IntegratedFlow(refused.flow(), "IN_DP_E1_UBL_INVOICE", "FSO1100A",
                List.of(document.integrated("03", "Mise à disposition du destinataire")));

        // when their integration reports are written
        FluxStatut refusal = reader.read(reports.toXml(reports.integration(refused, RECORDED)), "CSO1100A");
        FluxStatut success = reader.read(reports.toXml(reports.integration(delivered, RECORDED)), "CSO1100A");

        // then 95 with the refusal's code, rank and reform status; 92 without error lines
        assertThat(reports.integrationFileName(refused.flow().flowId()))
                .isEqualTo("CSO1100A_ACH001_ACH0011100000000000000046.xml");
        assertThat(refusal.status()).isEqualTo(FluxStatutCode.ERREUR_TRANSMISSION_DESTINATAIRE_FINAL);
        assertThat(refusal.errors()).singleElement().satisfies(line -> {
            assertThat(line.line()).isEqualTo(1);
            assertThat(line.code()).isEqualTo("ROUTAGE_DOUBLON");
            assertThat(line.isFatal()).isTrue();
            assertThat(line.description()).contains("FA-2026-000123", "213", "DOUBLON");
        });
        assertThat(success.status()).isEqualTo(FluxStatutCode.RECU_DESTINATAIRE_FINAL);
        assertThat(success.errors()).isEmpty();
    }

    @Test
    void limitsOfTheSchemaAreKeptAndPartnerTextIsMadeSafe() throws Exception {
        // given a complement past 40 characters and a message with a bidi override and a control character
        FluxStatut report = new FluxStatut("FSO1100A", "ACH001", "FOU001", "ACH0011100000000000000046",
                FluxStatutCode.ERREUR_RECEPTION, "X".repeat(60), "Flux \u202Eevil\u0001.xml", RECORDED,
                List.of(new FluxStatut.ErrorLine(1, "national:fatal", "CHORUS_SIRET", "fichier \u202Efdp.xml", null)));

        // when it is written
        FluxStatut read = reader.read(reports.toXml(report), "FSO1100A");

        // then the complement is cut at 40 and nothing can reorder what a reader sees
        assertThat(read.complement()).hasSize(40);
        assertThat(read.comment()).isEqualTo("Flux \\u202Eevil\\u0001.xml");
        assertThat(read.errors().get(0).label()).isEqualTo("fichier \\u202Efdp.xml");
    }

    @Test
    void aReportThatCouldNotBeValidIsNeverProduced() {
        // given a platform code longer than the schema's 8 characters
        FlowStatutReports misconfigured =
                new FlowStatutReports("ACHEMINE01", new AcceptancePolicy(), new FluxStatutWriter(SCHEMA));
        FlowVerdict verdict = new FlowVerdict(FlowKind.UNSUPPORTED,
                List.of(Finding.of(FindingCode.IRR_DOSSIER, Location.NONE)), List.of());

        // when its report is asked for, then nothing is written: refused before any byte
        assertThatThrownBy(() -> misconfigured.toXml(misconfigured.deposit(FLOW, verdict, RECORDED)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 to 8");
        // and bytes that break the schema are refused by the reader
        assertThatThrownBy(() -> SCHEMA.read("<CPPStatut/>".getBytes()))
                .isInstanceOf(StatutSchema.InvalidStatutException.class);
    }
}
