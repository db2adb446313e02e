package org.achemine.validation.admissibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.achemine.bench.InvoiceGenerator;
import org.achemine.bench.InvoiceGenerator.Kind;
import org.achemine.validation.AdmissibilityResult;
import org.achemine.validation.CheckResult;
import org.achemine.validation.DocumentCheck;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.Syntax;
import org.achemine.validation.ValidationPipeline;
import org.achemine.validation.en16931.En16931Check;
import org.achemine.validation.national.InvoiceTerms;
import org.achemine.validation.national.NationalCheck;
import org.achemine.validation.national.SaxonInvoiceFactsReader;
import org.achemine.validation.xsd.XsdCheck;
import org.achemine.xml.HardenedXml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Admissibility folded into the XSD check's parse (one parse per well-formed document) gives exactly the verdicts
 * of admissibility's own StAX pass followed by the XSD check's parse: same syntax, same checks with the same
 * outcomes and findings in the same order, same facts, on every XML sample and test resource (the hostile
 * inputs and the official examples among them), generated invoices, and hostile shapes made for the guards.
 */
class OneParseAdmissibilityTest {

    private static final String UBL = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    private static ValidationPipeline twoParses;
    private static ValidationPipeline oneParse;
    private static XmlAdmissibilityCheck provedByXsd;

    @BeforeAll
    static void pipelines() {
        En16931Check en16931 = new En16931Check(true, false);
        InvoiceTerms terms = new InvoiceTerms();
        NationalCheck national = new NationalCheck(terms, CLOCK, Duration.ofDays(1));
        // one XSD check for both (its schemas compiled once, like the rules): without a proving admissibility, it
        // finds no proof kept in the invoice and parses again, as a check of its own
        XsdCheck xsd = new XsdCheck(true);
        twoParses = new ValidationPipeline(new XmlAdmissibilityCheck(), List.<DocumentCheck>of(xsd, en16931, national),
                new SaxonInvoiceFactsReader(terms), true);
        provedByXsd = new XmlAdmissibilityCheck(xsd);
        oneParse = new ValidationPipeline(provedByXsd, List.<DocumentCheck>of(xsd, en16931, national),
                new SaxonInvoiceFactsReader(terms), true);
    }

