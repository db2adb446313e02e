package org.achemine.bench;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;
import org.achemine.chorus.statut.CPPStatut;
import org.achemine.report.ReportCorpus;
import org.achemine.report.cppstatut.StatutSchema;
import org.achemine.report.xml.ObjectFactory;
import org.achemine.xml.CheckedMarshalling;
import org.achemine.xml.HardenedXml;
import org.xml.sax.helpers.DefaultHandler;

/**
 * {@code ./bench.sh reports [--seconds S] [--rounds N] [--corpus-only]}: writing the outbound reports, checked against their schemas, on one
 * thread. Two parts, each in rounds that alternate (the machine is shared: compare within a run):
 * <ul>
 *   <li>{@code corpus}: the 39 reports of {@link ReportCorpus} built and written through the report package's
 *       public calls, as the engine does (run it on two builds to compare them);</li>
 *   <li>ways of writing the same JAXB trees (the corpus read back) checked against their schema: two walks (the
 *       tree into this thread's validator, then into bytes: main at 5ed0b6c), the same with a validator that
 *       computes only the verdict ({@link CheckedMarshalling}), with the marshaller kept, one walk forked into the
 *       bytes and the validator, the schema set on the marshaller (JAXB makes a validator per document), written
 *       then re-parsed by a validator, and the floors: a walk into a SAX handler that does nothing, unchecked bytes.</li>
 * </ul>
 * Prints microseconds of thread CPU time per report (less sensitive to the load than wall time), median of the rounds.
 *
 * <p>{@code --burst N [--load T]}: instead, what a burst of N flows writes ({@link ReportCorpus#burst}), in a fresh
 * JVM as the engine meets it: once cold (the first 1,000 flows, then the rest), then again warm, by kind of report;
 * with {@code --load T}, T threads keep the other cores busy meanwhile (the burst's validation, roughly), as the
 * deposit workers share the machine in a burst.
 */
public final class ReportWritingBench {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    /** Bytes allocated per report: a count the machine's load does not change. */
    private static final com.sun.management.ThreadMXBean ALLOCATED = (com.sun.management.ThreadMXBean) CPU;

