package org.achemine.validation.admissibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.achemine.validation.AdmissibilityResult;
import org.achemine.validation.CheckName;
import org.achemine.validation.Finding;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.Outcome;
import org.achemine.validation.Severity;
import org.achemine.validation.Syntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XmlAdmissibilityCheckTest {

    private static final String UBL = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";

    private final XmlAdmissibilityCheck check = new XmlAdmissibilityCheck();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "samples/ubl/invoice-valid.xml, UBL_INVOICE",
        "samples/ubl/creditnote-valid.xml, UBL_CREDIT_NOTE",
        "samples/cii/invoice-valid.xml, CII_D16B"})
    void admitsWellFormedUtf8InvoicesAndRecognisesTheirSyntax(Path sample, Syntax expected) throws IOException {
        // when
        AdmissibilityResult result = check.check(document(sample));
        // then
        assertThat(result.admitted()).isTrue();
        assertThat(result.syntax()).isEqualTo(expected);
        assertThat(result.result().check()).isEqualTo(CheckName.ADMISSIBILITY);
        assertThat(result.result().findings()).isEmpty();
    }

    @Test
    void refusesAMalformedDocumentWithoutPrintingTheParsersErrorOnStandardError() {
        // given a document cut in the middle of a tag (the parser's own reason is read again with SAX)
        byte[] cut = ("<Invoice xmlns=\"" + UBL + "\"><cbc:ID").getBytes(StandardCharsets.UTF_8);
        java.io.PrintStream standardError = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        AdmissibilityResult result;
        // when
        System.setErr(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            result = check.check(new InvoiceDocument("coupe.xml", cut));
        } finally {
            System.setErr(standardError);
        }
        // then the finding carries the reason, and nothing went to stderr ("[Fatal Error] :1:…" before)
        assertThat(result.admitted()).isFalse();
        assertThat(result.result().findings()).isNotEmpty()
                .allSatisfy(finding -> assertThat(finding.severity()).isEqualTo(Severity.FATAL));
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void refusesElementsNestedDeeperThanTheLimitBeforeAnyTreeIsBuilt() {
        // given 100,000 nested elements inside an invoice root
        String xml = "<Invoice xmlns=\"" + UBL + "\">" + "<a>".repeat(100_000) + "</a>".repeat(100_000) + "</Invoice>";
        // when
        AdmissibilityResult result = check.check(new InvoiceDocument("profonde.xml", xml.getBytes(StandardCharsets.UTF_8)));
        // then
        assertThat(result.admitted()).isFalse();
        assertThat(result.result().findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_LIMITE_XML");
            assertThat(f.message()).contains("plus de 100 niveaux");
            assertThat(f.location().line()).isEqualTo(1);
        });
    }

    @Test
    void refusesAHugeAttributeWithoutQuotingIt() {
        // given a 1-million-character attribute
        String xml = "<Invoice xmlns=\"" + UBL + "\" note=\"" + "A".repeat(1_000_000) + "\"/>";
        // when
        AdmissibilityResult result = check.check(new InvoiceDocument("attribut.xml", xml.getBytes(StandardCharsets.UTF_8)));
        // then
        assertThat(result.result().findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_LIMITE_XML");
            assertThat(f.message()).contains("« note »").contains("1000000 caractères").hasSizeLessThan(500);
        });
    }

    @Test
    void mapsEveryJdkParserLimitToOurOwnMessageNamingTheLimit() {
        // given 10,001 attributes on one element, and a one-megabyte element name
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 10_001; i++) {
            attributes.append(" a").append(i).append("=\"1\"");
        }
        String manyAttributes = "<Invoice xmlns=\"" + UBL + "\"><Note" + attributes + "/></Invoice>";
        String longName = "<Invoice xmlns=\"" + UBL + "\"><" + "N".repeat(1_000_000) + "/></Invoice>";

        for (String xml : List.of(manyAttributes, longName)) {
            // when
            AdmissibilityResult result = check.check(new InvoiceDocument("limite.xml", xml.getBytes(StandardCharsets.UTF_8)));
            // then our code and our French words, never the JDK's text
            assertThat(result.result().findings()).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo("IRR_LIMITE_XML");
                assertThat(f.message()).doesNotContain("JAXP").doesNotContain("JDK").doesNotContain("[xml]")
                        .hasSizeLessThan(400);
            });
        }
        assertThat(ParserMessages.parserLimit("JAXP00010002: Element \"Note\" has more than \"10,000\" attributes,"
                + " \"10,000\" is the limit imposed by the JDK.")).hasValueSatisfying(m -> assertThat(m)
                .contains("attributs").contains("limite : 10000"));
        assertThat(ParserMessages.parserLimit("The element type \"a\" must be terminated")).isEmpty();
    }

    @Test
    void admitsAUtf8BomWithAWarning() throws IOException {
        // given
        byte[] withBom = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                Files.readAllBytes(Path.of("samples/ubl/invoice-valid.xml")));
        // when
        AdmissibilityResult result = check.check(new InvoiceDocument("bom.xml", withBom));
        // then
        assertThat(result.admitted()).isTrue();
        assertThat(result.result().findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("ADM_BOM_UTF8");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void refusesUtf16WithAndWithoutBomAndUtf32() {
        // given
        String xml = "<Invoice xmlns=\"" + UBL + "\"/>";
        byte[] utf16Bom = ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16BE);
        byte[] utf16NoBom = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + xml).getBytes(StandardCharsets.UTF_16LE);
        byte[] utf32 = ("\uFEFF" + xml).getBytes(Charset.forName("UTF-32BE"));
        // when / then
        assertThat(onlyFinding(utf16Bom)).satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_ENCODAGE");
            assertThat(f.message()).contains("UTF-16 (marque BOM");
        });
        assertThat(onlyFinding(utf16NoBom).message()).contains("UTF-16 (sans marque BOM)");
        assertThat(onlyFinding(utf32).message()).contains("UTF-32");
    }

    @Test
    void refusesADeclaredEncodingOtherThanUtf8EvenWhenTheBytesMatchIt() {
        // given pure ASCII: correct in ISO-8859-1 and in UTF-8 alike
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Invoice xmlns=\"" + UBL + "\"/>")
                .getBytes(StandardCharsets.US_ASCII);
        // when
        Finding finding = onlyFinding(bytes);
        // then
        assertThat(finding.code()).isEqualTo("IRR_ENCODAGE");
        assertThat(finding.message()).contains("« ISO-8859-1 »");
    }

    @Test
    void acceptsUtf8DeclaredInLowerCase() {
        // given
        byte[] bytes = ("<?xml version='1.0' encoding='utf-8'?><Invoice xmlns='" + UBL + "'/>")
                .getBytes(StandardCharsets.UTF_8);
        // when
        AdmissibilityResult result = check.check(new InvoiceDocument("f.xml", bytes));
        // then
        assertThat(result.admitted()).isTrue();
    }

    @Test
    void refusesLatin1WithoutDeclarationNamingTheByteOffsetAndLine() throws IOException {
        // when
        Finding finding = onlyFinding(Files.readAllBytes(Path.of("samples/invalid/latin1-undeclared.xml")));
        // then
        assertThat(finding.code()).isEqualTo("IRR_ENCODAGE");
        assertThat(finding.message()).contains("0xE9").contains("position").contains("ligne 11");
        assertThat(finding.location().line()).isEqualTo(11);
    }

    @Test
    void refusesAnInvalidUtf8SequenceAtItsExactPosition() {
        // given: "<a>" then 0xC3 0x28 (a lead byte followed by a non-continuation byte)
        byte[] bytes = {'<', 'a', '>', '\n', 'x', (byte) 0xc3, '(', '<', '/', 'a', '>'};
        // when
        Finding finding = onlyFinding(bytes);
        // then
        assertThat(finding.code()).isEqualTo("IRR_ENCODAGE");
        assertThat(finding.message()).contains("position 5").contains("ligne 2, colonne 2");
    }

    @Test
    void refusesAnXxeReadingALocalFileWithoutLeakingIt() throws IOException {
        // given a secret file the document tries to pull in
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-7f3a9c");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>"
                + "<Invoice xmlns=\"" + UBL + "\"><Note>&s;</Note></Invoice>";
        // when
        AdmissibilityResult result = check.check(new InvoiceDocument("xxe.xml", xml.getBytes(StandardCharsets.UTF_8)));
        // then
        assertThat(result.admitted()).isFalse();
        assertThat(result.result().findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_DTD");
            assertThat(f.message()).doesNotContain("SECRET");
            assertThat(f.messageEn()).doesNotContain("SECRET");
        });
    }

    @Test
    void refusesExternalEntitiesAndDtdsWithoutAnyNetworkRequest() throws IOException {
        // given a local HTTP server that counts what is asked of it
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY leak 'LEAKED'>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            List<String> hostile = List.of(
                    "<!DOCTYPE Invoice [<!ENTITY % p SYSTEM \"" + base + "/p.dtd\"> %p;]><Invoice xmlns=\"" + UBL + "\">&leak;</Invoice>",
                    "<!DOCTYPE Invoice SYSTEM \"" + base + "/ext.dtd\"><Invoice xmlns=\"" + UBL + "\"/>",
                    "<!DOCTYPE Invoice [<!ENTITY e SYSTEM \"" + base + "/e.txt\">]><Invoice xmlns=\"" + UBL + "\">&e;</Invoice>");
            for (String xml : hostile) {
                // when
                Finding finding = onlyFinding(xml.getBytes(StandardCharsets.UTF_8));
                // then
                assertThat(finding.code()).isEqualTo("IRR_DTD");
                assertThat(finding.message()).doesNotContain("LEAKED");
            }
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusesAnEntityPointingAtAClosedPort() throws IOException {
        // given a port nobody listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String xml = "<!DOCTYPE Invoice [<!ENTITY e SYSTEM \"http://127.0.0.1:" + port + "/x\">]><Invoice>&e;</Invoice>";
        // when / then
        assertThat(onlyFinding(xml.getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("IRR_DTD");
    }

    @Test
    void refusesTheHostileSamples() throws IOException {
        for (String sample : List.of("xxe-file.xml", "xxe-http.xml", "billion-laughs.xml")) {
            // when
            AdmissibilityResult result = check.check(document(Path.of("samples/invalid", sample)));
            // then
            assertThat(result.result().findings()).extracting(Finding::code).containsExactly("IRR_DTD");
            assertThat(result.syntax()).isNull();
        }
    }

    @Test
    void refusesADoctypeAfterCommentsAndProcessingInstructions() {
        // given
        String xml = "<?xml version=\"1.0\"?>\n<!-- a comment -->\n<?pi data?>\n<!DOCTYPE x>\n<Invoice xmlns=\"" + UBL + "\"/>";
        // when / then
        assertThat(onlyFinding(xml.getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("IRR_DTD");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
        "<Invoice xmlns='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'><a></Invoice> => 1 => n'est pas fermée",
        "<Invoice xmlns='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'>⏎<a> => 2 => tronqué",
        "<Invoice xmlns='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'/>⏎<Invoice/> => 2 => qu'un élément racine",
        "<Invoice xmlns='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'>⏎⏎&unknown;</Invoice> => 3 => « &unknown; » n'est pas déclarée",
        "<Invoice xmlns='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'>A & B</Invoice> => 1 => « & » non échappé",
        "<Invoice xmlns='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'><cbc:ID>1</cbc:ID></Invoice> => 1 => préfixe « cbc » de l'élément <cbc:ID>",
        "⏎<?xml version='1.0'?><Invoice/> => 2 => tout au début",
        "Bonjour <Invoice/> => 1 => ne commence pas par du XML"})
    void reportsWhyADocumentIsNotWellFormedWithItsLine(String xml, int line, String reason) {
        // given (⏎ stands for a line break, which a CSV row cannot hold)
        byte[] bytes = xml.replace("⏎", "\n").getBytes(StandardCharsets.UTF_8);
        // when
        Finding finding = onlyFinding(bytes);
        // then
        assertThat(finding.code()).isEqualTo("IRR_SYNTAX");
        assertThat(finding.location().line()).isEqualTo(line);
        assertThat(finding.location().column()).isPositive();
        assertThat(finding.message()).contains("ligne " + line);
        assertThat(finding.messageEn()).startsWith("The document is not well-formed XML: line " + line + ", column ");
        assertThat(finding.message()).contains(reason);
    }

    @Test
    void refusesANulByte() {
        // given
        byte[] bytes = ("<Invoice xmlns='" + UBL + "'>x\u0000y</Invoice>").getBytes(StandardCharsets.UTF_8);
        // when
        Finding finding = onlyFinding(bytes);
        // then
        assertThat(finding.code()).isEqualTo("IRR_SYNTAX");
        assertThat(finding.message()).contains("0x0");
        assertThat(finding.message()).contains("caractère interdit");
    }

    @Test
    void refusesAnUnknownRootNamingItsNamespace() throws IOException {
        // when
        AdmissibilityResult result = check.check(document(Path.of("samples/invalid/unknown-root.xml")));
        AdmissibilityResult noNamespace = check.check(new InvoiceDocument("f.xml",
                "<Invoice><ID>1</ID></Invoice>".getBytes(StandardCharsets.UTF_8)));
        // then
        assertThat(result.syntax()).isNull();
        assertThat(result.result().findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_RACINE");
            assertThat(f.message()).contains("{urn:oasis:names:specification:ubl:schema:xsd:Order-2}Order");
        });
        assertThat(noNamespace.result().findings()).extracting(Finding::message)
                .singleElement().asString().contains("{}Invoice");
    }

    @Test
    void refusesBinaryContentSayingWhatItIs() throws IOException {
        // when
        Finding finding = onlyFinding(Files.readAllBytes(Path.of("samples/invalid/unsupported-type.pdf")));
        // then
        assertThat(finding.code()).isEqualTo("IRR_TYPE_F");
        assertThat(finding.message()).contains("document PDF");
    }

    @Test
    void givesTheSameAnswersFromManyThreadsAtOnce() throws Exception {
        // given
        List<InvoiceDocument> documents = List.of(document(Path.of("samples/ubl/invoice-valid.xml")),
                document(Path.of("samples/invalid/not-well-formed.xml")),
                document(Path.of("samples/invalid/billion-laughs.xml")),
                document(Path.of("samples/cii/invoice-valid.xml")));
        List<Outcome> expected = documents.stream().map(d -> check.check(d).result().outcome()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // when
            List<Future<List<Outcome>>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> documents.stream().map(d -> check.check(d).result().outcome()).toList()));
            }
            // then
            for (Future<List<Outcome>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
            assertThat(expected).containsExactly(Outcome.VALID, Outcome.INVALID, Outcome.INVALID, Outcome.VALID);
        } finally {
            pool.shutdownNow();
        }
    }

    private Finding onlyFinding(byte[] bytes) {
        AdmissibilityResult result = check.check(new InvoiceDocument("document.xml", bytes));
        assertThat(result.admitted()).isFalse();
        assertThat(result.result().outcome()).isEqualTo(Outcome.INVALID);
        assertThat(result.result().findings()).hasSize(1);
        return result.result().findings().get(0);
    }

    private static InvoiceDocument document(Path path) throws IOException {
        return new InvoiceDocument(path.getFileName().toString(), Files.readAllBytes(path));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