    @Test
    void givesTheVerdictsOfTwoParsesOnEverySampleAndTestResource() throws IOException {
        // given every XML file of the samples and the test resources
        Map<String, byte[]> corpus = new LinkedHashMap<>();
        for (Path root : List.of(Path.of("samples"), Path.of("src/test/resources"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().toLowerCase(Locale.ROOT).endsWith(".xml")).sorted().toList()) {
                    corpus.put(file.toString(), Files.readAllBytes(file));
                }
            }
        }
        assertThat(corpus).hasSizeGreaterThan(100);
        // then
        int proved = assertSameVerdicts(corpus);
        assertThat(proved).as("documents admitted by the XSD parse alone").isGreaterThan(60);
    }

    @Test
    void givesTheVerdictsOfTwoParsesOnGeneratedInvoicesAndProvesThemAll() {
        // given the benchmark's invoices, of every kind and several sizes
        Map<String, byte[]> corpus = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            for (int lines : new int[] {1, 7, 60}) {
                corpus.put(kind + "-" + lines, InvoiceGenerator.generate(kind, lines, lines));
            }
        }
        // then every one is admitted by the one parse, with the verdicts of two
        assertThat(assertSameVerdicts(corpus)).isEqualTo(corpus.size());
    }

    @Test
    void givesTheVerdictsOfTwoParsesOnShapesThatTripTheGuards() throws IOException {
        // given a valid invoice and variants around each guard: root, depth, attribute length, prolog, references
        String valid = Files.readString(Path.of("samples/ubl/invoice-valid.xml"), StandardCharsets.UTF_8);
        int body = valid.indexOf("<cbc:ID>");
        Map<String, byte[]> corpus = new LinkedHashMap<>();
        corpus.put("valid", bytes(valid));
        corpus.put("bom", concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, bytes(valid)));
        corpus.put("comment and instruction first", bytes(valid.replaceFirst("\\?>", "?>\n<!-- a > comment --><?pi x?>\n")));
        corpus.put("no declaration", bytes(valid.substring(valid.indexOf("?>") + 2).strip()));
        for (int depth : new int[] {99, HardenedXml.MAX_ELEMENT_DEPTH, HardenedXml.MAX_ELEMENT_DEPTH + 1, 150}) {
            corpus.put("depth " + depth, bytes(nested(valid, body, depth - 1)));
        }
        for (int length : new int[] {HardenedXml.MAX_ATTRIBUTE_LENGTH / 2, HardenedXml.MAX_ATTRIBUTE_LENGTH / 2 + 1,
                HardenedXml.MAX_ATTRIBUTE_LENGTH, HardenedXml.MAX_ATTRIBUTE_LENGTH + 1}) {
            corpus.put("attribute of " + length, bytes(valid.substring(0, body) + "<cbc:Note languageID=\"" + "a".repeat(length)
                    + "\">x</cbc:Note>" + valid.substring(body)));
        }
        corpus.put("root of another namespace", bytes(valid.replace("xmlns=\"" + UBL + "\"", "xmlns=\"urn:autre\"")));
        corpus.put("namespace by reference", bytes(valid.replace("Invoice-2\"", "Invoice-&#50;\"")));
        corpus.put("namespace by entity", bytes(valid.replace("Invoice-2\"", "Invoice-2&amp;\"")));
        corpus.put("prefixed root", bytes(valid.replace("<Invoice xmlns=\"", "<inv:Invoice xmlns:inv=\"")
                .replace("</Invoice>", "</inv:Invoice>")));
        corpus.put("root in single quotes", bytes(valid.replace("xmlns=\"" + UBL + "\"", "xmlns='" + UBL + "'")));
        corpus.put("namespace declared twice", bytes(valid.replace("xmlns=\"" + UBL + "\"", "xmlns=\"" + UBL
                + "\" xmlns=\"urn:autre\"")));
        corpus.put("credit note root in the invoice namespace", bytes(valid.replace("<Invoice ", "<CreditNote ")
                .replace("</Invoice>", "</CreditNote>")));
        corpus.put("doctype", bytes(valid.replaceFirst("\\?>", "?><!DOCTYPE Invoice>")));
        corpus.put("undeclared entity", bytes(valid.substring(0, body) + "<cbc:Note>&eacute;</cbc:Note>" + valid.substring(body)));
        corpus.put("unbound prefix", bytes(valid.substring(0, body) + "<zz:Note>x</zz:Note>" + valid.substring(body)));
        corpus.put("garbage after the root", bytes(valid + "<autre/>"));
        corpus.put("cut short", bytes(valid.substring(0, valid.length() / 2)));
        corpus.put("xsd error", bytes(valid.replaceFirst("<cbc:ID>", "<cbc:Inconnu>x</cbc:Inconnu><cbc:ID>")));
        corpus.put("empty", new byte[0]);
        corpus.put("only a declaration", bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        // then the verdicts are the same; the guards leave the hostile ones to admissibility's own pass
        assertSameVerdicts(corpus);
        assertThat(provedByXsd.check(doc("valid", corpus.get("valid"))).parsed()).isNotNull();
        // the root is read by a parser, which resolves a character reference as the XSD parse does
        assertThat(provedByXsd.check(doc("namespace by reference", corpus.get("namespace by reference"))).parsed())
                .isNotNull();
        for (String hostile : List.of("depth 101", "attribute of 5001", "root of another namespace", "doctype",
                "undeclared entity", "cut short")) {
            assertThat(provedByXsd.check(doc(hostile, corpus.get(hostile))).parsed()).as(hostile).isNull();
        }
    }

    @Test
    void readsTheRootsSyntaxFromTheBytesOrMakesNoGuess() {
        assertThat(DeclaredRoot.syntax(bytes("<?xml version=\"1.0\"?><!-- x --><Invoice xmlns=\"" + UBL + "\"/>"), 0))
                .contains(Syntax.UBL_INVOICE);
        assertThat(DeclaredRoot.syntax(bytes("<rsm:CrossIndustryInvoice a='1' xmlns:rsm='"
                + Syntax.CII_D16B.namespace() + "'>"), 0)).contains(Syntax.CII_D16B);
        assertThat(DeclaredRoot.syntax(bytes("<!DOCTYPE x><Invoice xmlns=\"" + UBL + "\"/>"), 0)).isEmpty();
        assertThat(DeclaredRoot.syntax(bytes("<Invoice xmlns=\"" + UBL + "&amp;\"/>"), 0)).isEmpty();
        assertThat(DeclaredRoot.syntax(bytes("<x:Invoice xmlns=\"" + UBL + "\"/>"), 0)).isEmpty();
        assertThat(DeclaredRoot.syntax(bytes("<Invoice xmlns=\"" + UBL), 0)).isEmpty();
        assertThat(DeclaredRoot.syntax(bytes("<?xml version=\"1.0\""), 0)).isEmpty();
        assertThat(DeclaredRoot.syntax(new byte[0], 0)).isEmpty();
    }

    /** Asserts the two pipelines agree on each document; returns how many the one parse admitted alone. */
    private static int assertSameVerdicts(Map<String, byte[]> corpus) {
        int proved = 0;
        List<String> compared = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : corpus.entrySet()) {
            DocumentVerdict expected = twoParses.validate(doc(entry.getKey(), entry.getValue()));
            DocumentVerdict actual = oneParse.validate(doc(entry.getKey(), entry.getValue()));
            assertThat(actual.syntax()).as(entry.getKey()).isEqualTo(expected.syntax());
            assertThat(withoutDurations(actual)).as(entry.getKey()).isEqualTo(withoutDurations(expected));
            assertThat(actual.facts()).as(entry.getKey()).isEqualTo(expected.facts());
            AdmissibilityResult admission = provedByXsd.check(doc(entry.getKey(), entry.getValue()));
            if (admission.parsed() != null) {
                proved++;
            }
            compared.add(entry.getKey());
        }
        assertThat(compared).hasSameSizeAs(corpus.keySet());
        return proved;
    }

    private static List<String> withoutDurations(DocumentVerdict verdict) {
        return verdict.checks().stream().map(OneParseAdmissibilityTest::described).toList();
    }

    /** A check's outcome and findings, incident ids aside (each incident has its own). */
    private static String described(CheckResult result) {
        return (result.check() + " " + result.outcome() + " " + result.findings()).replaceAll("INC-[0-9A-F]+", "INC-…");
    }

    private static String nested(String valid, int at, int levels) {
        return valid.substring(0, at) + "<cbc:Note>".repeat(levels) + "x" + "</cbc:Note>".repeat(levels)
                + valid.substring(at);
    }

    private static InvoiceDocument doc(String name, byte[] bytes) {
        return new InvoiceDocument(name, bytes);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
