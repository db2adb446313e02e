package org.achemine.cli;

import static org.achemine.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.achemine.testing.Commands.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nightly} and the new jobs through {@code job run}, as an operator runs them. */
class NightlyCommandIT {

    @TempDir
    Path dataDir;

    @Test
    void nightlyRunsTheSequenceNowAndPrintsWhatEachStepDid() throws Exception {
        // given a data folder with nothing waiting but a database (made by a first command)
        String data = "--achemine.data-dir=" + dataDir;
        assertThat(run("job", "run", "lifecycle-report", data).exitCode()).isZero();

        // when the operator runs the night now
        Run night = run("nightly", data);

        // then it completed, without a directory import (no files in the inbox), and says so step by step
        assertThat(night.exitCode()).as(night.err()).isZero();
        assertThat(night.out()).contains("nightly #").contains("COMPLETED")
                .contains("take-directory-files").contains("no directory files")
                .contains("routing").contains("lifecycle-report").contains("daily-summaries")
                .doesNotContain("directory-import");
        assertThat(Files.isDirectory(dataDir.resolve("db"))).isTrue();
        // and job list shows the night and the jobs it ran
        assertThat(run("job", "list", data).out()).contains("nightly").contains("routing").contains("daily-summaries");
    }
}
