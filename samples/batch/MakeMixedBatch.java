import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Rebuilds samples/batch/mixed-batch.zip from the single samples, byte for byte the same every time
 * (fixed entry dates, fixed order). Run from the project root: java samples/batch/MakeMixedBatch.java
 */
public class MakeMixedBatch {

    public static void main(String[] args) throws Exception {
        Map<String, Path> entries = new LinkedHashMap<>();
        entries.put("01-facture-ubl.xml", Path.of("samples/ubl/invoice-valid.xml"));
        entries.put("02-avoir-ubl.xml", Path.of("samples/ubl/creditnote-valid.xml"));
        entries.put("03-facture-xsd-invalide.xml", Path.of("samples/invalid/xsd-error.xml"));
        entries.put("04-facture-mal-formee.xml", Path.of("samples/invalid/not-well-formed.xml"));
        // A local date-time only: no time zone enters the bytes, so every machine builds the same zip.
        LocalDateTime fixed = LocalDateTime.of(2026, 11, 2, 8, 0);
        try (OutputStream file = Files.newOutputStream(Path.of("samples/batch/mixed-batch.zip"));
             ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, Path> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTimeLocal(fixed);
                zip.putNextEntry(zipEntry);
                zip.write(Files.readAllBytes(entry.getValue()));
                zip.closeEntry();
            }
        }
    }
}
