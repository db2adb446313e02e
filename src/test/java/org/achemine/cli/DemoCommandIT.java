package org.achemine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.achemine.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the demo prints the right verdict for every sample, then where each invoice went. */
class DemoCommandIT {

    @TempDir
    Path work;

    /** The database the demo runs on: its data folder's H2 file. */
    protected TestDatabase database(Path dataDir) {
        return TestDatabase.h2(dataDir);
    }

    @Test
    void demoProcessesEverySampleAndPrintsVerdictsAndDestinations() {
        // given a data folder of its own
        String dataDir = work.resolve("demo").toString();

        // when the demo runs on the samples it ships (no --samples)
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            List<String> args = new java.util.ArrayList<>(List.of("demo", "--data-dir", dataDir));
            args.addAll(database(Path.of(dataDir)).arguments());
            exit = AchemineCommand.commandLine().execute(args.toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
        List<String> lines = Arrays.asList(captured.toString(StandardCharsets.UTF_8).split("\n"));

        // then every sample got its expected verdict and codes (samples/README.md)
        assertThat(exit).isZero();
        assertFlow(lines, "ubl-invoice-valid.xml", "IN_INTEGRE", "-");
        assertFlow(lines, "ubl-creditnote-valid.xml", "IN_INTEGRE", "-");
        assertFlow(lines, "cii-invoice-valid.xml", "IN_INTEGRE", "-");
        assertFlow(lines, "invalid-xsd-error.xml", "IN_REJETE", "XSD_INVALIDE");
        assertFlow(lines, "invalid-not-well-formed.xml", "IN_REJETE", "IRR_SYNTAX");
        assertFlow(lines, "invalid-xxe-file.xml", "IN_REJETE", "IRR_DTD");
        assertFlow(lines, "invalid-xxe-http.xml", "IN_REJETE", "IRR_DTD");
        assertFlow(lines, "invalid-billion-laughs.xml", "IN_REJETE", "IRR_DTD");
        assertFlow(lines, "invalid-empty.xml", "IN_REJETE", "IRR_VIDE_F");
        assertFlow(lines, "invalid-unsupported-type.pdf", "IN_REJETE", "IRR_PDF_SANS_FACTURX");
        assertFlow(lines, "invalid-latin1-undeclared.xml", "IN_REJETE", "IRR_ENCODAGE");
        assertFlow(lines, "invalid-unknown-root.xml", "IN_REJETE", "IRR_RACINE");
        assertFlow(lines, "batch-mixed-batch.zip", "IN_INTEGRE_PARTIEL", "IRR_SYNTAX XSD_INVALIDE");

        // and the valid invoices were delivered to the recipient's mailbox, the batch's copies refused at
        // integration as duplicates
        assertThat(invoiceLineAfter(lines, "ubl-invoice-valid.xml"))
                .contains("03 Mise à disposition").contains("mailboxes/COL001/out/");
        assertThat(invoiceLineAfter(lines, "cii-invoice-valid.xml")).contains("03 Mise à disposition");
        // (the batch is dropped once the single invoices are received: its copies are the duplicates)
        assertThat(invoiceLineAfter(lines, "batch-mixed-batch.zip"))
                .contains("refusée à l'intégration (213 DOUBLON) ROUTAGE_DOUBLON").doesNotContain("05 ");
        // and the samples addressed to a recipient the directory does not know are refused at integration
        for (String unknownRecipient : List.of("national-ok-ubl-invoice.xml", "national-ok-cii-invoice.xml")) {
            assertThat(invoiceLineAfter(lines, unknownRecipient)).as(unknownRecipient)
                    .contains("refusée à l'intégration (213 DEST_INC) ROUTAGE_SIRET_INCONNU")
                    .doesNotContainPattern("facture \\S+\\s+0[124] ");
            assertThat(historyLines(lines, unknownRecipient)).as(unknownRecipient).singleElement().asString()
                    .contains("aucun statut : refusée à l'intégration (213 DEST_INC, ROUTAGE_SIRET_INCONNU)");
        }

        // and the sample status files (CSV and Chorus Pro's CPPStatut) were answered: applied, partly applied with the bad lines reported
        assertThat(lines).anyMatch(l -> l.contains("COL001/in/statuts-service-fait.csv") && l.contains(" IN_INTEGRE "));
        assertThat(lines).anyMatch(l -> l.contains("COL001/in/statuts-lignes-erronees.csv")
                && l.contains("IN_INTEGRE_PARTIEL"));
        assertThat(lines).anyMatch(l -> l.contains("COL001/in/statuts-comptabilite.xml") && l.contains(" IN_INTEGRE "));
        assertThat(lines).anyMatch(l -> l.contains("FOU001/in/completion-fournisseur.xml") && l.contains(" IN_INTEGRE "));
        assertThat(lines).anyMatch(l -> l.startsWith("  rapports de cycle de vie à FOU001 : [FEN1200A_ACH001_ACH0011310"));

        // and the demo ends with each invoice's full history: FA-2026-000123 paid, FA-2026-000124 suspended,
        // completed and delivered again, the credit note booked
        assertThat(history(lines, "ubl-invoice-valid.xml")).containsExactly("01", "02", "03", "07", "10", "11");
        assertThat(history(lines, "cii-invoice-valid.xml")).containsExactly("01", "02", "03", "06", "12", "03");
        assertThat(history(lines, "ubl-creditnote-valid.xml")).containsExactly("01", "02", "03", "07", "10");
        // each line dated by the platform's record, in the order of events; a recipient's or supplier's declared
        // time is information beside it (the sample status files declare days in November)
        List<String> suspended = historyLines(lines, "cii-invoice-valid.xml");
        assertThat(suspended).extracting(l -> java.time.Instant.parse(l.trim().split("\\s+")[0]))
                .isSortedAccordingTo(java.util.Comparator.naturalOrder());
        assertThat(suspended.get(3)).contains(" 06 ", "RECIPIENT", "(déclaré 2026-11-24T09:00:00Z)");
        assertThat(suspended.get(4)).contains(" 12 ", "SUPPLIER", "(déclaré 2026-11-25T07:45:00Z)");
        assertThat(suspended.get(0)).contains(" 01 ").doesNotContain("déclaré");
        assertThat(historyLines(lines, "batch-mixed-batch.zip")).singleElement().asString()
                .contains("aucun statut : refusée à l'intégration (213 DOUBLON, ROUTAGE_DOUBLON)");

        // and it ends with the next commands to try, on its own data folder, naming a delivered invoice and its flow
        String data = "--achemine.data-dir=" + Path.of(dataDir).toAbsolutePath();
        int next = lines.indexOf("À essayer ensuite sur ce dossier de données :");
        assertThat(next).as("the next commands").isPositive();
        assertThat(lines.subList(next + 1, lines.size())).hasSize(5).allSatisfy(l -> assertThat(l).contains(data))
                .extracting(l -> l.replaceAll("^  java -jar \\S+ ", "").split(" ")[0] + " "
                        + l.replaceAll("^  java -jar \\S+ ", "").split(" ")[1])
                .containsExactly("invoice list", "invoice show", "flow show", "verify --achemine.data-dir="
                        + Path.of(dataDir).toAbsolutePath(), "run --achemine.data-dir=" + Path.of(dataDir).toAbsolutePath());
        String shown = lines.get(next + 2).split(" ")[7];
        // a UBL flow: ubl-invoice-valid.xml, or the attachments sample, whichever was delivered first
        assertThat(lines).anyMatch(l -> l.startsWith("  facture ") && l.contains("(" + shown + ", ")
                && l.contains("ubl-"));
    }

    /** The status codes of the first invoice of a flow, from the demo's closing « Historique » section. */
    private static List<String> history(List<String> lines, String flowName) {
        return historyLines(lines, flowName).stream().map(l -> l.trim().split("\\s+")[1]).toList();
    }

    /** The lines under the first invoice of a flow in the demo's closing « Historique » section. */
    private static List<String> historyLines(List<String> lines, String flowName) {
        int at = lines.indexOf("Historique de chaque facture");
        assertThat(at).as("the histories section").isPositive();
        while (!(lines.get(at).startsWith("  facture ") && lines.get(at).endsWith(", " + flowName + ")"))) {
            at++;
        }
        List<String> history = new java.util.ArrayList<>();
        for (int i = at + 1; i < lines.size() && lines.get(i).startsWith("    "); i++) {
            history.add(lines.get(i));
        }
        return history;
    }

    private static void assertFlow(List<String> lines, String name, String state, String codes) {
        assertThat(lines).as(name).anyMatch(l -> l.startsWith(name + " ") && l.split("\\s+")[1].equals(state)
                && l.contains(" " + codes + "  ") && l.contains(".cr.xml"));
    }

    private static String invoiceLineAfter(List<String> lines, String flowName) {
        int at = 0;
        while (!lines.get(at).startsWith(flowName + " ")) {
            at++;
        }
        return lines.get(at + 1);
    }
}