    private ReportWritingBench() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = 2;
        int rounds = 5;
        boolean corpusOnly = false;
        int burst = 0;
        int load = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--burst" -> burst = Integer.parseInt(args[++i]);
                case "--load" -> load = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--corpus-only" -> corpusOnly = true; // another build's writers (e.g. main's), compared
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (burst > 0) {
            burst(burst, load);
            return;
        }
        ReportCorpus corpus = new ReportCorpus();
        Map<String, byte[]> reports = corpus.reports();
        List<ReportCorpus.Report> writes = List.copyOf(corpus.writes().values());
        List<Object> trees = corpusOnly ? List.of() : trees(reports);
        Map<String, Way> ways = corpusOnly ? Map.of() : ways();
        Map<String, List<Double>> results = new LinkedHashMap<>();
        results.put("corpus (public calls)", new ArrayList<>());
        ways.keySet().forEach(name -> results.put(name, new ArrayList<>()));
        for (int round = -1; round < rounds; round++) { // round -1 warms up
            record(results, "corpus (public calls)", round, seconds, writes.size(), () -> {
                for (ReportCorpus.Report report : writes) {
                    report.write();
                }
            });
            for (Map.Entry<String, Way> way : ways.entrySet()) {
                record(results, way.getKey(), round, seconds, trees.size(), () -> {
                    for (Object tree : trees) {
                        way.getValue().write(tree);
                    }
                });
            }
        }
        System.out.printf("%-62s %12s   %s%n", "way (" + writes.size() + " reports, one thread)", "µs CPU/rep.", "rounds");
        results.forEach((name, perReport) -> {
            double[] sorted = perReport.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%-62s %12.1f   %s%n", name, sorted[sorted.length / 2], perReport.stream()
                    .map(v -> String.format("%.1f", v)).toList());
        });
    }

    /** The burst's reports written cold then warm, µs of thread CPU per report by kind (and per flow). */
    private static void burst(int flows, int load) throws Exception {
        List<Thread> busy = new ArrayList<>();
        for (int i = 0; i < load; i++) {
            Thread thread = new Thread(ReportWritingBench::keepBusy, "load-" + i);
            thread.setDaemon(true);
            thread.start();
            busy.add(thread);
        }
        List<Map.Entry<String, ReportCorpus.Report>> reports = new ReportCorpus().burst(flows);
        Map<String, long[]> spent = new LinkedHashMap<>(); // "pass kind" -> {reports, ns, bytes allocated}
        int firstFlows = Math.min(1000, flows);
        int written = 0;
        int flow = -1;
        for (String pass : List.of("cold", "warm")) {
            for (Map.Entry<String, ReportCorpus.Report> report : reports) {
                flow += report.getKey().equals("cr") ? 1 : 0;
                String when = pass.equals("warm") ? "warm" : flow < firstFlows ? "cold, first " + firstFlows + " flows"
                        : "cold, the rest";
                long allocated = ALLOCATED.getCurrentThreadAllocatedBytes();
                long cpu = CPU.getCurrentThreadCpuTime();
                written += report.getValue().write().length > 0 ? 1 : 0;
                long[] total = spent.computeIfAbsent(when + "|" + report.getKey(), k -> new long[3]);
                total[0]++;
                total[1] += CPU.getCurrentThreadCpuTime() - cpu;
                total[2] += ALLOCATED.getCurrentThreadAllocatedBytes() - allocated;
            }
            flow = -1;
        }
        busy.forEach(Thread::interrupt);
        System.out.printf("burst of %,d flows, %,d reports written, %d busy threads beside%n", flows, written, load);
        System.out.printf("%-34s %-5s %8s %12s %14s%n", "when", "kind", "reports", "µs CPU/rep.", "kB alloc./rep.");
        spent.forEach((key, total) -> System.out.printf("%-34s %-5s %,8d %12.1f %14.1f%n",
                key.substring(0, key.indexOf('|')), key.substring(key.indexOf('|') + 1), total[0],
                total[1] / 1e3 / total[0], total[2] / 1024.0 / total[0]));
    }

    /** A thread that keeps a core busy and its caches full, as a validating thread does. */
    private static void keepBusy() {
        long[] memory = new long[1 << 21]; // 16 MB, walked with a stride: beyond the caches
        long sum = 0;
        for (int i = 0; !Thread.currentThread().isInterrupted(); i = (i + 4099) & (memory.length - 1)) {
            memory[i] += sum++;
        }
    }

    private static void record(Map<String, List<Double>> results, String name, int round, double seconds,
                               int perPass, Pass pass) throws Exception {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        long cpu = CPU.getCurrentThreadCpuTime();
        long reports = 0;
        while (System.nanoTime() < until) {
            pass.run();
            reports += perPass;
        }
        if (round >= 0) {
            results.get(name).add((CPU.getCurrentThreadCpuTime() - cpu) / 1e3 / reports);
        }
    }

    /** The corpus read back into trees: compte rendu elements and CPPStatut, as the writers get them. */
    private static List<Object> trees(Map<String, byte[]> reports) throws Exception {
        JAXBContext compteRendu = JAXBContext.newInstance(ObjectFactory.class);
        StatutSchema statut = new StatutSchema();
        List<Object> trees = new ArrayList<>();
        for (Map.Entry<String, byte[]> report : reports.entrySet()) {
            trees.add(report.getKey().startsWith("cr-")
                    ? compteRendu.createUnmarshaller().unmarshal(new ByteArrayInputStream(report.getValue()))
                    : statut.read(report.getValue()));
        }
        return trees;
    }

    private static Map<String, Way> ways() throws Exception {
        Context compteRendu = new Context(JAXBContext.newInstance(ObjectFactory.class),
                schema("/schemas/report/compte-rendu.xsd"));
        Context statut = new Context(JAXBContext.newInstance(CPPStatut.class), schema(StatutSchema.RESOURCE));
        Map<String, Way> ways = new LinkedHashMap<>();
        ways.put("two walks: into this thread's validator, then bytes (main)",
                tree -> context(tree, compteRendu, statut).twoWalks(tree, false));
        ways.put("same, validator without augment-psvi alone",
                tree -> context(tree, compteRendu, statut).twoWalks(tree, true));
        ways.put("same, validator without the 5 unused (CheckedMarshalling)",
                tree -> context(tree, compteRendu, statut).checked.write(tree));
        ways.put("same, lean validator, marshaller kept per thread",
                tree -> context(tree, compteRendu, statut).twoWalksKept(tree));
        ways.put("one walk forked into bytes + this thread's lean validator",
                tree -> context(tree, compteRendu, statut).forked(tree));
        ways.put("schema on the marshaller (a validator per report)",
                tree -> context(tree, compteRendu, statut).schemaSet(tree));
        ways.put("bytes, then re-parsed by a validator",
                tree -> context(tree, compteRendu, statut).reparsed(tree));
        ways.put("walk into a SAX handler that does nothing",
                tree -> context(tree, compteRendu, statut).saxWalk(tree));
        ways.put("unchecked marshal into bytes (floor)", tree -> context(tree, compteRendu, statut).unchecked(tree));
        return ways;
    }

    private static Context context(Object tree, Context compteRendu, Context statut) {
        return tree instanceof JAXBElement<?> ? compteRendu : statut;
    }

    private static Schema schema(String resource) throws Exception {
        URL xsd = ReportWritingBench.class.getResource(resource);
        return HardenedXml.newSchemaFactory().newSchema(new StreamSource(xsd.openStream(), xsd.toExternalForm()));
    }

    @FunctionalInterface
    private interface Way {
        void write(Object tree) throws Exception;
    }

    @FunctionalInterface
    private interface Pass {
        void run() throws Exception;
    }

    /** One format's context and schema, and each way of writing a tree checked against it. */
    private static final class Context {

        private final JAXBContext context;
        private final Schema schema;
        private final ValidatorHandler full;
        private final ValidatorHandler noPsvi;
        private final ValidatorHandler lean;
        private final CheckedMarshalling checked;
        private final Marshaller kept;
        private final Marshaller forking;

        Context(JAXBContext context, Schema schema) throws Exception {
            this.context = context;
            this.schema = schema;
            this.full = HardenedXml.harden(schema.newValidatorHandler());
            this.noPsvi = HardenedXml.harden(schema.newValidatorHandler());
            noPsvi.setFeature(CheckedMarshalling.UNUSED_BY_A_CHECK.get(0), false);
            this.lean = HardenedXml.harden(schema.newValidatorHandler());
            for (String feature : CheckedMarshalling.UNUSED_BY_A_CHECK) {
                lean.setFeature(feature, false);
            }
            this.checked = new CheckedMarshalling(context, schema);
            this.kept = marshaller();
            this.forking = marshaller();
            forking.setSchema(new HandingOutOneValidator(schema, lean));
        }

        private Marshaller marshaller() throws Exception {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            return marshaller;
        }

        byte[] twoWalks(Object tree, boolean withoutPsvi) throws Exception {
            Marshaller marshaller = marshaller();
            marshaller.marshal(tree, withoutPsvi ? noPsvi : full);
            return unchecked(marshaller, tree);
        }

        byte[] twoWalksKept(Object tree) throws Exception {
            kept.marshal(tree, lean);
            return unchecked(kept, tree);
        }

        byte[] forked(Object tree) throws Exception {
            return unchecked(forking, tree);
        }

        byte[] schemaSet(Object tree) throws Exception {
            Marshaller marshaller = marshaller();
            marshaller.setSchema(schema);
            return unchecked(marshaller, tree);
        }

        byte[] reparsed(Object tree) throws Exception {
            byte[] xml = unchecked(tree);
            Validator parse = HardenedXml.harden(schema.newValidator());
            parse.validate(HardenedXml.saxSource(xml, "report"));
            return xml;
        }

        void saxWalk(Object tree) throws Exception {
            marshaller().marshal(tree, new DefaultHandler());
        }

        byte[] unchecked(Object tree) throws Exception {
            return unchecked(marshaller(), tree);
        }

        private static byte[] unchecked(Marshaller marshaller, Object tree) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            marshaller.marshal(tree, out);
            return out.toByteArray();
        }
    }

    /**
     * A schema that hands JAXB, which asks for a new validator per document when a schema is set, the one validator
     * kept: JAXB then forks each event into the bytes and the validator, one walk of the tree.
     */
    private static final class HandingOutOneValidator extends Schema {

        private final Schema schema;
        private final ValidatorHandler validator;

        HandingOutOneValidator(Schema schema, ValidatorHandler validator) {
            this.schema = schema;
            this.validator = validator;
        }

        @Override
        public Validator newValidator() {
            return HardenedXml.harden(schema.newValidator());
        }

        @Override
        public ValidatorHandler newValidatorHandler() {
            return validator;
        }
    }
}
