package org.achemine.cli;

import static org.achemine.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.achemine.delivery.pivot.PivotSchema;
import org.achemine.report.ReportSchema;
import org.achemine.report.cppstatut.FluxStatut;
import org.achemine.report.cppstatut.FluxStatutReader;
import org.achemine.report.cppstatut.StatutSchema;
import org.achemine.testing.Commands.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What achemine writes to partners, walked after the demo ran every sample flow and status file: each file in each
 * partner's {@code out/} validates against AIFE's official schema of its kind ({@code schemas/chorus/}); the
 * detailed companions (compte rendu) against their own schema; only the daily summaries (CSV) and the invoices
 * delivered as deposited (a recipient configured {@code delivery-format: original}: the supplier's own file, byte
 * for byte) are not ours to validate.
 */
class OutboundFormatsDemoIT {

    @TempDir
    Path work;

    @Test
    void everyFileTheDemoWritesToAPartnerValidatesAgainstItsSchema() throws Exception {
        // given the demo run on the samples it ships
        Path data = work.resolve("demo");
        Run demo = run("demo", "--data-dir", data.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();

        // when every partner's out/ is walked
        StatutSchema statut = new StatutSchema();
        PivotSchema pivot = new PivotSchema();
        FluxStatutReader reader = new FluxStatutReader(statut);
        TreeMap<String, Integer> kinds = new TreeMap<>();
        List<FluxStatut> flowReports = new ArrayList<>();
        java.util.TreeSet<String> lifecycleStatuses = new java.util.TreeSet<>();
        List<Path> outboxes;
        try (Stream<Path> mailboxes = Files.list(data.resolve("mailboxes"))) {
            outboxes = mailboxes.map(m -> m.resolve("out")).filter(Files::isDirectory).sorted().toList();
        }
        for (Path out : outboxes) {
            List<Path> files;
            try (Stream<Path> listed = Files.list(out)) {
                files = listed.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String name = file.getFileName().toString();
                // then no temporary file is left, and each file validates against the schema of its kind
                assertThat(name).as(file.toString()).doesNotStartWith(".");
                String kind;
                if (name.matches("(FSO|CSO)[0-9]{4}A_ACH001_[A-Z0-9]{25}\\.xml")) {
                    kind = "CPPStatut CPPFluxStatuts";
                    assertThat(Files.readString(file)).as(file.toString()).containsPattern("<IdStatut>9[0-6]</IdStatut>");
                    FluxStatut report = reader.read(file);
                    assertThat(report.receiver()).isEqualTo(out.getParent().getFileName().toString());
                    assertThat(name).contains(report.flowId());
                    flowReports.add(report);
                } else if (name.matches("FEN1200A_ACH001_[A-Z0-9]{25}\\.xml") || name.endsWith(".statut.xml")) {
                    kind = "CPPStatut CPPFactureStatuts";
                    statut.validate(file);
                    assertThat(statut.read(Files.readAllBytes(file)).getCPPFactureStatuts()).isNotNull();
                    java.util.regex.Matcher status = java.util.regex.Pattern.compile("<IdStatut>([^<]*)</IdStatut>")
                            .matcher(Files.readString(file));
                    while (status.find()) {
                        lifecycleStatuses.add(status.group(1));
                    }
                } else if (name.matches("FEN0036A_ACH001_[A-Z0-9]{25}\\.xml")) {
                    kind = "CPPFacturePivot";
                    pivot.validate(Files.readAllBytes(file));
                } else if (name.endsWith(".cr.xml") || name.endsWith(".integration.xml")) {
                    kind = "compte rendu détaillé";
                    ReportSchema.validate(file);
                } else if (name.matches("tableau-de-bord-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.csv")) {
                    kind = "tableau de bord (CSV)";
                } else {
                    kind = "facture livrée telle que déposée";
                    assertThat(name).as(file.toString()).matches("[A-Z0-9]{25}-[0-9]+_.*\\.xml");
                }
                kinds.merge(kind, 1, Integer::sum);
            }
        }

        // and the demo wrote each kind of official file: flow reports of every status it can reach, lifecycle flows
        assertThat(kinds).containsKeys("CPPStatut CPPFluxStatuts", "CPPStatut CPPFactureStatuts",
                "compte rendu détaillé");
        assertThat(flowReports).extracting(r -> r.status().code()).contains(90, 93, 96, 92);
        // and every IdStatut is written on two digits, as Chorus writes it (the schema would take 3 for 03)
        assertThat(lifecycleStatuses).contains("01", "03").allMatch(s -> s.matches("[0-9]{2}"));
        assertThat(flowReports).filteredOn(r -> r.status().code() == 93)
                .allSatisfy(r -> assertThat(r.errors()).anyMatch(FluxStatut.ErrorLine::isFatal));
        System.out.println("Fichiers écrits aux partenaires par la démo, par format : " + kinds);
    }
}
