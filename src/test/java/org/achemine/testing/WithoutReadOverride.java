package org.achemine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * How to start a JVM that file modes stop, as they stop the engine's user in production. Tests and CI run as
 * root, whom CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH let read a mode-000 file: there the JVM is started
 * through util-linux's {@code setpriv} without both capabilities (uid 0 without them is subject to file modes).
 * As any other user nothing is needed. The launcher is proven on a probe file before it is handed out: if the
 * capabilities cannot be dropped the test fails, naming why, rather than passing without having tested anything.
 */
public final class WithoutReadOverride {

    private static final List<String> DROP = List.of("--inh-caps=-dac_override,-dac_read_search",
            "--bounding-set=-dac_override,-dac_read_search", "--");

    private WithoutReadOverride() {
    }

    /** What to put before {@code java} on the command line (empty when this JVM is already stopped by modes). */
    public static List<String> launcher(Path scratch) throws IOException, InterruptedException {
        Path probe = Files.writeString(scratch.resolve("probe-000.txt"), "closed");
        Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(probe)) {
            return List.of(); // not root: mode 000 already stops us
        }
        Optional<Path> setpriv = onPath("setpriv");
        Assumptions.assumeTrue(setpriv.isPresent(), "setpriv (util-linux) is missing: as root, a mode-000 file"
                + " cannot be made unreadable to the engine without it (.ci/run installs util-linux)");
        List<String> launcher = Stream.concat(Stream.of(setpriv.get().toString()), DROP.stream()).toList();
        Process cat = new ProcessBuilder(Stream.concat(launcher.stream(), Stream.of("cat", probe.toString())).toList())
                .redirectErrorStream(true).start();
        assertThat(cat.waitFor(30, TimeUnit.SECONDS)).as("setpriv … cat ended").isTrue();
        String said = new String(cat.getInputStream().readAllBytes());
        assertThat(cat.exitValue()).as("setpriv could not drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH here (a"
                + " container without CAP_SETPCAP?): a mode-000 file stays readable, so this test would prove"
                + " nothing. cat said: " + said).isNotZero();
        assertThat(said).as("why cat failed").contains("Permission denied");
        return launcher;
    }

    private static Optional<Path> onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
                .map(folder -> Path.of(folder, command)).filter(Files::isExecutable).findFirst();
    }
}
