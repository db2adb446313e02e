package org.achemine.directory;

import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * The two CSV files of a directory import and their columns. Both are {@code ;}-separated UTF-8 with a
 * header line (a BOM is tolerated, header names are matched ignoring case, quoted fields allowed).
 */
public enum DirectoryFile {

    /** The Chorus Pro structures export (FACTS §3.2). */
    STRUCTURES(List.of("TypeIdentifiant", "Identifiant", "RaisonSociale", "EmetteurEdi", "RecepteurEdi",
            "GestionStatutMiseEnPaiement", "GestionEngagement", "GestionService", "GestionServiceEngagement",
            "EstMOA", "EstMOAUniquement", "StructureActive"),
            List.of("Adresse", "ComplementAdresse1", "ComplementAdresse2", "CodePostal", "Ville", "NumTelephone",
                    "Courriel", "CodePays", "LibellePays")),

    /** achemine's services file: one line per service of a structure. */
    SERVICES(List.of("IdentifiantStructure", "CodeService", "LibelleService", "EstActif", "EngagementObligatoire"),
            List.of("DateDebut", "DateFin"));

    private final List<String> requiredColumns;
    private final List<String> optionalColumns;

    DirectoryFile(List<String> requiredColumns, List<String> optionalColumns) {
        this.requiredColumns = requiredColumns;
        this.optionalColumns = optionalColumns;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }

    public List<String> optionalColumns() {
        return optionalColumns;
    }

    static CSVFormat csvFormat() {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(';')
                .setQuote('"')
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true)
                .get();
    }
}
