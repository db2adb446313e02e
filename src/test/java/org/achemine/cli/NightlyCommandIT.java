package org.achemine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nightly} and the new jobs through {@code job run}, as an operator runs them. */
class NightlyCommandIT {

    @TempDir
    Path dataDir;

    @Test
    void nightlyRunsTheSequenceNowAndPrintsWhatEachStepDid() throws Exception {
        // given a data folder with nothing waiting but a database (made by a first command)
        String data = "--achemine.data-dir=" + dataDir;
        assertThat(run("job", "run", "lifecycle-report", data).exitCode).isZero();

        // when the operator runs the night now
        Run night = run("nightly", data);

        // then it completed, without a directory import (no files in the inbox), and says so step by step
        assertThat(night.exitCode).as(night.err).isZero();
        assertThat(night.out).contains("nightly #").contains("COMPLETED")
                .contains("take-directory-files").contains("no directory files")
                .contains("routing").contains("lifecycle-report").contains("daily-summaries")
                .doesNotContain("directory-import");
        assertThat(Files.isDirectory(dataDir.resolve("db"))).isTrue();
        // and job list shows the night and the jobs it ran
        assertThat(run("job", "list", data).out).contains("nightly").contains("routing").contains("daily-summaries");
    }

    private static Run run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new AchemineCommand()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private record Run(int exitCode, String out, String err) {
    }
}
