package org.achemine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the commands find the running engines: the single engine's {@code engine-api.properties}, or one file per
 * engine when several share the data folder (ADR 0019); a half-written file is skipped.
 */
class EngineAddressTest {

    @TempDir
    Path dataFolder;

    @Test
    void everyEnginesAddressIsFoundTheSingleEnginesFirst() throws Exception {
        Files.writeString(EngineAddress.file(dataFolder, "engine-b-0a0b0c0d"),
                new EngineAddress("127.0.0.1", 8082, "b").asProperties());
        Files.writeString(EngineAddress.file(dataFolder, "engine-a-01020304"),
                new EngineAddress("127.0.0.1", 8081, "a").asProperties());
        Files.writeString(EngineAddress.file(dataFolder, "engine-c-ffffffff"), "host=127.0.0.1\nport=");
        Files.writeString(dataFolder.resolve("other.properties"), "host=x\nport=1\ntoken=x\n");

        assertThat(EngineAddress.readAll(dataFolder)).extracting(EngineAddress::token).containsExactly("a", "b");

        Files.writeString(EngineAddress.file(dataFolder), new EngineAddress("127.0.0.1", 8080, "single").asProperties());
        assertThat(EngineAddress.readAll(dataFolder)).extracting(EngineAddress::token)
                .containsExactly("single", "a", "b");
        assertThat(EngineAddress.read(dataFolder)).map(EngineAddress::port).contains(8080);
    }

    @Test
    void noFileNoEngine() {
        assertThat(EngineAddress.readAll(dataFolder.resolve("missing"))).isEmpty();
        assertThat(EngineAddress.read(dataFolder)).isEmpty();
    }
}
