package org.achemine.bench;

import com.helger.diagnostics.error.IError;
import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.io.resource.inmemory.ReadableResourceByteArray;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.achemine.bench.InvoiceGenerator.Kind;
import org.achemine.validation.CheckName;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.Syntax;
import org.achemine.validation.ValidationSettings;
import org.achemine.validation.engine.EngineStart;
import org.achemine.validation.engine.ValidationEngine;

/**
 * The validation benchmark (not a test): achemine's full validation (admissibility, XSD, EN 16931 1.3.16,
 * national rules) against phive (XSD + the same EN 16931 1.3.16 XSLT) on the same generated invoices, warm,
 * with one thread and with every core (each document on one thread, as phive does); time against line count on
 * one thread (achemine's parallel pattern walks for large invoices as separate rows); and a check that both give
 * the same EN 16931 verdicts, rule ids and flags, on valid and broken invoices, which fails the benchmark (exit
 * status 1) when any file differs. Run it with {@code ./bench.sh} (see docs/benchmarks.md).
 *
 * <p>Options: {@code --seconds N} per measurement (default 6), {@code --warmup N} seconds (default 8),
 * {@code --threads N} for the parallel run (default: every core), {@code --max-lines N} (default 5000),
 * {@code --examples DIR} to add a directory of real invoices (e.g. the official EN 16931 examples).
 */
public final class ValidationBench {

    /** Every document on the thread that validates it, as phive does: the one-thread figures compare like with like. */
    private final ValidationEngine achemine = new ValidationEngine(ValidationSettings.defaults(),
            EngineStart.atStartUp().oneThreadPerDocument());
    /** The running engine's set-up: the pattern walks of an invoice of 256 KB or more run on several cores. */
    private final ValidationEngine parallelWalks = new ValidationEngine(ValidationSettings.defaults());
    private final Phive phive = new Phive();

    /** One validator under test. */
    interface Side {
        String name();

        /** Validates; returns the EN 16931 rule ids found, fatal ones prefixed with "!" (for comparisons). */
        Set<String> validate(Sample sample) throws Exception;
    }

    record Sample(String name, Syntax syntax, byte[] bytes) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.printf("achemine validation benchmark — Java %s, %d cores, max heap %d MB%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        long start = System.nanoTime();
        ValidationBench bench = new ValidationBench();
        System.out.printf("rules compiled (both engines) in %.1f s%n%n", (System.nanoTime() - start) / 1e9);
        List<Sample> corpus = corpus(options);
        boolean agree = bench.agreement(corpus);
        bench.throughput(corpus, options);
        bench.lineScaling(options);
        if (!agree) {
            System.out.println("FAILED: achemine and phive disagree (see DIFFERENT above): the figures do not count");
            System.exit(1);
        }
    }

