package org.achemine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.achemine.report.cppstatut.FluxStatut;
import org.achemine.report.cppstatut.FluxStatutCode;
import org.achemine.report.cppstatut.FluxStatutReader;
import org.achemine.report.cppstatut.StatutSchema;
import org.achemine.testing.EngineTest;
import org.achemine.testing.SampleInvoices;
import org.springframework.batch.core.BatchStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A supplier whose system reads only Chorus's formats ({@code report-formats: [cppstatut]}): it gets the official
 * CPPStatut deposit and integration reports, and no detailed companion; the flow records the official one.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=1h",
        "achemine.lifecycle.trigger-delay=1h",
        "achemine.partners[0].code=FOU001", "achemine.partners[0].role=ISSUER",
        "achemine.partners[0].report-formats=cppstatut",
        "achemine.partners[1].code=COL001", "achemine.partners[1].role=RECIPIENT",
        "achemine.partners[1].siret=21690012600014", "achemine.partners[1].delivery-format=original"})
class OfficialReportsOnlyIT extends EngineTest {

    private static final String BELLERIVE = "21690012600014";

    @Test
    void aPartnerAskingOnlyForCppStatutGetsTheOfficialReportsAndNoDetailedOnes() throws Exception {
        // given the directory, a valid invoice and a broken one from a supplier that asked for cppstatut only
        sampleDirectoryInService();
        deposit("FOU001", "good.xml", SampleInvoices.ubl("F-OFF-001", BELLERIVE, "SCE-TECH-042", "EJ-1"));
        deposit("FOU001", "broken.xml", "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>"
                .getBytes(StandardCharsets.UTF_8));

        // when routing runs
        assertThat(run(routingJob).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // then its out/ holds only official reports: a deposit report per flow, an integration report for the good one
        Path out = dataDir.resolve("mailboxes/FOU001/out");
        List<String> names;
        try (Stream<Path> files = Files.list(out)) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        String good = flowId("good.xml");
        String broken = flowId("broken.xml");
        assertThat(names).containsExactlyInAnyOrder(FlowStatutReports.depositFileName(good),
                FlowStatutReports.integrationFileName(good), FlowStatutReports.depositFileName(broken));
        // and each reads back with the official classes: received, delivered, refused with its finding
        FluxStatutReader reader = new FluxStatutReader(new StatutSchema());
        assertThat(Files.readString(out.resolve(FlowStatutReports.depositFileName(good))))
                .contains("<IdStatut>90</IdStatut>");
        assertThat(reader.read(out.resolve(FlowStatutReports.depositFileName(good))).status())
                .isEqualTo(FluxStatutCode.RECU);
        assertThat(reader.read(out.resolve(FlowStatutReports.integrationFileName(good))).status())
                .isEqualTo(FluxStatutCode.RECU_DESTINATAIRE_FINAL);
        FluxStatut refused = reader.read(out.resolve(FlowStatutReports.depositFileName(broken)));
        assertThat(refused.status()).isEqualTo(FluxStatutCode.ERREUR_RECEPTION);
        assertThat(refused.errors()).anySatisfy(line -> {
            assertThat(line.isFatal()).isTrue();
            assertThat(line.line()).isEqualTo(1);
        });
        // and the flows record the official reports as theirs, journaled once each
        assertThat(jdbc.queryForObject("SELECT report_path FROM flow WHERE flow_id = ?", String.class, good))
                .endsWith(FlowStatutReports.depositFileName(good));
        assertThat(jdbc.queryForObject("SELECT integration_report_path FROM flow WHERE flow_id = ?", String.class, good))
                .endsWith(FlowStatutReports.integrationFileName(good));
        assertThat(jdbc.queryForList("SELECT kind FROM publication WHERE mailbox = 'FOU001' ORDER BY kind",
                String.class)).containsExactly("DEPOSIT_CPPSTATUT", "DEPOSIT_CPPSTATUT", "INTEGRATION_CPPSTATUT");
    }

    private String flowId(String name) {
        return jdbc.queryForObject("SELECT flow_id FROM flow WHERE original_name = ?", String.class, name);
    }
}
