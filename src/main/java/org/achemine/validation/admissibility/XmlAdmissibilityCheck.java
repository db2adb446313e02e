package org.achemine.validation.admissibility;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.achemine.validation.AdmissibilityResult;
import org.achemine.validation.CheckName;
import org.achemine.validation.CheckResult;
import org.achemine.validation.DocumentAdmissibilityCheck;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.Incident;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.Location;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.PartnerText;
import org.achemine.validation.ProvingParse;
import org.achemine.validation.Syntax;
import org.achemine.xml.HardenedXml;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Admissibility of one XML document: really XML (IRR_TYPE_F for a PDF or an image inside a batch), UTF-8
 * (IRR_ENCODAGE; a UTF-8 BOM is a warning), no DOCTYPE (IRR_DTD, refused before any entity is read),
 * well-formed (IRR_SYNTAX with line and column), within the structure limits (IRR_LIMITE_XML: nesting depth,
 * attribute length), a known root element and namespace (IRR_RACINE).
 * One byte scan for the encoding, then one pass to the end of the document: the XSD check's parse when it is
 * lent ({@link ProvingParse}) and proves the document well-formed, else a streaming StAX pass of its own, which
 * words every refusal. Thread-safe.
 */
public final class XmlAdmissibilityCheck implements DocumentAdmissibilityCheck {

    static final int[] UTF8_BOM = {0xef, 0xbb, 0xbf};

    // version is required by XML; the encoding pseudo-attribute follows it when present.
    private static final Pattern XML_DECLARATION = Pattern.compile(
            "^<\\?xml\\s+version\\s*=\\s*(['\"])([^'\"]*)\\1(?:\\s+encoding\\s*=\\s*(['\"])([^'\"]*)\\3)?");

    /** Whose parse admits a well-formed document without a pass of ours (null: always our own pass). */
    private final ProvingParse provingParse;

    /** Reads every document with its own StAX pass. */
    public XmlAdmissibilityCheck() {
        this(null);
    }

    /**
     * @param provingParse the later check's parse (the XSD check's), tried first on a document whose bytes and root
     *                     tag look right: when it proves the document well-formed, no pass of ours is needed; else
     *                     ours runs, and the findings are what they always were
     */
    public XmlAdmissibilityCheck(ProvingParse provingParse) {
        this.provingParse = provingParse;
    }

    @Override
    public AdmissibilityResult check(InvoiceDocument document) {
        long start = System.nanoTime();
        try {
            byte[] bytes = document.bytes();
            List<Finding> findings = new ArrayList<>();
            int offset = prolog(bytes, findings);
            if (offset < 0) {
                return new AdmissibilityResult(CheckResult.of(CheckName.ADMISSIBILITY, findings, since(start)), null);
            }
            Optional<Syntax> declared = provingParse == null ? Optional.empty() : DeclaredRoot.syntax(bytes, offset);
            if (declared.isPresent()) {
                ParsedInvoice invoice = new ParsedInvoice(document, declared.get());
                Optional<Duration> proved = provingParse.prove(invoice);
                if (proved.isPresent()) {
                    // the parse's time is its check's: admissibility counts only its own
                    return new AdmissibilityResult(CheckResult.of(CheckName.ADMISSIBILITY, findings,
                            since(start).minus(proved.get())), declared.get(), invoice);
                }
            }
            Syntax syntax = parse(bytes, offset, findings);
            return new AdmissibilityResult(CheckResult.of(CheckName.ADMISSIBILITY, findings, since(start)), syntax);
        } catch (RuntimeException broken) {
            // A parser failure that is not a report on the document is our fault: say so, keep the flow.
            return new AdmissibilityResult(CheckResult.error(CheckName.ADMISSIBILITY,
                    Incident.report(CheckName.ADMISSIBILITY, document.name(), broken), since(start)), null);
        }
    }

    /**
     * Adds the findings about the bytes before any parse (signature, BOM, declared encoding and version, UTF-8);
     * returns where the document starts (past a BOM), or -1 when they refuse it.
     */
    private static int prolog(byte[] bytes, List<Finding> findings) {
        FileSignature signature = FileSignature.detect(bytes, Math.min(bytes.length, FileSignature.HEAD_SIZE));
        if (signature == FileSignature.XML_WIDE) {
            findings.add(Finding.of(FindingCode.IRR_ENCODAGE, Location.NONE, wideEncoding(bytes)));
            return -1;
        }
        if (signature != FileSignature.XML && signature != FileSignature.UNKNOWN) {
            findings.add(Finding.of(FindingCode.IRR_TYPE_F, Location.NONE,
                    "le document ne contient pas du XML mais : " + signature.description()));
            return -1;
        }
        int offset = 0;
        if (startsWith(bytes, UTF8_BOM)) {
            findings.add(Finding.of(FindingCode.ADM_BOM_UTF8, Location.at(1, 1)));
            offset = UTF8_BOM.length;
        }
        Optional<String> declared = declaredEncoding(bytes, offset);
        if (declared.isPresent() && !declared.get().equalsIgnoreCase("UTF-8")) {
            findings.add(Finding.of(FindingCode.IRR_ENCODAGE, Location.at(1, 1),
                    "le document déclare l'encodage « " + declared.get() + " »"));
            return -1;
        }
        Optional<String> version = declaredVersion(bytes, offset);
        if (version.isPresent() && !version.get().equals("1.0")) {
            // XML 1.1 lets control characters in (&#x1;): UBL and CII are XML 1.0, and so are our readers' tools
            findings.add(Finding.of(FindingCode.IRR_VERSION_XML, Location.at(1, 1), PartnerText.shown(version.get(), 20)));
            return -1;
        }
        Optional<Finding> invalidUtf8 = invalidUtf8(bytes, offset);
        if (invalidUtf8.isPresent()) {
            findings.add(invalidUtf8.get());
            return -1;
        }
        return offset;
    }

