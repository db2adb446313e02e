package org.achemine.directory;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the data lines of a directory CSV file with Commons CSV. Restartable: Spring Batch saves how many
 * rows were read and a restarted import skips them. A missing required column fails the import at once
 * (the file is not the expected one); a line that breaks the CSV syntax itself (an unclosed quote) also
 * fails it, since nothing after it can be trusted.
 */
public class CsvRowReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

    private final Path file;
    private final DirectoryFile kind;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private List<String> header;

    public CsvRowReader(Path file, DirectoryFile kind) {
        this.file = file;
        this.kind = kind;
        setName("directory-" + kind.name().toLowerCase(Locale.ROOT));
    }

    @Override
    protected void doOpen() throws Exception {
        InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
        parser = DirectoryFile.csvFormat().parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        List<String> missing = kind.requiredColumns().stream()
                .filter(c -> !header.contains(c.toLowerCase(Locale.ROOT)))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Le fichier " + file.getFileName() + " n'a pas les colonnes "
                    + missing + " (en-tête lu : " + parser.getHeaderNames() + ")");
        }
        records = parser.iterator();
    }

    @Override
    protected CsvRow doRead() {
        if (!records.hasNext()) {
            return null;
        }
        CSVRecord record = records.next();
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
            values.put(header.get(i), record.get(i));
        }
        boolean consistent = record.size() == header.size();
        return new CsvRow(parser.getCurrentLineNumber(), values, consistent, String.join(";", record.values()));
    }

    @Override
    protected void doClose() throws Exception {
        if (parser != null) {
            parser.close();
        }
    }
}
