package org.achemine.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The codes the audit journal stores ({@code operator_action.action}) are the ones docs/console.md explains. */
class OperatorActionDocumentedTest {

    @Test
    void everyActionCodeIsInTheConsolePageAndEveryPathLeadsBackToItsAction() throws Exception {
        String page = Files.readString(Path.of("docs/console.md"));

        for (OperatorAction action : OperatorAction.values()) {
            assertThat(page).as(action.name()).contains("`" + action.name() + "`");
            assertThat(OperatorAction.ofPath(action.path())).isEqualTo(action);
        }
    }
}
