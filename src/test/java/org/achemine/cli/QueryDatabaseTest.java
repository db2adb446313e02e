package org.achemine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/** The query commands read the database the engine would open, from the same configuration, without Spring Boot. */
class QueryDatabaseTest {

    @Test
    void theDataSourceIsTheEnginesWithTheDataFolderMadeAbsolute() {
        StandardEnvironment environment = QueryDatabase.environment(List.of("--achemine.data-dir=relative/data"));

        String absolute = Path.of("relative/data").toAbsolutePath().normalize().toString();
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:h2:file:" + absolute + "/db/achemine;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("sa");
    }

    @Test
    void theUsersSettingsAndTheActiveProfilesFilesComeFirst() {
        StandardEnvironment withProfile = QueryDatabase.environment(List.of("--spring.profiles.active=querydb"));
        StandardEnvironment overridden = QueryDatabase.environment(List.of("--spring.profiles.active=querydb",
                "--spring.datasource.username=typed", "--spring.datasource.url=jdbc:h2:mem:x"));

        assertThat(withProfile.getProperty("spring.datasource.username")).isEqualTo("from-the-profile");
        assertThat(overridden.getProperty("spring.datasource.username")).isEqualTo("typed");
        assertThat(overridden.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:mem:x");
    }
}
