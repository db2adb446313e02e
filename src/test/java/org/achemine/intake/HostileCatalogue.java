package org.achemine.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The catalogue of hostile and broken inputs, {@code samples/hostile/catalogue.csv}: one row per kind with
 * its sample (or {@code generated:...} when the test makes it, {@code pending-...} when the feature is not
 * merged yet), the code it must be answered with ({@code -}: accepted, no finding) and what it proves.
 */
record HostileCatalogue(List<Kind> kinds) {

    static final Path FOLDER = Path.of("samples/hostile");
    static final String NO_CODE = "-";

    record Kind(String kind, String file, String expectedCode, String proves) {

        boolean generated() {
            return file.startsWith("generated:");
        }

        boolean pending() {
            return file.startsWith("pending-");
        }

        /** The sample files of this kind in samples/hostile (none when generated or pending). */
        List<String> sampleFiles() {
            return generated() || pending() ? List.of() : List.of(file.split("\\+"));
        }

        Path sample() {
            return FOLDER.resolve(sampleFiles().get(0));
        }
    }

    static HostileCatalogue load() {
        try {
            List<String> lines = Files.readAllLines(FOLDER.resolve("catalogue.csv"), StandardCharsets.UTF_8);
            if (!lines.get(0).equals("kind;file;expected_code;what_it_proves")) {
                throw new IllegalStateException("catalogue.csv: unexpected header " + lines.get(0));
            }
            return new HostileCatalogue(lines.stream().skip(1).filter(l -> !l.isBlank()).map(line -> {
                String[] columns = line.split(";", 4);
                if (columns.length != 4) {
                    throw new IllegalStateException("catalogue.csv: not 4 columns: " + line);
                }
                return new Kind(columns[0], columns[1], columns[2], columns[3]);
            }).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Kind kind(String name) {
        return kinds.stream().filter(k -> k.kind().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No kind " + name + " in catalogue.csv"));
    }
}
