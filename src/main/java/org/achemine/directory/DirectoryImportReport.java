package org.achemine.directory;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.achemine.archive.AtomicFiles;
import org.achemine.directory.DirectoryGenerations.GenerationCounts;
import org.achemine.directory.DirectoryGenerations.ImportIssue;
import org.achemine.validation.FindingCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * Writes the import report beside the structures file ({@code <file>.import-report.csv}): a summary line,
 * then one line per rejected or warned row with its file, line number, reason and content.
 */
@Component
public class DirectoryImportReport {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').get();
    private static final List<String> HEADER = List.of("fichier", "ligne", "gravite", "motif", "contenu");
    /** Severity of a line saying why nothing was imported. */
    static final String REFUSAL = "REFUS";
    /** Severity of a line naming an older drop set aside for the one imported. */
    static final String SUPERSEDED = "REMPLACE";

    private final DirectoryGenerations generations;

    public DirectoryImportReport(DirectoryGenerations generations) {
        this.generations = generations;
    }

    public static Path reportFileFor(Path structuresFile) {
        return structuresFile.resolveSibling(structuresFile.getFileName() + ".import-report.csv");
    }

    /**
     * Adds why an import was refused (code ANN_IMPORT_REFUSE) to its report, creating the report when the
     * import stopped before writing one (a file whose CSV syntax is broken stops the reading step).
     */
    public Path recordRefusal(Path structuresFile, String reason) throws IOException {
        return refuse(structuresFile, reason);
    }

    /** Adds an ANN_IMPORT_REFUSE line to the report beside {@code file}, created if missing. */
    static Path refuse(Path file, String reason) throws IOException {
        return append(reportFileFor(file), List.of(List.of(file.getFileName(), 0, REFUSAL,
                FindingCode.ANN_IMPORT_REFUSE.code() + " " + FindingCode.ANN_IMPORT_REFUSE.messageFr(reason), "")));
    }

    /**
     * Adds one ANN_DEPOT_REMPLACE line per older file the inbox set aside for the drop it took. The import
     * rewrites its report later and keeps these lines ({@link #write}).
     */
    static Path recordSuperseded(Path structuresFile, String takenDrop, List<Path> setAside) throws IOException {
        List<List<Object>> lines = new ArrayList<>();
        for (Path file : setAside) {
            lines.add(List.of(file.getFileName(), 0, SUPERSEDED, FindingCode.ANN_DEPOT_REMPLACE.code() + " "
                    + FindingCode.ANN_DEPOT_REMPLACE.messageFr(DirectoryDropNames.dropOf(file), takenDrop,
                    file.getParent().getParent().getFileName() + "/" + file.getParent().getFileName() + "/"), ""));
        }
        return append(reportFileFor(structuresFile), lines);
    }

    private static Path append(Path target, List<List<Object>> lines) throws IOException {
        StringWriter text = new StringWriter();
        if (Files.exists(target)) {
            text.write(Files.readString(target, StandardCharsets.UTF_8));
        } else {
            try (CSVPrinter csv = new CSVPrinter(text, FORMAT)) {
                csv.printRecord(HEADER);
            }
        }
        try (CSVPrinter csv = new CSVPrinter(text, FORMAT)) {
            for (List<Object> line : lines) {
                csv.printRecord(line);
            }
        }
        publish(target, text.toString());
        return target;
    }

    Path write(Path structuresFile, long generation, GenerationCounts counts, long rowsRead) throws IOException {
        Path target = reportFileFor(structuresFile);
        List<CSVRecord> setAside = linesOf(target, SUPERSEDED);
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, FORMAT)) {
            csv.printRecord(HEADER);
            csv.printRecord("RESUME", 0, "INFO", String.format("import %d : %d lignes lues, %d structures, %d services,"
                    + " %d lignes rejetées, %d avertissements", generation, rowsRead, counts.structures(),
                    counts.services(), counts.rejected(), counts.warnings()), "");
            for (ImportIssue issue : generations.issues(generation)) {
                csv.printRecord(issue.file(), issue.line(), issue.severity(), issue.reason(), issue.content());
            }
            for (CSVRecord line : setAside) {
                csv.printRecord(line);
            }
        }
        publish(target, text.toString());
        return target;
    }

    /** The lines of an existing report with that severity (none when there is no report yet). */
    private static List<CSVRecord> linesOf(Path report, String severity) throws IOException {
        if (!Files.exists(report)) {
            return List.of();
        }
        try (CSVParser csv = CSVParser.parse(report, StandardCharsets.UTF_8, FORMAT)) {
            return csv.getRecords().stream().filter(r -> r.size() > 2 && r.get(2).equals(severity)).toList();
        }
    }

    private static void publish(Path target, String text) throws IOException {
        AtomicFiles.write(target.resolveSibling("." + target.getFileName() + ".tmp"), target,
                text.getBytes(StandardCharsets.UTF_8));
    }
}
