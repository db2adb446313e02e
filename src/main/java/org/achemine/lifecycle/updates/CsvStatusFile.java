package org.achemine.lifecycle.updates;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.Location;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a CSV status file (Commons CSV): UTF-8 (a BOM is tolerated), {@code ;} separated, fields may be
 * quoted with {@code "}, a header line naming the columns (any order, any case), blank lines ignored.
 * Columns: {@value #COLUMNS}; {@code statut} and {@code date_heure} are required, and the invoice is
 * identified by {@code id_facture} or by {@code id_fournisseur} + {@code numero_facture}. A file that
 * cannot be trusted as a whole (bad encoding, missing or unknown column, an unclosed quote) is rejected
 * with nothing applied; a record with the wrong number of fields is one bad line.
 */
public final class CsvStatusFile {

    static final String COLUMNS =
            "id_facture;id_fournisseur;numero_facture;date_facture;statut;date_heure;motif;commentaire;piece_jointe;producteur";
    private static final List<String> KNOWN = List.of(COLUMNS.split(";"));
    private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .get();

    private CsvStatusFile() {
    }

    /** Reads a whole file held in memory (tests, small files), with no limit on the number of lines. */
    public static StatusFile read(byte[] bytes) {
        return read(() -> new ByteArrayInputStream(bytes), Integer.MAX_VALUE);
    }

    /**
     * Reads the file streamed from {@code source}, in one pass: time linear in its size, memory bounded by
     * {@code maxLines} kept lines. Past {@code maxLines} status lines the rest are only counted and the whole
     * file is refused (STA_TROP_DE_LIGNES): nothing is applied, so the worker and the report stay proportionate.
     *
     * @param source opened once to read, and a second time only to locate an encoding error
     */
    public static StatusFile read(StatusSource source, int maxLines) {
        try (InputStream in = new BufferedInputStream(source.open());
             LineTrackingReader text = new LineTrackingReader(new InputStreamReader(in,
                     StandardCharsets.UTF_8.newDecoder()
                             .onMalformedInput(CodingErrorAction.REPORT)
                             .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            in.mark(UTF8_BOM.length + 1);
            byte[] head = in.readNBytes(UTF8_BOM.length + 1);
            if (isUtf16(head)) {
                // ASCII text in UTF-16 decodes as "valid" UTF-8 full of NULs: name it before parsing
                return StatusFile.rejected(List.of(utf16Finding(head)));
            }
            in.reset();
            skipBom(in);
            return parse(text, maxLines);
        } catch (NotUtf8 notUtf8) {
            return StatusFile.rejected(List.of(encodingFinding(source)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the status file", e);
        }
    }

    private static StatusFile parse(LineTrackingReader text, int maxLines) throws NotUtf8 {
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            String headerProblem = headerProblem(header);
            if (headerProblem != null) {
                return StatusFile.rejected(List.of(Finding.of(FindingCode.STA_CSV_ENTETE, Location.at(1, 0), headerProblem)));
            }
            List<RawStatusLine> lines = new ArrayList<>();
            long count = 0;
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException broken) {
                    NotUtf8.rethrowIfEncoding(broken);
                    long line = parser.getCurrentLineNumber() + 1;
                    return StatusFile.rejected(List.of(Finding.of(FindingCode.STA_CSV_SYNTAXE,
                            Location.at((int) line, 0), line, message(broken))));
                }
                int lineNumber = text.lineOf(record.getCharacterPosition());
                if (++count <= maxLines) {
                    lines.add(line(header, record, lineNumber));
                }
            }
            if (count > maxLines) {
                return StatusFile.rejected(List.of(Finding.of(FindingCode.STA_TROP_DE_LIGNES, Location.NONE, count,
                        maxLines)));
            }
            if (lines.isEmpty()) {
                return new StatusFile(List.of(Finding.of(FindingCode.STA_FICHIER_SANS_STATUT, Location.NONE)), lines);
            }
            return new StatusFile(List.of(), lines);
        } catch (IOException | UncheckedIOException | IllegalArgumentException unreadableHeader) {
            NotUtf8.rethrowIfEncoding(unreadableHeader);
            return StatusFile.rejected(List.of(Finding.of(FindingCode.STA_CSV_ENTETE, Location.at(1, 0),
                    message(unreadableHeader))));
        }
    }

    /** The decoder met a byte sequence that is not UTF-8: the file is refused as a whole (IRR_ENCODAGE). */
    private static final class NotUtf8 extends Exception {

        private NotUtf8(Throwable cause) {
            super(cause);
        }

        static void rethrowIfEncoding(Exception e) throws NotUtf8 {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof CharacterCodingException) {
                    throw new NotUtf8(cause);
                }
            }
        }
    }

    private static void skipBom(InputStream in) throws IOException {
        in.mark(UTF8_BOM.length);
        if (!startsWithBom(in.readNBytes(UTF8_BOM.length))) {
            in.reset();
        }
    }

    /** A record with the wrong number of fields keeps its line number and is refused as malformed later. */
    private static RawStatusLine line(List<String> header, CSVRecord record, int lineNumber) {
        if (record.size() != header.size()) {
            return RawStatusLine.malformed(lineNumber, null, "elle compte " + record.size() + " champs séparés par « ; », l'en-tête en annonce "
                    + header.size());
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String value = record.get(i).strip();
            values.putIfAbsent(header.get(i), value.isEmpty() ? null : value);
        }
        return new RawStatusLine(lineNumber, null, values.get("id_facture"), values.get("id_fournisseur"),
                values.get("numero_facture"), values.get("date_facture"), values.get("statut"), values.get("date_heure"),
                values.get("motif"), values.get("commentaire"), values.get("piece_jointe"), null, values.get("producteur"));
    }

    private static String headerProblem(List<String> header) {
        if (header.isEmpty() || header.stream().allMatch(String::isEmpty)) {
            return "le fichier n'a pas de ligne d'en-tête";
        }
        // An unnamed column (a trailing ";" some spreadsheets add) is ignored; a misspelt name is not.
        List<String> unknown = header.stream().filter(h -> !h.isEmpty() && !KNOWN.contains(h)).toList();
        if (!unknown.isEmpty()) {
            return "colonne(s) inconnue(s) " + unknown + " ; colonnes possibles : " + COLUMNS;
        }
        List<String> duplicated = header.stream().filter(h -> !h.isEmpty() && header.indexOf(h) != header.lastIndexOf(h))
                .distinct().toList();
        if (!duplicated.isEmpty()) {
            return "colonne(s) en double " + duplicated;
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("statut", "date_heure")) {
            if (!header.contains(required)) {
                missing.add(required);
            }
        }
        if (!header.contains("id_facture") && !(header.contains("id_fournisseur") && header.contains("numero_facture"))) {
            missing.add("id_facture (ou id_fournisseur et numero_facture)");
        }
        return missing.isEmpty() ? null : "colonne(s) manquante(s) : " + String.join(", ", missing);
    }

    /**
     * Where the first byte that is not UTF-8 lies, found in a second streamed pass. A UTF-16 file (BOM, or
     * NUL bytes between ASCII letters) is named as such before this, instead of being blamed on a spreadsheet.
     */
    private static Finding encodingFinding(StatusSource source) {
        try (InputStream in = new BufferedInputStream(source.open())) {
            Utf8Scan scan = new Utf8Scan();
            byte[] buffer = new byte[8192];
            for (int n; !scan.failed() && (n = in.read(buffer)) > 0; ) {
                scan.feed(buffer, n);
            }
            String found = scan.failed() ? String.format("0x%02X", scan.badByte()) : "?";
            return Finding.of(FindingCode.IRR_ENCODAGE, Location.at(scan.line(), 0), "octet " + found
                    + " invalide en UTF-8 à la ligne " + scan.line() + " ; un fichier enregistré en ISO-8859-1 ou"
                    + " Windows-1252 (Excel) produit typiquement cette erreur sur les lettres accentuées :"
                    + " enregistrez-le en « CSV UTF-8 »");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the status file again", e);
        }
    }

    private static Finding utf16Finding(byte[] head) {
        return Finding.of(FindingCode.IRR_ENCODAGE, Location.at(1, 0), "le fichier est encodé en UTF-16 (octets "
                + hex(head) + " au début) : enregistrez-le en « CSV UTF-8 »");
    }

    /** FF FE or FE FF (a UTF-16 BOM), or a NUL byte beside an ASCII one in the first two characters. */
    private static boolean isUtf16(byte[] head) {
        if (head.length >= 2 && ((head[0] == (byte) 0xff && head[1] == (byte) 0xfe)
                || (head[0] == (byte) 0xfe && head[1] == (byte) 0xff))) {
            return true;
        }
        return head.length >= 4 && ((head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0)
                || (head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0));
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(text.isEmpty() ? "" : " ").append(String.format("%02X", b & 0xff));
        }
        return text.toString();
    }

    /** Decodes chunk by chunk, counting lines, until the first byte sequence UTF-8 does not allow. */
    private static final class Utf8Scan {

        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer pending = ByteBuffer.allocate(8192 + 16);
        private final CharBuffer chars = CharBuffer.allocate(8192 + 16);
        private int line = 1;
        private int badByte = -1;

        void feed(byte[] bytes, int length) {
            pending.put(bytes, 0, length).flip();
            while (true) {
                chars.clear();
                int before = pending.position();
                CoderResult result = decoder.decode(pending, chars, false);
                for (int i = before; i < pending.position(); i++) {
                    line += pending.get(i) == '\n' ? 1 : 0;
                }
                if (result.isError()) {
                    badByte = pending.get(pending.position()) & 0xff;
                    return;
                }
                if (result.isUnderflow()) {
                    break;
                }
            }
            pending.compact();
        }

        boolean failed() {
            return badByte >= 0;
        }

        int badByte() {
            return badByte;
        }

        int line() {
            return line;
        }
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
    }

    private static String message(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
