package org.achemine.validation.en16931;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;
import org.achemine.bench.InvoiceGenerator;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.Syntax;
import org.achemine.xml.HardenedXml;

/**
 * The EN 16931 step alone, with the official pattern walks and with the selective walks ({@link SelectiveWalks}; a
 * benchmark, not a test): both stylesheets trimmed as the engine trims them for small invoices (wildcard rules by
 * name, no path summary, paths per assert; with {@code --large}: as for invoices of 64 KB or more), run alternately
 * pass after pass in one JVM on one thread, trees built beforehand. Thread CPU time, median of 7 rounds after 15 s of
 * warm-up: alternating pass by pass keeps a loaded machine's swings out of the ratio. Run with the class path
 * {@code ./bench.sh} builds: {@code java -Xmx2g -cp "target/classes:target/test-classes:$(cat
 * target/bench.classpath)" org.achemine.validation.en16931.En16931StepBench [5000] [--large]} (the lines of the large
 * invoices, 1,000 if none).
 */
public final class En16931StepBench {

    private static final long WARM_UP_NANOS = 15_000_000_000L;
    private static final long ROUND_NANOS = 2_000_000_000L;
    private static final int ROUNDS = 7;

    private record Document(XdmNode tree, Syntax syntax) {
    }

    private record Rules(XsltExecutable executable, List<QName> modes) {

        int failures(Document document) throws Exception {
            Xslt30Transformer transformer = executable.load30();
            transformer.setGlobalContextItem(document.tree());
            SvrlCollector collector = new SvrlCollector();
            for (QName mode : modes) {
                transformer.setInitialMode(mode);
                transformer.applyTemplates(document.tree(), new SAXDestination(collector));
            }
            return collector.failures().size();
        }
    }

    private En16931StepBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        boolean large = arguments.contains("--large");
        int largeLines = arguments.stream().filter(a -> !a.startsWith("--")).findFirst().map(Integer::parseInt)
                .orElse(1000);
        // the trimmed stylesheets call Java functions En16931Check registers as it is initialised
        Class.forName(En16931Check.class.getName());
        Map<Syntax, Rules> officialWalks = new EnumMap<>(Syntax.class);
        Map<Syntax, Rules> selectiveWalks = new EnumMap<>(Syntax.class);
        for (Syntax syntax : List.of(Syntax.UBL_INVOICE, Syntax.CII_D16B)) {
            officialWalks.put(syntax, compile(trimmed(syntax, large, false)));
            selectiveWalks.put(syntax, compile(trimmed(syntax, large, true)));
        }
        Map<String, List<Document>> corpora = corpora(largeLines);
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmUpEnd) {
            for (List<Document> corpus : corpora.values()) {
                pass(officialWalks, corpus);
                pass(selectiveWalks, corpus);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("corpus                 official walks  selective walks  (ms CPU per pass, median of 7)  speed-up");
        for (Map.Entry<String, List<Document>> corpus : corpora.entrySet()) {
            double[] without = new double[ROUNDS];
            double[] with = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                long withoutNanos = 0;
                long withNanos = 0;
                int passes = 0;
                while (System.nanoTime() - start < ROUND_NANOS) {
                    long t0 = threads.getCurrentThreadCpuTime();
                    int a = pass(officialWalks, corpus.getValue());
                    long t1 = threads.getCurrentThreadCpuTime();
                    int b = pass(selectiveWalks, corpus.getValue());
                    withNanos += threads.getCurrentThreadCpuTime() - t1;
                    withoutNanos += t1 - t0;
                    if (a != b) {
                        throw new IllegalStateException(
                                "the selective walks changed the number of failures: " + a + " / " + b);
                    }
                    passes++;
                }
                without[round] = withoutNanos / 1e6 / passes;
                with[round] = withNanos / 1e6 / passes;
            }
            Arrays.sort(without);
            Arrays.sort(with);
            System.out.printf("%-22s %13.2f %11.2f %32s %.2f× [%.2f–%.2f]%n", corpus.getKey(), without[ROUNDS / 2],
                    with[ROUNDS / 2], "", without[ROUNDS / 2] / with[ROUNDS / 2], without[0] / with[ROUNDS - 1],
                    without[ROUNDS - 1] / with[0]);
        }
    }

    private static int pass(Map<Syntax, Rules> rules, List<Document> corpus) throws Exception {
        int failures = 0;
        for (Document document : corpus) {
            failures += rules.get(document.syntax().isUbl() ? Syntax.UBL_INVOICE : Syntax.CII_D16B).failures(document);
        }
        return failures;
    }

    private static XdmNode trimmed(Syntax syntax, boolean large, boolean selective) throws Exception {
        String resource = syntax.isUbl() ? En16931Check.UBL_STYLESHEET : En16931Check.CII_STYLESHEET;
        try (InputStream in = En16931StepBench.class.getClassLoader().getResourceAsStream(resource)) {
            XdmNode official = StylesheetTrimmer.read(in, resource);
            Map<String, List<String>> rewrites = WildcardIndex.of(official, SchemaElementNames.of(syntax)).rewrites();
            return StylesheetTrimmer.trim(official, large, large, rewrites,
                    selective ? SelectiveWalks.of(official, rewrites) : Map.of());
        }
    }

    private static Rules compile(XdmNode stylesheet) throws Exception {
        Processor processor = HardenedXml.processor();
        XsltExecutable executable = processor.newXsltCompiler().compile(stylesheet.asSource());
        return new Rules(executable, En16931Check.patternModes(processor, stylesheet));
    }

    private static Map<String, List<Document>> corpora(int largeLines) throws Exception {
        Map<String, List<Document>> corpora = new LinkedHashMap<>();
        List<Document> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/en16931"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                examples.add(document(Files.readAllBytes(file)));
            }
        }
        corpora.put("34 official examples", examples);
        List<Document> smallUbl = new ArrayList<>();
        List<Document> smallCii = new ArrayList<>();
        for (int lines = 1; lines <= 10; lines++) {
            smallUbl.add(document(InvoiceGenerator.generate(InvoiceGenerator.Kind.UBL_INVOICE, lines, lines)));
            smallCii.add(document(InvoiceGenerator.generate(InvoiceGenerator.Kind.CII, lines, lines)));
        }
        corpora.put("UBL 1–10 lines (10)", smallUbl);
        corpora.put("CII 1–10 lines (10)", smallCii);
        corpora.put("UBL " + largeLines + " lines", List.of(document(
                InvoiceGenerator.generate(InvoiceGenerator.Kind.UBL_INVOICE, largeLines, 7))));
        corpora.put("CII " + largeLines + " lines", List.of(document(
                InvoiceGenerator.generate(InvoiceGenerator.Kind.CII, largeLines, 7))));
        return corpora;
    }

    private static Document document(byte[] bytes) throws Exception {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        Syntax syntax = head.contains("CrossIndustryInvoice") ? Syntax.CII_D16B
                : head.contains("CreditNote-2") ? Syntax.UBL_CREDIT_NOTE : Syntax.UBL_INVOICE;
        return new Document(new ParsedInvoice(new InvoiceDocument("bench", bytes), syntax).tree(), syntax);
    }
}
