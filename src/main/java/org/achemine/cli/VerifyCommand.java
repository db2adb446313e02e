package org.achemine.cli;

import java.nio.file.Path;
import org.achemine.mailbox.Mailboxes;
import org.achemine.verify.InvariantChecker;
import org.achemine.verify.VerificationReport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code verify [--data-dir DIR] [--drained]}: checks a data folder against the invariants of docs/operations.md (every
 * flow archived and reported once, every accepted invoice delivered once or sent back with a reason, every
 * file accounted for, no temporary file left) and prints the counts and every violation. Run it while the
 * engine is stopped. Exit 0 when there is none, 1 when there is one, 2 on a usage error.
 */
@Command(name = "verify", description = "Check a data folder's invariants (engine stopped); exit 0 if none is broken, 1 otherwise.")
public class VerifyCommand extends OneShotCommand {

    @Option(names = "--data-dir", description = "The data folder (default: achemine.data-dir, ./achemine-data).")
    Path dataDir;

    @Option(names = "--drained", description = "The engine was drained before it stopped: work still pending is a violation too.")
    boolean drained;

    @Override
    public Integer call() throws Exception {
        DataFolder.checkSettings(springArgs);
        Path folder = dataDir != null ? DataFolder.absolute(dataDir.toString()) : DataFolder.configured(springArgs);
        DataFolder.requireDatabase(folder, dataDir != null ? "--data-dir " : DataFolder.OPTION, springArgs);
        if (dataDir != null) {
            springArgs.add(DataFolder.OPTION + folder);
        }
        return super.call();
    }

    @Override
    protected int run(ConfigurableApplicationContext context) {
        Mailboxes mailboxes = context.getBean(Mailboxes.class);
        System.out.printf("Vérification de %s%s%n", mailboxes.dataDir(), drained ? " (moteur vidé : --drained)" : "");
        VerificationReport report = InvariantChecker.standard()
                .check(mailboxes, context.getBean(JdbcTemplate.class), drained);
        System.out.print(report.describe());
        return report.clean() ? 0 : 1;
    }
}
