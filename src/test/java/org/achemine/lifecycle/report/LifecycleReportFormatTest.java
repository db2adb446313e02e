package org.achemine.lifecycle.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.achemine.lifecycle.report.LifecycleReportFormat.Envelope;
import org.achemine.lifecycle.report.StatusReportFiles.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleReportFormatTest {

    private static final LifecycleReportFormat FORMAT = new LifecycleReportFormat();
    private static final Envelope ENVELOPE = new Envelope("ACH001", "FOU001", "ACH0011310000000000000001",
            Instant.parse("2026-11-23T01:30:00Z"));

    @TempDir
    Path dir;

    @Test
    void writesAValidReportListingEachChangeInOrder() throws Exception {
        Path file = dir.resolve("r.statuts.xml");

        FORMAT.write(file, ENVELOPE, 2, each -> {
            each.accept(line("01", "200", "PLATFORM", null, "Facture déposée"));
            each.accept(line("05", "210", "RECIPIENT", "MONTANT_ERRONE", "Montant <HT> faux & TVA"));
        });

        StatusReportFiles.validate(file);
        StatusReportFiles.Report report = StatusReportFiles.read(file);
        assertThat(report.counter()).isEqualTo(2);
        assertThat(report.entries()).extracting(Entry::numOrdre, Entry::status, Entry::motif, Entry::reformReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "01", null, null),
                        org.assertj.core.groups.Tuple.tuple(2, "05", "MONTANT_ERRONE", "MONTANTTOTAL_ERR"));
        assertThat(report.entries().get(1).comment()).isEqualTo("Montant <HT> faux & TVA");
    }

    @Test
    void refusesAReportTheSchemaRejects() {
        Path file = dir.resolve("bad.statuts.xml");

        // a reform code of four digits breaks CodeCycleDeVie's pattern
        assertThatThrownBy(() -> FORMAT.write(file, ENVELOPE, 1, each -> each.accept(
                line("01", "2000", "PLATFORM", null, null))))
                .isInstanceOf(IOException.class).hasMessageContaining("not valid against statuts-facture.xsd");
    }

    @Test
    void refusesAReportWhoseLinesAreNotTheOnesCounted() {
        Path file = dir.resolve("moved.statuts.xml");

        assertThatThrownBy(() -> FORMAT.write(file, ENVELOPE, 3, each -> each.accept(
                line("01", "200", "PLATFORM", null, null))))
                .isInstanceOf(IOException.class).hasMessageContaining("was to list 3 status changes, 1 were found");
    }

    private static StatusLine line(String status, String reform, String actor, String reason, String message) {
        return new StatusLine("ACH0011100000000000000042-1", 1, status, reform, actor, reason, message,
                Instant.parse("2026-11-22T10:15:30.250Z"), "FA-2026-000123", LocalDate.of(2026, 11, 2),
                "81234567600025", "21690012600014", "SCE-TECH-042");
    }
}
