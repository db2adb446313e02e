package org.achemine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.achemine.chorus.statut.CPPStatut;
import org.achemine.report.cppstatut.StatutSchema;
import org.achemine.report.cppstatut.StatutSchema.InvalidStatutException;
import org.achemine.report.xml.CompteRenduType;
import org.achemine.validation.AcceptancePolicy;
import org.achemine.validation.FlowKind;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports written with one walk of the tree (issue 16, ADR 0028) are byte for byte those main wrote before
 * (kept in {@code report/unchanged/}, made by {@link ReportCorpus#main} from main's build at 5ed0b6c; the burst's
 * two kinds, {@code *-burst-*}, from main at ec6d399, before session 8's cheaper building), and a report
 * the schema refuses is never handed out: the check still runs on every report, and the thread that refused one
 * writes the next one as before.
 */
class ReportBytesUnchangedTest {

    private static final Instant PRODUCED = Instant.parse("2026-11-23T09:15:31.250Z");
    private static final ReportedFlow FLOW = new ReportedFlow("ACH0011100202611230000001", "a.xml", "FOU001",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 2048,
            Instant.parse("2026-11-23T09:15:30.120Z"));

    @TempDir
    Path dir;

    @Test
    void everyReportOfTheCorpusIsByteForByteWhatMainWrote() throws Exception {
        Map<String, byte[]> reports = new ReportCorpus().reports();

        assertThat(reports).hasSize(39);
        for (Map.Entry<String, byte[]> report : reports.entrySet()) {
            assertThat(report.getValue()).as(report.getKey()).isEqualTo(unchanged(report.getKey()));
        }
    }

    @Test
    void aStreamedStatusFlowIsByteForByteWhatMainWrote() throws Exception {
        byte[] streamed = new ReportCorpus().streamedStatuses(dir.resolve(ReportCorpus.STREAMED),
                ReportCorpus.STREAMED_COUNT);

        assertThat(streamed).isEqualTo(unchanged(ReportCorpus.STREAMED));
    }

    @Test
    void aCompteRenduWithAValueItsSchemaRefusesIsNeverWrittenAndTheNextOneIs() throws Exception {
        DepositReport reports = new DepositReport(List.of(new RuleSet("EN 16931", "1.3.16")), new AcceptancePolicy());
        FlowVerdict verdict = FlowVerdict.refused(FlowKind.XML, List.of());
        CompteRenduType report = reports.build(FLOW, verdict, PRODUCED);
        report.getFlux().getEmpreinte().setValue("NOT-A-SHA-256"); // the schema's pattern: 64 lower-case hex digits

        assertThatThrownBy(() -> reports.toXml(report)).isInstanceOf(ReportException.class)
                .hasMessageContaining("compte-rendu.xsd").hasMessageContaining("NOT-A-SHA-256");

        CompteRenduType otherVersion = reports.build(FLOW, verdict, PRODUCED);
        otherVersion.setVersion("2.0"); // fixed at 1.0
        assertThatThrownBy(() -> reports.toXml(otherVersion)).isInstanceOf(ReportException.class)
                .hasMessageContaining("2.0");
        CompteRenduType noReceptionTime = reports.build(FLOW, verdict, PRODUCED);
        noReceptionTime.getFlux().setDateHeureReception(null); // required
        assertThatThrownBy(() -> reports.toXml(noReceptionTime)).isInstanceOf(ReportException.class);

        byte[] next = reports.toXml(FLOW, verdict, PRODUCED);
        ReportSchema.validate(Files.write(dir.resolve("next.cr.xml"), next));
        assertThat(next).isEqualTo(reports.toXml(FLOW, verdict, PRODUCED));
    }

    @Test
    void aCppStatutWithAValueTheOfficialSchemaRefusesIsNeverWrittenAndTheNextOneIs() throws Exception {
        StatutSchema schema = new StatutSchema();
        byte[] valid = unchanged("fso-partial.xml");
        CPPStatut statut = schema.read(valid);
        statut.getCPPFluxStatuts().getCPPFluxStatutUnitaire().get(0).getDonneesStatut().setIdStatut("97");

        assertThatThrownBy(() -> schema.write(statut)).isInstanceOf(InvalidStatutException.class)
                .hasMessageContaining("97");
        statut.getCPPFluxStatuts().getCPPFluxStatutUnitaire().get(0).getDonneesStatut().setIdStatut("96");
        statut.getEnveloppe().getEnveloppeUnitaire().get(0).getPartenaires().getEmetteur().setId("A1");
        assertThatThrownBy(() -> schema.write(statut)).isInstanceOf(InvalidStatutException.class)
                .hasMessageContaining("A1");

        statut.getEnveloppe().getEnveloppeUnitaire().get(0).getPartenaires().getEmetteur().setId("ACH001");
        assertThat(schema.write(statut)).isEqualTo(valid);
    }

    private static byte[] unchanged(String name) throws IOException {
        try (InputStream in = ReportBytesUnchangedTest.class.getResourceAsStream("/report/unchanged/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
