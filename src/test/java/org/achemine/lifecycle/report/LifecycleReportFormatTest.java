package org.achemine.lifecycle.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.achemine.lifecycle.report.StatusReportFiles.Entry;
import org.achemine.report.cppstatut.FactureStatutWriter.Envelope;
import org.achemine.report.cppstatut.StatutSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lifecycle reports as CPPStatut / CPPFactureStatuts, read back with the classes generated from AIFE's schema. */
class LifecycleReportFormatTest {

    private static final LifecycleReportFormat FORMAT = new LifecycleReportFormat(new StatutSchema());
    private static final Envelope ENVELOPE = new Envelope("ACH001", "FOU001", "ACH0011310000000000000001",
            Instant.parse("2026-11-23T01:30:00Z"));
    private static final Instant RECORDED = Instant.parse("2026-11-22T10:15:30.250Z");

    @TempDir
    Path dir;

    @Test
    void writesAValidReportListingEachChangeInOrderWithSupplierRecipientAndInvoice() throws Exception {
        Path file = dir.resolve(ENVELOPE.fileName());

        FORMAT.write(file, ENVELOPE, 2, each -> {
            each.accept(line("01", "PLATFORM", null, "Facture déposée", null));
            each.accept(line("05", "RECIPIENT", "MONTANT_ERRONE", "Montant <HT> faux & TVA",
                    Instant.parse("2026-11-21T08:00:00Z")));
        });

        StatusReportFiles.validate(file);
        assertThat(file.getFileName().toString()).isEqualTo("FEN1200A_ACH001_ACH0011310000000000000001.xml");
        StatusReportFiles.Report report = StatusReportFiles.read(file);
        assertThat(report.sender()).isEqualTo("ACH001");
        assertThat(report.receiver()).isEqualTo("FOU001");
        assertThat(report.flowId()).isEqualTo("ACH0011310000000000000001");
        assertThat(report.counter()).isEqualTo(2);
        assertThat(report.entries()).extracting(Entry::numOrdre, Entry::status, Entry::producer, Entry::motif)
                .containsExactly(tuple(1, "01", "PLATFORM", null), tuple(2, "05", "RECIPIENT", "MONTANT_ERRONE"));
        Entry rejected = report.entries().get(1);
        // the platform's time dates the status; the declared time is only information
        assertThat(rejected.at()).isEqualTo(RECORDED);
        assertThat(rejected.comment()).isEqualTo("Montant <HT> faux & TVA (déclaré le 2026-11-21T08:00:00Z)");
        assertThat(rejected.invoiceNumber()).isEqualTo("FA-2026-000123");
        assertThat(rejected.invoiceDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(rejected.recipient()).isEqualTo("21690012600014");
        assertThat(rejected.serviceCode()).isEqualTo("SCE-TECH-042");
        assertThat(rejected.mandateId()).isEqualTo("MDT-2026-118");
        assertThat(report.entries().get(0).mandateId()).isNull();
        assertThat(rejected).extracting(Entry::supplierType, Entry::supplierId, Entry::supplierName)
                .containsExactly(1, "81234567600025", "Menuiserie Durand");
        // IdStatut is the schema's nonNegativeInteger, written on two digits as every Chorus file does
        assertThat(Files.readString(file)).contains("<IdStatut>01</IdStatut>", "<IdStatut>05</IdStatut>", "<Producteur Id=\"RECIPIENT\">");
    }

    @Test
    void typesTheSupplierByItsSchemeOrShapeAndNamesAnUnknownRecipient() throws Exception {
        // given a Belgian supplier (VAT number), a New Caledonian one (RIDET scheme), one without a SIRET
        StatusLine belgian = new StatusLine("ACH0011100000000000000042-1", 1, "01", "200", "PLATFORM", null, null,
                RECORDED, "FA-1", null, "BE0123456789", "21690012600014", null, null, "Brasserie", null, null);
        StatusLine ridet = new StatusLine("ACH0011100000000000000042-2", 1, "01", "200", "PLATFORM", null, null,
                RECORDED, "FA-2", null, "1234567", "21690012600014", null, null, "Nouméa Bois", "0228", null);
        StatusLine unrouted = new StatusLine("ACH0011100000000000000042-3", 1, "01", "200", "PLATFORM", null, null,
                RECORDED, null, null, "FR12345", "1234", null, null, null, null, null);
        Path file = dir.resolve("types.xml");

        FORMAT.write(file, ENVELOPE, 3, each -> {
            each.accept(belgian);
            each.accept(ridet);
            each.accept(unrouted);
        });

        assertThat(StatusReportFiles.read(file).entries())
                .extracting(Entry::supplierType, Entry::supplierName, Entry::recipient, Entry::invoiceNumber)
                .containsExactly(tuple(2, "Brasserie", "21690012600014", "FA-1"),
                        tuple(4, "Nouméa Bois", "21690012600014", "FA-2"),
                        tuple(6, "FR12345", "00000000000000", "ACH0011100000000000000042-3"));
    }

    @Test
    void refusesAReportTheSchemaRejects() {
        Path file = dir.resolve("bad.xml");

        // a platform code of more than 8 characters breaks Emetteur/Id: refused before anything is written
        assertThatThrownBy(() -> FORMAT.write(file, new Envelope("ACHEMINE01", "FOU001", "X", RECORDED), 1,
                each -> each.accept(line("01", "PLATFORM", null, null, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 to 8");
        assertThat(file).doesNotExist();
        // and a status the official list does not have is refused by the schema once written
        assertThatThrownBy(() -> FORMAT.write(file, ENVELOPE, 1,
                each -> each.accept(line("42", "PLATFORM", null, null, null))))
                .isInstanceOf(IOException.class).hasMessageContaining("CPPStatutPivot_V1_19.xsd");
    }

    @Test
    void refusesAReportWhoseLinesAreNotTheOnesCounted() {
        Path file = dir.resolve("moved.xml");

        assertThatThrownBy(() -> FORMAT.write(file, ENVELOPE, 3, each -> each.accept(
                line("01", "PLATFORM", null, null, null))))
                .isInstanceOf(IOException.class).hasMessageContaining("was to list 3 statuses, 1 were found");
    }

    private static StatusLine line(String status, String actor, String reason, String message, Instant declared) {
        return new StatusLine("ACH0011100000000000000042-1", 1, status, "200", actor, reason, message, RECORDED,
                "FA-2026-000123", LocalDate.of(2026, 11, 2), "81234567600025", "21690012600014", "SCE-TECH-042",
                declared, "Menuiserie Durand", "0009", declared == null ? null : "MDT-2026-118");
    }
}
