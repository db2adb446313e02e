package org.achemine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.achemine.bench.InvoiceGenerator.Kind;
import org.achemine.validation.AdmissibilityResult;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.Syntax;
import org.achemine.validation.admissibility.XmlAdmissibilityCheck;
import org.achemine.validation.national.InvoiceTerms;
import org.achemine.validation.national.NationalCheck;
import org.achemine.validation.national.SaxonInvoiceFactsReader;
import org.achemine.validation.xsd.XsdCheck;

/**
 * The validation steps other than EN 16931 (admissibility, XSD with the tree built from its parse, national rules,
 * invoice facts; admissibility borrows the XSD parse, so its time includes it and the XSD step's is what is left), each timed in thread CPU time on the validation benchmark's 120 generated invoices (not a test).
 * CPU time, not wall time: on a machine shared with other builds, wall-clock rates vary several-fold between runs
 * while a step's CPU time per document stays comparable, so two builds can be compared in one session
 * (docs/benchmarks.md). Options: {@code --rounds N} (default 15), {@code --warmup N} passes (default 30).
 */
public final class ValidationStepsBench {

    /** Admissibility includes the XSD parse it borrows (ProvingParse): the XSD step then returns its kept result. */
    private static final String[] STEPS = {"admissibility", "XSD + tree", "national", "facts"};

    public static void main(String[] args) throws Exception {
        int rounds = 15;
        int warmup = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<InvoiceDocument> corpus = new ArrayList<>();
        List<Syntax> syntaxes = new ArrayList<>();
        int[] lineCounts = {1, 2, 3, 4, 5, 8, 10, 12, 15, 20, 30, 50};
        for (int i = 0; i < 120; i++) {
            Kind kind = Kind.values()[i % 3];
            int lines = lineCounts[i % lineCounts.length];
            corpus.add(new InvoiceDocument(kind + "-" + lines + "-" + i, InvoiceGenerator.generate(kind, lines, i)));
            syntaxes.add(ValidationBench.syntax(kind));
        }
        XsdCheck xsd = new XsdCheck();
        XmlAdmissibilityCheck admissibility = new XmlAdmissibilityCheck(xsd);
        InvoiceTerms terms = new InvoiceTerms();
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
        NationalCheck national = new NationalCheck(terms, clock, Duration.ofDays(1));
        SaxonInvoiceFactsReader facts = new SaxonInvoiceFactsReader(terms);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

        for (int pass = 0; pass < warmup; pass++) {
            pass(corpus, syntaxes, admissibility, xsd, national, facts, cpu);
        }
        long[][] perRound = new long[STEPS.length + 1][rounds];
        for (int round = 0; round < rounds; round++) {
            long[] step = pass(corpus, syntaxes, admissibility, xsd, national, facts, cpu);
            long total = 0;
            for (int s = 0; s < STEPS.length; s++) {
                perRound[s][round] = step[s];
                total += step[s];
            }
            perRound[STEPS.length][round] = total;
        }
        System.out.printf("validation steps other than EN 16931, thread CPU µs per document, median of %d rounds of "
                + "%d documents (after %d passes):%n", rounds, corpus.size(), warmup);
        for (int s = 0; s <= STEPS.length; s++) {
            long[] sorted = perRound[s].clone();
            Arrays.sort(sorted);
            System.out.printf("  %-14s %8.1f µs   (min %.1f, max %.1f)%n", s < STEPS.length ? STEPS[s] : "all four",
                    sorted[rounds / 2] / 1e3 / corpus.size(), sorted[0] / 1e3 / corpus.size(),
                    sorted[rounds - 1] / 1e3 / corpus.size());
        }
    }

    /** One pass over the corpus: the CPU nanoseconds of each step. */
    private static long[] pass(List<InvoiceDocument> corpus, List<Syntax> syntaxes, XmlAdmissibilityCheck admissibility,
                               XsdCheck xsd, NationalCheck national, SaxonInvoiceFactsReader facts, ThreadMXBean cpu)
            throws Exception {
        long[] spent = new long[STEPS.length];
        for (int i = 0; i < corpus.size(); i++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            AdmissibilityResult admission = admissibility.check(corpus.get(i));
            long t1 = cpu.getCurrentThreadCpuTime();
            if (admission.syntax() != syntaxes.get(i)) {
                throw new IllegalStateException(corpus.get(i).name() + " read as " + admission.syntax());
            }
            ParsedInvoice invoice = admission.invoice(corpus.get(i));
            xsd.check(invoice);
            long t2 = cpu.getCurrentThreadCpuTime();
            national.check(invoice);
            long t3 = cpu.getCurrentThreadCpuTime();
            facts.read(invoice);
            long t4 = cpu.getCurrentThreadCpuTime();
            spent[0] += t1 - t0;
            spent[1] += t2 - t1;
            spent[2] += t3 - t2;
            spent[3] += t4 - t3;
        }
        return spent;
    }
}
