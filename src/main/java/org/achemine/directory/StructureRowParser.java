package org.achemine.directory;

import java.util.ArrayList;
import java.util.List;
import org.achemine.directory.PublicStructure.PostalAddress;
import org.achemine.validation.national.Siret;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a line of the structures export into a {@link PublicStructure}. Tolerates what real exports
 * contain: a SIRET that lost its leading zero in a spreadsheet (13 digits, padded back, with a warning), a
 * SIRET that fails its checksum (kept, with a warning: real directory entries do). Anything else wrong
 * makes the row malformed: skipped and listed in the import report.
 */
public class StructureRowParser implements ItemProcessor<CsvRow, DirectoryEntry<PublicStructure>> {

    static final int SIRET_TYPE = 1;

    @Override
    public DirectoryEntry<PublicStructure> process(CsvRow row) {
        if (!row.consistent()) {
            throw new MalformedRowException(row, "nombre de colonnes différent de l'en-tête");
        }
        List<String> warnings = new ArrayList<>();
        int type = identifierType(row);
        String identifier = type == SIRET_TYPE ? siret(row, "Identifiant", warnings) : DirectoryValues.required(row, "Identifiant", 20);
        boolean checksumValid = type != SIRET_TYPE || (Siret.isWellFormed(identifier) && Siret.hasValidKey(identifier));
        if (!checksumValid) {
            warnings.add("SIRET " + identifier + " : clé de contrôle invalide, structure conservée");
        }
        PublicStructure structure = new PublicStructure(
                identifier,
                type,
                DirectoryValues.required(row, "RaisonSociale", 400),
                DirectoryValues.flag(row, "EmetteurEdi", false),
                DirectoryValues.flag(row, "RecepteurEdi", false),
                DirectoryValues.flag(row, "GestionStatutMiseEnPaiement", false),
                DirectoryValues.flag(row, "GestionEngagement", false),
                DirectoryValues.flag(row, "GestionService", false),
                DirectoryValues.flag(row, "GestionServiceEngagement", false),
                DirectoryValues.flag(row, "EstMOA", false),
                DirectoryValues.flag(row, "EstMOAUniquement", false),
                DirectoryValues.flag(row, "StructureActive", true),
                checksumValid,
                new PostalAddress(
                        DirectoryValues.optional(row, "Adresse", 400),
                        DirectoryValues.optional(row, "ComplementAdresse1", 400),
                        DirectoryValues.optional(row, "ComplementAdresse2", 400),
                        DirectoryValues.optional(row, "CodePostal", 20),
                        DirectoryValues.optional(row, "Ville", 200),
                        DirectoryValues.optional(row, "NumTelephone", 50),
                        DirectoryValues.optional(row, "Courriel", 200),
                        DirectoryValues.optional(row, "CodePays", 2),
                        DirectoryValues.optional(row, "LibellePays", 100)));
        return new DirectoryEntry<>(structure, row.lineNumber(), row.raw(), warnings);
    }

    private static int identifierType(CsvRow row) {
        String value = row.get("TypeIdentifiant");
        if (value.isEmpty()) {
            return SIRET_TYPE; // exports of public structures only hold SIRETs; an empty type means 1
        }
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedRowException(row, "TypeIdentifiant « " + value + " » n'est pas un nombre (chiffres 0 à 9)");
        }
        try {
            int type = Integer.parseInt(value);
            if (type < 1 || type > 7) {
                throw new MalformedRowException(row, "TypeIdentifiant " + value + " inconnu (1 à 7)");
            }
            return type;
        } catch (NumberFormatException e) {
            throw new MalformedRowException(row, "TypeIdentifiant « " + value + " » n'est pas un nombre");
        }
    }

    /** Digits only (spaces removed); 13 digits get their lost leading zero back. */
    static String siret(CsvRow row, String column, List<String> warnings) {
        String raw = row.get(column).replace(" ", "");
        // ASCII only: Arabic-Indic or full-width digits pass Character.isDigit but are not a SIRET anyone can match
        if (raw.isEmpty() || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedRowException(row, column + " « " + row.get(column) + " » : un SIRET ne contient que des"
                    + " chiffres de 0 à 9 (ASCII)");
        }
        if (raw.length() == 13) {
            warnings.add("SIRET " + raw + " à 13 chiffres complété en 0" + raw + " (zéro initial perdu)");
            return "0" + raw;
        }
        if (raw.length() != 14) {
            throw new MalformedRowException(row, column + " " + raw + " : un SIRET a 14 chiffres, pas " + raw.length());
        }
        return raw;
    }
}
