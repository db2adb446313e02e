package org.achemine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line builds only the command it is asked for, and still knows every command when none is named. */
class AchemineCommandTest {

    private static final String[] EVERY_COMMAND = {"run", "demo", "validate", "directory", "job", "invoice", "flow",
        "nightly", "verify", "partner", "sftp", "as2"};

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        CommandLine line = AchemineCommand.commandLine(new String[] {"flow", "list", "--achemine.data-dir=x"});

        assertThat(line.getSubcommands()).containsOnlyKeys("flow");
        assertThat(line.getSubcommands().get("flow").getSubcommands()).containsKeys("list", "show");
        // the root's settings reach the command added after them
        assertThat(line.getSubcommands().get("flow").isCaseInsensitiveEnumValuesAllowed()).isTrue();
        assertThat(line.getSubcommands().get("flow").getExecutionExceptionHandler())
                .isSameAs(line.getExecutionExceptionHandler());
    }

    @Test
    void noCommandOrAnUnknownOneGetsEveryCommandInTheHelpsOrder() {
        assertThat(AchemineCommand.commandLine().getSubcommands().keySet()).containsExactly(EVERY_COMMAND);
        assertThat(AchemineCommand.commandLine(new String[] {"--help"}).getSubcommands().keySet())
                .containsExactly(EVERY_COMMAND);
        assertThat(AchemineCommand.commandLine(new String[] {"flwo", "list"}).getSubcommands().keySet())
                .containsExactly(EVERY_COMMAND);
    }

    @Test
    void theUsageWithoutACommandListsThemAll() {
        StringWriter out = new StringWriter();
        CommandLine line = AchemineCommand.commandLine(new String[0]);
        line.setOut(new PrintWriter(out));

        assertThat(line.execute("--help")).isZero();
        assertThat(out.toString()).contains("Commands:").contains("validate").contains("partner").contains("as2");
    }

    @Test
    void aMisspeltCommandIsRefusedWithTheCommandsToChooseFrom() {
        StringWriter err = new StringWriter();
        CommandLine line = AchemineCommand.commandLine(new String[] {"flwo"});
        line.setErr(new PrintWriter(err));

        assertThat(line.execute("flwo")).isNotZero();
        assertThat(err.toString()).contains("flwo");
    }
}
