package org.achemine.validation.en16931;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XdmNode;
import org.achemine.bench.InvoiceGenerator;
import org.achemine.bench.InvoiceGenerator.Kind;
import org.achemine.validation.Syntax;
import org.achemine.xml.HardenedXml;

/**
 * The EN 16931 step alone (a benchmark, not a test: {@code ./bench.sh schematron}), the rules as the engine runs
 * them against the same rules without the whole-document scans served by name ({@code name-key} of
 * trim-svrl.xsl): thread CPU time per pass over each corpus, both variants alternated in one JVM on one thread,
 * median of the rounds. Exits 1 when the two give different failed asserts on any file.
 */
public final class SchematronStepBench {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    record Document(XdmNode tree, Syntax syntax, int size) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        En16931Check withKey = new En16931Check(false, false, true);
        En16931Check without = new En16931Check(false, false, false);
        List<Document> generated = new ArrayList<>();
        int[] lineCounts = {1, 2, 3, 4, 5, 8, 10, 12, 15, 20, 30, 50};
        for (int i = 0; i < 120; i++) {
            Kind kind = Kind.values()[i % 3];
            generated.add(document(InvoiceGenerator.generate(kind, lineCounts[i % lineCounts.length], i)));
        }
        List<Document> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/en16931"))) {
            for (Path file : files.filter(f -> f.toString().toLowerCase(Locale.ROOT).endsWith(".xml")).sorted().toList()) {
                examples.add(document(Files.readAllBytes(file)));
            }
        }
        boolean same = true;
        System.out.printf("EN 16931 step alone, thread CPU ms per pass, median of %d rounds, one thread%n", rounds);
        System.out.printf("  %-28s %12s %14s %8s%n", "corpus", "by name key", "official scans", "ratio");
        for (Object[] corpus : new Object[][] {
                {"120 generated (bench corpus)", generated},
                {examples.size() + " official examples", examples},
                {"UBL 1,000 lines", List.of(document(InvoiceGenerator.generate(Kind.UBL_INVOICE, 1000, 7)))},
                {"CII 1,000 lines", List.of(document(InvoiceGenerator.generate(Kind.CII, 1000, 7)))}}) {
            @SuppressWarnings("unchecked")
            List<Document> documents = (List<Document>) corpus[1];
            for (Document document : documents) {
                same &= failures(withKey, document).equals(failures(without, document));
            }
            for (int warm = 0; warm < 3; warm++) {
                pass(withKey, documents);
                pass(without, documents);
            }
            double[] a = new double[rounds];
            double[] b = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                a[round] = pass(withKey, documents);
                b[round] = pass(without, documents);
            }
            Arrays.sort(a);
            Arrays.sort(b);
            System.out.printf("  %-28s %12.1f %14.1f %7.2f×%n", corpus[0], a[rounds / 2], b[rounds / 2],
                    b[rounds / 2] / a[rounds / 2]);
        }
        if (!same) {
            System.out.println("FAILED: the two variants gave different failed asserts");
            System.exit(1);
        }
    }

    private static Document document(byte[] bytes) throws Exception {
        XdmNode tree = HardenedXml.buildTree(bytes, "bench.xml");
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
        Syntax syntax = head.contains("CrossIndustryInvoice") ? Syntax.CII_D16B
                : head.contains("CreditNote-2") ? Syntax.UBL_CREDIT_NOTE : Syntax.UBL_INVOICE;
        return new Document(tree, syntax, bytes.length);
    }

    private static List<SvrlCollector.Failure> failures(En16931Check check, Document document) throws Exception {
        return check.failures(document.tree(), document.syntax(), false,
                document.size() >= En16931Check.PATH_SUMMARY_FROM_BYTES);
    }

    /** Thread CPU milliseconds of one pass over the documents. */
    private static double pass(En16931Check check, List<Document> documents) throws Exception {
        long start = CPU.getCurrentThreadCpuTime();
        for (Document document : documents) {
            failures(check, document);
        }
        return (CPU.getCurrentThreadCpuTime() - start) / 1e6;
    }
}
