package org.achemine.api;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where the running engine answers, as it writes it into its data folder: the query commands find the engine
 * there ({@code engine-api.properties}; with several engines on one data folder, one
 * {@code engine-api-<engine>.properties} each, ADR 0019), and authenticate with its token (reading the data folder already gives
 * access to everything the database holds; the token gives no more and dies with the engine).
 */
public record EngineAddress(String host, int port, String token) {

    /** The file's name, at the root of the data folder. */
    public static final String FILE_NAME = "engine-api.properties";

    public static Path file(Path dataFolder) {
        return dataFolder.resolve(FILE_NAME);
    }

    /** One engine's file among several on the same data folder. */
    public static Path file(Path dataFolder, String engineId) {
        return dataFolder.resolve("engine-api-" + engineId + ".properties");
    }

    /** An engine's address written by a running (or crashed: the caller checks it answers) engine, if any. */
    public static Optional<EngineAddress> read(Path dataFolder) {
        return readAll(dataFolder).stream().findFirst();
    }

    /** Every engine's address in the data folder (several engines: one file each), the single engine's first. */
    public static List<EngineAddress> readAll(Path dataFolder) {
        List<Path> files = new ArrayList<>();
        files.add(file(dataFolder));
        try (Stream<Path> listed = Files.list(dataFolder)) {
            listed.filter(f -> f.getFileName().toString().matches("engine-api-.+\\.properties")).sorted()
                    .forEach(files::add);
        } catch (IOException noFolder) {
            // no data folder: no engine
        }
        return files.stream().map(EngineAddress::readFile).flatMap(Optional::stream).toList();
    }

    private static Optional<EngineAddress> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            return Optional.of(new EngineAddress(properties.getProperty("host"),
                    Integer.parseInt(properties.getProperty("port")), properties.getProperty("token")));
        } catch (IOException | RuntimeException unreadable) {
            // being rewritten or left half by a crash: ask the database instead
            return Optional.empty();
        }
    }

    public String baseUrl() {
        return "http://" + host + ":" + port + ApiPaths.V1;
    }

    String asProperties() {
        return "# written by achemine run; removed when it stops\nhost=" + host + "\nport=" + port + "\ntoken=" + token
                + "\n";
    }
}
