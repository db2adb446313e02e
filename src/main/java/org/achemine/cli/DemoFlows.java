package org.achemine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The sample flows the demo deposits as the supplier, and the names it gives them: every flow sample (XML, PDF,
 * zip, tar.gz) of {@code samples/<kind>/}, named after its folder so names stay unique. Batches are deposited
 * only once the single invoices are received: they repeat some of their numbers, and double billing keeps the
 * earliest received. Shared with the test that deposits them over SFTP instead.
 */
public final class DemoFlows {

    public static final String SUPPLIER = "FOU001";
    public static final String RECIPIENT = "COL001";

    /** A status flow of {@code samples/status}: who deposits it, and its file. */
    public record StatusFlow(String partner, String file) {
    }

    /**
     * The status flows of samples/status, in the order samples/README.md gives: the recipient's statuses, its
     * file with bad lines, then the supplier's completion of the suspended invoice. Deposited once the invoices
     * are routed, each once the previous one is answered.
     */
    public static final List<StatusFlow> STATUS_FLOWS = List.of(
            new StatusFlow(RECIPIENT, "statuts-service-fait.csv"),
            new StatusFlow(RECIPIENT, "statuts-comptabilite.xml"),
            new StatusFlow(RECIPIENT, "statuts-lignes-erronees.csv"),
            new StatusFlow(SUPPLIER, "completion-fournisseur.xml"));

    private DemoFlows() {
    }

    /** The single-invoice flows, then the batches, each list sorted. */
    public record Deposits(List<Path> singles, List<Path> batches) {

        public int count() {
            return singles.size() + batches.size();
        }
    }

    public static Deposits of(Path samples) throws IOException {
        List<Path> flows;
        try (Stream<Path> files = Files.walk(samples)) {
            flows = files.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(samples.resolve("directory")))
                    .filter(f -> !f.startsWith(samples.resolve("status"))) // recipients' files, not the supplier's
                    .filter(f -> !f.startsWith(samples.resolve("hostile"))) // HostileInputsIT's catalogue, not a demo
                    .filter(f -> f.getNameCount() - samples.getNameCount() == 2) // samples/<kind>/<file>
                    .filter(f -> List.of(".xml", ".pdf", ".zip", ".gz").stream()
                            .anyMatch(ext -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext)))
                    .sorted()
                    .toList();
        }
        Path batch = samples.resolve("batch");
        return new Deposits(flows.stream().filter(f -> !f.startsWith(batch)).toList(),
                flows.stream().filter(f -> f.startsWith(batch)).toList());
    }

    /** The name a sample is deposited under: {@code <kind>-<file>} (e.g. {@code ubl-invoice-valid.xml}). */
    public static String depositName(Path sample) {
        return sample.getParent().getFileName() + "-" + sample.getFileName();
    }
}
