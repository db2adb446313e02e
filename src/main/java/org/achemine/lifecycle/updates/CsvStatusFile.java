package org.achemine.lifecycle.updates;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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

    public static StatusFile read(byte[] bytes) {
        int offset = startsWithBom(bytes) ? UTF8_BOM.length : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException notUtf8) {
            return StatusFile.rejected(List.of(encodingFinding(bytes, offset)));
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            String headerProblem = headerProblem(header);
            if (headerProblem != null) {
                return StatusFile.rejected(List.of(Finding.of(FindingCode.STA_CSV_ENTETE, Location.at(1, 0), headerProblem)));
            }
            List<RawStatusLine> lines = new ArrayList<>();
            List<Finding> fileFindings = new ArrayList<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException broken) {
                    long line = parser.getCurrentLineNumber() + 1;
                    return StatusFile.rejected(List.of(Finding.of(FindingCode.STA_CSV_SYNTAXE,
                            Location.at((int) line, 0), line, message(broken))));
                }
                lines.add(line(header, record, lineOf(text, record.getCharacterPosition())));
            }
            if (lines.isEmpty()) {
                fileFindings.add(Finding.of(FindingCode.STA_FICHIER_SANS_STATUT, Location.NONE));
            }
            return new StatusFile(fileFindings, lines);
        } catch (IOException | UncheckedIOException | IllegalArgumentException unreadableHeader) {
            return StatusFile.rejected(List.of(Finding.of(FindingCode.STA_CSV_ENTETE, Location.at(1, 0),
                    message(unreadableHeader))));
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

    /** The line a record starts on: its position counts the blank lines skipped before it, so step over them. */
    private static int lineOf(String text, long characterPosition) {
        int start = (int) Math.min(characterPosition, text.length());
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++;
        }
        int line = 1;
        for (int i = 0; i < start; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static Finding encodingFinding(byte[] bytes, int offset) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        int position = result.isError() ? in.position() : bytes.length;
        int line = 1;
        for (int i = 0; i < position; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        String found = position < bytes.length ? String.format("0x%02X", bytes[position] & 0xff) : "?";
        return Finding.of(FindingCode.IRR_ENCODAGE, Location.at(line, 0), "octet " + found
                + " invalide en UTF-8 à la ligne " + line + " ; un fichier enregistré en ISO-8859-1 ou Windows-1252 (Excel)"
                + " produit typiquement cette erreur sur les lettres accentuées : enregistrez-le en « CSV UTF-8 »");
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
    }

    private static String message(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
