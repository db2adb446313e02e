package org.achemine.directory;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.achemine.directory.DirectoryGenerations.GenerationCounts;
import org.achemine.directory.DirectoryGenerations.ImportIssue;
import org.achemine.report.SpreadsheetCsv;
import org.achemine.validation.FindingCode;
import org.springframework.stereotype.Component;

/**
 * Writes the import report beside the structures file ({@code <file>.import-report.csv}): a summary line,
 * then one line per rejected or warned row with its file, line number, reason and content.
 */
@Component
public class DirectoryImportReport {

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
        Path target = reportFileFor(structuresFile);
        StringWriter text = new StringWriter();
        if (Files.exists(target)) {
            text.write(Files.readString(target, StandardCharsets.UTF_8));
        } else {
            try (SpreadsheetCsv csv = new SpreadsheetCsv(text)) {
                csv.row("fichier", "ligne", "gravite", "motif", "contenu");
            }
        }
        try (SpreadsheetCsv csv = new SpreadsheetCsv(text)) {
            csv.row(structuresFile.getFileName(), 0, "REFUS",
                    FindingCode.ANN_IMPORT_REFUSE.code() + " " + FindingCode.ANN_IMPORT_REFUSE.messageFr(reason), "");
        }
        publish(target, text.toString());
        return target;
    }

    Path write(Path structuresFile, long generation, GenerationCounts counts, long rowsRead) throws IOException {
        StringWriter text = new StringWriter();
        try (SpreadsheetCsv csv = new SpreadsheetCsv(text)) {
            csv.row("fichier", "ligne", "gravite", "motif", "contenu");
            csv.row("RESUME", 0, "INFO", String.format("import %d : %d lignes lues, %d structures, %d services,"
                    + " %d lignes rejetées, %d avertissements", generation, rowsRead, counts.structures(),
                    counts.services(), counts.rejected(), counts.warnings()), "");
            for (ImportIssue issue : generations.issues(generation)) {
                csv.row(issue.file(), issue.line(), issue.severity(), issue.reason(), issue.content());
            }
        }
        Path target = reportFileFor(structuresFile);
        publish(target, text.toString());
        return target;
    }

    private static void publish(Path target, String text) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
