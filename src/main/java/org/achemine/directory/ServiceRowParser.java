package org.achemine.directory;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Turns a line of the services file into a {@link PublicService}; malformed lines are skipped and reported. */
public class ServiceRowParser implements ItemProcessor<CsvRow, DirectoryEntry<PublicService>> {

    @Override
    public DirectoryEntry<PublicService> process(CsvRow row) {
        if (!row.consistent()) {
            throw new MalformedRowException(row, "nombre de colonnes différent de l'en-tête");
        }
        List<String> warnings = new ArrayList<>();
        String structure = StructureRowParser.siret(row, "IdentifiantStructure", warnings);
        PublicService service = new PublicService(
                structure,
                DirectoryValues.required(row, "CodeService", 100),
                DirectoryValues.optional(row, "LibelleService", 400),
                DirectoryValues.flag(row, "EstActif", true),
                DirectoryValues.flag(row, "EngagementObligatoire", false),
                DirectoryValues.date(row, "DateDebut"),
                DirectoryValues.date(row, "DateFin"));
        if (service.startDate() != null && service.endDate() != null && service.endDate().isBefore(service.startDate())) {
            throw new MalformedRowException(row, "DateFin " + service.endDate() + " avant DateDebut " + service.startDate());
        }
        return new DirectoryEntry<>(service, row.lineNumber(), row.raw(), warnings);
    }
}
