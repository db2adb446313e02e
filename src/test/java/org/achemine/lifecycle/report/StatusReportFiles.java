package org.achemine.lifecycle.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.achemine.chorus.statut.CPPFactureStatutUnitaire;
import org.achemine.chorus.statut.CPPStatut;
import org.achemine.chorus.statut.EnveloppeUnitaire;
import org.achemine.chorus.statut.ParametreIndiv;
import org.achemine.report.cppstatut.StatutSchema;

/**
 * Test helper: reads status flow files (lifecycle reports, re-delivery notices) with the classes generated from
 * AIFE's {@code CPPStatutPivot_V1_19.xsd}, once they validate against it.
 */
public final class StatusReportFiles {

    private static final StatutSchema SCHEMA = new StatutSchema();

    private StatusReportFiles() {
    }

    /**
     * One {@code CPPFactureStatutUnitaire} as read from a file.
     *
     * @param invoiceNumber {@code IdFacture}
     * @param status        {@code IdStatut} on two digits
     * @param producer      {@code Producteur/@Id}
     * @param motif         {@code ComplementStatut}
     * @param recipient     {@code Debiteur/Identifiant}
     * @param supplierType  {@code Fournisseur/TypeIdentifiant}
     */
    public record Entry(int numOrdre, String invoiceNumber, String status, String producer, String motif,
                        String comment, Instant at, LocalDate invoiceDate, String recipient, String serviceCode,
                        int supplierType, String supplierId, String supplierName, String mandateId) {
    }

    /** A whole file: its envelope ({@code IdFlx} is the flow id) and entries. */
    public record Report(String sender, String receiver, String flowId, int counter, List<Entry> entries) {
    }

    public static void validate(Path file) throws IOException {
        SCHEMA.validate(file);
    }

    /** Every lifecycle report ({@code FEN1200A_*.xml}) in a folder, by name. */
    public static List<Path> lifecycleReports(Path outbox) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().startsWith("FEN1200A_")).sorted().toList();
        }
    }

    public static Report read(Path file) throws Exception {
        CPPStatut statut = SCHEMA.read(Files.readAllBytes(file));
        EnveloppeUnitaire envelope = statut.getEnveloppe().getEnveloppeUnitaire().get(0);
        String flowId = envelope.getParametres().getParametreIndiv().stream()
                .filter(p -> p.getCode().equals("IdFlx")).map(ParametreIndiv::getValeurparametre).findFirst()
                .orElse(null);
        List<Entry> entries = new ArrayList<>();
        for (CPPFactureStatutUnitaire unit : statut.getCPPFactureStatuts().getCPPFactureStatutUnitaire()) {
            CPPFactureStatutUnitaire.DonneesStatut data = unit.getDonneesStatut();
            entries.add(new Entry(unit.getNumOrdre().intValueExact(), data.getIdFacture(),
                    data.getIdStatut(),
                    data.getProducteur() == null ? null : data.getProducteur().getId(), data.getComplementStatut(),
                    data.getCommentaire(), data.getHorodatage().toGregorianCalendar().toInstant(),
                    data.getDateFacture() == null ? null : LocalDate.of(data.getDateFacture().getYear(),
                            data.getDateFacture().getMonth(), data.getDateFacture().getDay()),
                    unit.getDebiteur().getIdentifiant(), unit.getDebiteur().getCodeService(),
                    unit.getFournisseur().getTypeIdentifiant().intValueExact(), unit.getFournisseur().getIdentifiant(),
                    unit.getFournisseur().getRaisonSociale(), data.getIdMandatDP()));
        }
        return new Report(envelope.getPartenaires().getEmetteur().getId(),
                envelope.getPartenaires().getRecepteur().getId(), flowId,
                statut.getCPPFactureStatuts().getCompteur().intValueExact(), entries);
    }
}