    /** Realistic invoices: UBL invoices, credit notes and CII, mostly small, some of a few dozen lines. */
    static List<Sample> corpus(Options options) throws IOException {
        int[] lineCounts = {1, 2, 3, 4, 5, 8, 10, 12, 15, 20, 30, 50};
        List<Sample> corpus = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Kind kind = Kind.values()[i % 3];
            int lines = lineCounts[i % lineCounts.length];
            corpus.add(new Sample(kind + "-" + lines + "-" + i, syntax(kind), InvoiceGenerator.generate(kind, lines, i)));
        }
        if (options.examples != null) {
            try (Stream<Path> files = Files.walk(options.examples)) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().toLowerCase(Locale.ROOT)
                        .endsWith(".xml")).sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    corpus.add(new Sample(file.getFileName().toString(), sniff(bytes), bytes));
                }
            }
        }
        return corpus;
    }

    // ---------------------------------------------------------------- agreement

    /** Compares both engines on every file; false when any file's rule ids or flags differ. */
    boolean agreement(List<Sample> corpus) throws Exception {
        List<Sample> all = new ArrayList<>(corpus);
        all.addAll(broken(corpus));
        int verdicts = 0;
        int ids = 0;
        List<String> differences = new ArrayList<>();
        for (Sample sample : all) {
            Set<String> ours = side(achemine()).validate(sample);
            Set<String> theirs = phive.validate(sample);
            boolean ourValid = ours.stream().noneMatch(id -> id.startsWith("!"));
            boolean theirValid = theirs.stream().noneMatch(id -> id.startsWith("!"));
            verdicts += ourValid == theirValid ? 1 : 0;
            if (ours.equals(theirs)) {
                ids++;
            } else {
                differences.add(sample.name() + ": achemine " + ours + " phive " + theirs);
            }
        }
        System.out.printf("Agreement with phive on %d files (%d generated valid, %d broken%s):%n", all.size(),
                120, all.size() - corpus.size(), corpus.size() > 120 ? ", " + (corpus.size() - 120) + " given" : "");
        System.out.printf("  EN 16931 verdicts agree: %d/%d   rule ids and flags agree: %d/%d%n", verdicts, all.size(),
                ids, all.size());
        differences.stream().limit(10).forEach(d -> System.out.println("  DIFFERENT " + d));
        System.out.println();
        return differences.isEmpty();
    }

    /** Each generated file broken one way or another: wrong totals, bad codes, missing parts. */
    static List<Sample> broken(List<Sample> corpus) {
        String[][] ubl = {
            {"<cbc:TaxInclusiveAmount currencyID=\"EUR\">", "<cbc:TaxInclusiveAmount currencyID=\"EUR\">1"},
            {"<cbc:DocumentCurrencyCode>EUR<", "<cbc:DocumentCurrencyCode>EUX<"},
            {"<cbc:Percent>20.00</cbc:Percent>", "<cbc:Percent>19.60</cbc:Percent>"},
            {"<cbc:RegistrationName>Ministère de l'Exemple</cbc:RegistrationName>", ""},
        };
        String[][] cii = {
            {"<ram:GrandTotalAmount>", "<ram:GrandTotalAmount>1"},
            {"<ram:InvoiceCurrencyCode>EUR<", "<ram:InvoiceCurrencyCode>EUX<"},
            {"<ram:CategoryCode>Z</ram:CategoryCode><ram:RateApplicablePercent>0.00", "<ram:CategoryCode>Z</ram:CategoryCode><ram:RateApplicablePercent>5.00"},
            {"<ram:LineTotalAmount>", "<ram:LineTotalAmount>9"},
        };
        List<Sample> broken = new ArrayList<>();
        for (int i = 0; i < corpus.size() && i < 120; i += 3) {
            Sample sample = corpus.get(i + (i / 3) % 3 >= corpus.size() ? i : i + (i / 3) % 3);
            String[] change = (sample.syntax().isUbl() ? ubl : cii)[(i / 3) % 4];
            String xml = new String(sample.bytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (xml.contains(change[0])) {
                broken.add(new Sample(sample.name() + "-broken" + (i / 3) % 4, sample.syntax(),
                        xml.replaceFirst(java.util.regex.Pattern.quote(change[0]), java.util.regex.Matcher.quoteReplacement(change[1]))
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return broken;
    }

    // ---------------------------------------------------------------- throughput

    void throughput(List<Sample> corpus, Options options) throws Exception {
        long bytes = corpus.stream().mapToLong(s -> s.bytes().length).sum();
        System.out.printf("Throughput, warm (%d files, %.1f MB, %d s per cell after %d s warm-up):%n", corpus.size(),
                bytes / 1e6, options.seconds, options.warmup);
        System.out.printf("  %-10s %8s %14s %10s %14s %10s%n", "threads", "", "achemine f/s", "MB/s", "phive f/s", "MB/s");
        Side ours = side(achemine());
        for (int threads : new int[] {1, options.threads}) {
            run(ours, corpus, threads, options.warmup);
            run(phive, corpus, threads, options.warmup);
            // Alternate one-second slices so that both sides see the same machine (load varies from second to second).
            double[] a = new double[4];
            double[] p = new double[4];
            for (int slice = 0; slice < options.seconds; slice++) {
                add(a, run(ours, corpus, threads, 1));
                add(p, run(phive, corpus, threads, 1));
            }
            System.out.printf("  %-10d %8s %14.0f %10.2f %14.0f %10.2f   ratio %.2f×%n", threads, "", a[0] / a[2],
                    a[1] / a[2], p[0] / p[2], p[1] / p[2], (a[0] / a[2]) / (p[0] / p[2]));
            // what the machine's load hardly changes: the workers' own CPU per file (other processes, JIT and GC apart)
            System.out.printf("  %-10s %8s %14.0f %10s %14.0f %10s   ratio %.2f×  (thread CPU µs per file)%n", "", "",
                    a[3] / a[0] / 1e3, "", p[3] / p[0] / 1e3, "", (p[3] / p[0]) / (a[3] / a[0]));
            if (options.threads == 1) {
                break;
            }
        }
        System.out.println();
    }

    private static void add(double[] total, double[] slice) {
        for (int i = 0; i < total.length; i++) {
            total[i] += slice[i];
        }
    }

    /** Files, MB, seconds and the workers' thread CPU nanoseconds of one side over the corpus, this many threads this long. */
    static double[] run(Side side, List<Sample> corpus, int threads, int seconds) throws InterruptedException {
        AtomicLong files = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t * corpus.size() / threads;
            Thread worker = new Thread(() -> {
                long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                try {
                    for (int i = offset; System.nanoTime() < deadline; i++) {
                        Sample sample = corpus.get(i % corpus.size());
                        side.validate(sample);
                        files.incrementAndGet();
                        bytes.addAndGet(sample.bytes().length);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    cpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart);
                    done.countDown();
                }
            });
            worker.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new double[] {files.get(), bytes.get() / 1e6, elapsed, cpu.get()};
    }

    // ---------------------------------------------------------------- line count

    void lineScaling(Options options) throws Exception {
        System.out.println("Time against line count (both engines on one thread, median of warm runs, ms; the rows"
                + " marked 'walks ∥' are achemine's engine set-up, whose pattern walks of an invoice of 256 KB or more"
                + " run on several cores, against the same phive run):");
        System.out.printf("  %-24s %8s %10s %12s %10s %12s %8s%n", "invoice", "lines", "KB", "achemine ms", "µs/line",
                "phive ms", "ratio");
        Side ours = side(achemine());
        Side oursParallel = side(parallelWalks);
        for (Kind kind : new Kind[] {Kind.UBL_INVOICE, Kind.CII}) {
            for (int lines : new int[] {1, 10, 100, 500, 1000, 2000, 5000}) {
                if (lines > options.maxLines) {
                    continue;
                }
                Sample sample = new Sample(kind + "-" + lines, syntax(kind), InvoiceGenerator.generate(kind, lines, 7));
                int runs = lines >= 2000 ? 7 : lines >= 500 ? 11 : 25;
                double[] times = medians(List.of(ours, phive, oursParallel), sample, runs);
                printLine(kind.toString(), lines, sample, times[0], times[1]);
                if (sample.bytes().length >= 256 * 1024) {
                    printLine(kind + " walks ∥", lines, sample, times[2], times[1]);
                }
            }
        }
        System.out.println();
    }

    private static void printLine(String label, int lines, Sample sample, double achemineMs, double phiveMs) {
        System.out.printf("  %-24s %8d %10.0f %12.1f %10.1f %12.1f %7.2f×%n", label, lines,
                sample.bytes().length / 1024.0, achemineMs, achemineMs * 1000 / lines, phiveMs, phiveMs / achemineMs);
    }

    /** Median time of each side on one sample, the sides' runs interleaved so that they see the same load. */
    static double[] medians(List<Side> sides, Sample sample, int runs) throws Exception {
        for (int i = 0; i < Math.max(2, runs / 3); i++) {
            for (Side side : sides) {
                side.validate(sample);
            }
        }
        double[][] times = new double[sides.size()][runs];
        for (int i = 0; i < runs; i++) {
            for (int s = 0; s < sides.size(); s++) {
                long start = System.nanoTime();
                sides.get(s).validate(sample);
                times[s][i] = (System.nanoTime() - start) / 1e6;
            }
        }
        double[] medians = new double[sides.size()];
        for (int s = 0; s < sides.size(); s++) {
            Arrays.sort(times[s]);
            medians[s] = times[s][runs / 2];
        }
        return medians;
    }

    // ---------------------------------------------------------------- the two sides

    private ValidationEngine achemine() {
        return achemine;
    }

    static Side side(ValidationEngine engine) {
        return new Side() {
            @Override
            public String name() {
                return "achemine";
            }

            @Override
            public Set<String> validate(Sample sample) {
                DocumentVerdict verdict = engine.flowValidator().validate(new InvoiceDocument(sample.name(), sample.bytes()));
                Set<String> ids = new TreeSet<>();
                verdict.findings().filter(f -> f.source() == CheckName.EN16931 || f.source() == CheckName.XSD)
                        .forEach(f -> ids.add(id(f)));
                return ids;
            }

            private String id(Finding finding) {
                String id = finding.source() == CheckName.XSD ? "XSD" : finding.code();
                return (finding.isFatal() ? "!" : "") + id;
            }
        };
    }

    /** phive 12 with its EN 16931 1.3.16 executor sets: XSD, then the same official XSLT. */
    static final class Phive implements Side {

        private final IValidationExecutorSet<IValidationSourceXML> ubl;
        private final IValidationExecutorSet<IValidationSourceXML> creditNote;
        private final IValidationExecutorSet<IValidationSourceXML> cii;

        Phive() {
            ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();
            EN16931Validation.initEN16931(registry);
            ubl = registry.getOfID(EN16931Validation.VID_UBL_INVOICE_1316);
            creditNote = registry.getOfID(coordinate("VID_UBL_CREDIT_NOTE_1316"));
            cii = registry.getOfID(EN16931Validation.VID_CII_1316);
            // phive compiles lazily: validate once each so that start-up is not measured
            for (Kind kind : Kind.values()) {
                validate(new Sample("warm", syntax(kind), InvoiceGenerator.generate(kind, 1, 1)));
            }
        }

        private static DVRCoordinate coordinate(String field) {
            try {
                return (DVRCoordinate) EN16931Validation.class.getField(field).get(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String name() {
            return "phive";
        }

        @Override
        public Set<String> validate(Sample sample) {
            IValidationExecutorSet<IValidationSourceXML> set = switch (sample.syntax()) {
                case UBL_INVOICE -> ubl;
                case UBL_CREDIT_NOTE -> creditNote;
                case CII_D16B -> cii;
            };
            ValidationResultList results = ValidationExecutionManager.executeValidation(
                    IValidityDeterminator.createDefault(), set,
                    ValidationSourceXML.create(new ReadableResourceByteArray(sample.name(), sample.bytes())));
            Set<String> ids = new TreeSet<>();
            for (IError error : results.getAllFailures()) {
                String id = error.getErrorID() == null || error.getErrorID().isBlank() ? "XSD" : error.getErrorID();
                ids.add((error.isError() ? "!" : "") + id);
            }
            return ids;
        }
    }

    static Syntax syntax(Kind kind) {
        return switch (kind) {
            case UBL_INVOICE -> Syntax.UBL_INVOICE;
            case UBL_CREDIT_NOTE -> Syntax.UBL_CREDIT_NOTE;
            case CII -> Syntax.CII_D16B;
        };
    }

    static Syntax sniff(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
        if (head.contains("CrossIndustryInvoice")) {
            return Syntax.CII_D16B;
        }
        return head.contains("CreditNote-2") ? Syntax.UBL_CREDIT_NOTE : Syntax.UBL_INVOICE;
    }

    record Options(int seconds, int warmup, int threads, int maxLines, Path examples) {
        static Options parse(String[] args) {
            int seconds = 6;
            int warmup = 8;
            int threads = Runtime.getRuntime().availableProcessors();
            int maxLines = 5000;
            Path examples = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--max-lines" -> maxLines = Integer.parseInt(args[++i]);
                    case "--examples" -> examples = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(seconds, warmup, threads, maxLines, examples);
        }
    }
}