    /** The one StAX pass: stops at a DOCTYPE before anything in it is resolved, else reads to the end. */
    private static Syntax parse(byte[] bytes, int offset, List<Finding> findings) {
        Syntax syntax = null;
        XMLStreamReader reader = null;
        try {
            reader = HardenedXml.xmlInputFactory().createXMLStreamReader(
                    new ByteArrayInputStream(bytes, offset, bytes.length - offset), "UTF-8");
            boolean rootSeen = false;
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    Optional<String> overLimit = structureLimit(reader, ++depth);
                    if (overLimit.isPresent()) {
                        findings.add(Finding.of(FindingCode.IRR_LIMITE_XML, location(reader), overLimit.get()));
                        return syntax;
                    }
                }
                if (event == XMLStreamConstants.DTD) {
                    findings.add(Finding.of(FindingCode.IRR_DTD, location(reader)));
                    return null;
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    // Without a DTD only the five predefined entities exist; the parser hands others back unread.
                    String entity = "&" + reader.getLocalName() + ";";
                    findings.add(syntaxFinding(location(reader), new ParserMessages.Readable(
                            "l'entité « " + entity + " » n'est pas déclarée (un « & » doit s'écrire &amp;)",
                            "the entity " + entity + " is not declared (write '&' as &amp;)")));
                    return syntax;
                }
                if (event == XMLStreamConstants.START_ELEMENT && !rootSeen) {
                    rootSeen = true;
                    String namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
                    String local = reader.getLocalName();
                    syntax = Syntax.of(namespace, local).orElse(null);
                    if (syntax == null) {
                        findings.add(Finding.of(FindingCode.IRR_RACINE, location(reader),
                                "{" + namespace + "}" + local));
                    }
                }
            }
            return syntax;
        } catch (XMLStreamException notWellFormed) {
            Location where = notWellFormed.getLocation() == null ? Location.NONE
                    : Location.at(notWellFormed.getLocation().getLineNumber(),
                            notWellFormed.getLocation().getColumnNumber());
            String reason = reason(bytes, offset, notWellFormed);
            Optional<String> limit = ParserMessages.parserLimit(notWellFormed.getMessage())
                    .or(() -> ParserMessages.parserLimit(reason));
            if (limit.isPresent()) {
                findings.add(Finding.of(FindingCode.IRR_LIMITE_XML, where, limit.get()));
                return syntax;
            }
            findings.add(syntaxFinding(where, ParserMessages.readable(reason)));
            return syntax;
        } finally {
            close(reader);
        }
    }

    /**
     * The parser's reason in its base (English) words, which {@link ParserMessages} turns into French. The StAX
     * parser speaks the JVM's language and cannot be told otherwise; the SAX reader of {@link HardenedXml} can.
     * Both are the JDK's parser: the document is read again with SAX (only a document already refused pays
     * this), and its reason is kept when it stops at the same place; else StAX's own words are kept.
     */
    private static String reason(byte[] bytes, int offset, XMLStreamException stax) {
        try {
            HardenedXml.newXmlReader().parse(new InputSource(new ByteArrayInputStream(bytes, offset, bytes.length - offset)));
        } catch (SAXParseException sax) {
            if (stax.getLocation() != null && sax.getLineNumber() == stax.getLocation().getLineNumber()
                    && sax.getColumnNumber() == stax.getLocation().getColumnNumber()) {
                return sax.getMessage();
            }
        } catch (SAXException | IOException | RuntimeException other) {
            // no better words: keep StAX's
        }
        return stax.getMessage();
    }

    /**
     * Hostile shapes no invoice has (elements nested hundreds deep, megabyte attributes): refused here, so the
     * later checks, which build trees and run stylesheets, never meet them.
     */
    private static Optional<String> structureLimit(XMLStreamReader reader, int depth) {
        if (depth > HardenedXml.MAX_ELEMENT_DEPTH) {
            return Optional.of("les éléments sont imbriqués sur plus de " + HardenedXml.MAX_ELEMENT_DEPTH
                    + " niveaux (élément « " + reader.getLocalName() + " »)");
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            int length = reader.getAttributeValue(i).length();
            if (length > HardenedXml.MAX_ATTRIBUTE_LENGTH) {
                return Optional.of("l'attribut « " + reader.getAttributeLocalName(i) + " » de l'élément « "
                        + reader.getLocalName() + " » fait " + length + " caractères, la limite est de "
                        + HardenedXml.MAX_ATTRIBUTE_LENGTH);
            }
        }
        return Optional.empty();
    }

    static Finding syntaxFinding(Location where, ParserMessages.Readable reason) {
        FindingCode code = FindingCode.IRR_SYNTAX;
        String french = where.hasLine() ? where + " : " + reason.french() : reason.french();
        String english = where.hasLine()
                ? "line " + where.line() + ", column " + where.column() + ": " + reason.original() : reason.original();
        return new Finding(code.code(), code.severity(), code.source(), code.messageFr(french), code.messageEn(english),
                null, where);
    }

    private static Location location(XMLStreamReader reader) {
        javax.xml.stream.Location at = reader.getLocation();
        return at == null ? Location.NONE : Location.at(at.getLineNumber(), at.getColumnNumber());
    }

    static String wideEncoding(byte[] bytes) {
        if (startsWith(bytes, new int[] {0, 0, 0xfe, 0xff}) || startsWith(bytes, new int[] {0xff, 0xfe, 0, 0})) {
            return "le document est encodé en UTF-32 (marque BOM en tête)";
        }
        if (startsWith(bytes, new int[] {0xfe, 0xff}) || startsWith(bytes, new int[] {0xff, 0xfe})) {
            return "le document est encodé en UTF-16 (marque BOM en tête)";
        }
        return "le document est encodé en UTF-16 (sans marque BOM)";
    }

    static Optional<String> declaredEncoding(byte[] bytes, int offset) {
        // The declaration is ASCII by definition: decoding its bytes as Latin-1 cannot fail.
        String head = new String(bytes, offset, Math.min(200, bytes.length - offset), StandardCharsets.ISO_8859_1);
        Matcher declaration = XML_DECLARATION.matcher(head);
        return declaration.find() ? Optional.ofNullable(declaration.group(4)) : Optional.empty();
    }

    static Optional<String> declaredVersion(byte[] bytes, int offset) {
        String head = new String(bytes, offset, Math.min(200, bytes.length - offset), StandardCharsets.ISO_8859_1);
        Matcher declaration = XML_DECLARATION.matcher(head);
        return declaration.find() ? Optional.of(declaration.group(2)) : Optional.empty();
    }

    /** The first byte sequence that is not UTF-8, with its offset, line and column. */
    private static Optional<Finding> invalidUtf8(byte[] bytes, int offset) {
        if (wellFormedUtf8(bytes, offset)) {
            return Optional.empty();
        }
        // the JDK's decoder says where and how long the bad sequence is, as the finding has always said it
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return Optional.of(utf8Finding(bytes, in.position(), result.length()));
            }
            if (result.isUnderflow()) {
                result = decoder.flush(out);
                return result.isError() ? Optional.of(utf8Finding(bytes, in.position(), result.length()))
                        : Optional.empty();
            }
            out.clear();
        }
    }

    /**
     * Whether the bytes are well-formed UTF-8 (Unicode's table 3-7: no overlong form, no surrogate, nothing past
     * U+10FFFF), checked without decoding: every accepted document pays this scan, only a refused one the decoder.
     */
    static boolean wellFormedUtf8(byte[] bytes, int offset) {
        int i = offset;
        int end = bytes.length;
        while (i < end) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int lead = b & 0xff;
            int length;
            int low = 0x80;
            int high = 0xbf;
            if (lead >= 0xc2 && lead <= 0xdf) {
                length = 2;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                length = 3;
                low = lead == 0xe0 ? 0xa0 : 0x80;
                high = lead == 0xed ? 0x9f : 0xbf;
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                length = 4;
                low = lead == 0xf0 ? 0x90 : 0x80;
                high = lead == 0xf4 ? 0x8f : 0xbf;
            } else {
                return false;
            }
            if (i + length > end) {
                return false;
            }
            int second = bytes[i + 1] & 0xff;
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k < length; k++) {
                if ((bytes[i + k] & 0xc0) != 0x80) {
                    return false;
                }
            }
            i += length;
        }
        return true;
    }

    private static Finding utf8Finding(byte[] bytes, int position, int length) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < position; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // Columns count characters, as parsers do: the continuation bytes of earlier characters are not columns.
        int column = 1;
        for (int i = lineStart; i < position; i++) {
            if ((bytes[i] & 0xc0) != 0x80) {
                column++;
            }
        }
        StringBuilder found = new StringBuilder();
        for (int i = position; i < Math.min(position + Math.max(length, 1), bytes.length); i++) {
            found.append(found.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xff));
        }
        return Finding.of(FindingCode.IRR_ENCODAGE, Location.at(line, column),
                "octet " + found + " invalide en UTF-8 à la position " + position + " (ligne " + line + ", colonne "
                        + column + ") ; un fichier enregistré en ISO-8859-1 ou Windows-1252 produit typiquement "
                        + "cette erreur sur les lettres accentuées");
    }

    static boolean startsWith(byte[] bytes, int[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // Nothing to release beyond memory: the input is a byte array.
            }
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
