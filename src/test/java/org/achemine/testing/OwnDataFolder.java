package org.achemine.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test class's engine on a data folder of its own: {@link #dataDir}, a temporary folder per class, is the
 * engine's {@code achemine.data-dir}. The class's Spring context is closed when the class ends, before JUnit
 * deletes the folder (its pollers and database write there until then); no other class could reuse it, their
 * folders differ. Each class says what else its engine needs in its own {@code @SpringBootTest} properties.
 */
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
public abstract class OwnDataFolder {

    @TempDir
    protected static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("achemine.data-dir", () -> dataDir.toString());
    }
}
