package org.achemine.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.intake.DiskSpaceCondition;
import org.achemine.mailbox.Mailboxes;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP when every partner's {@code in/} and {@code out/} exists and is writable and the disk has room. */
public class MailboxesHealthIndicator implements HealthIndicator {

    private final Mailboxes mailboxes;
    private final DiskSpaceCondition diskSpace;

    public MailboxesHealthIndicator(Mailboxes mailboxes, DiskSpaceCondition diskSpace) {
        this.mailboxes = mailboxes;
        this.diskSpace = diskSpace;
    }

    @Override
    public Health health() {
        List<String> problems = new ArrayList<>();
        for (Partner partner : mailboxes.partners()) {
            checkWritable(mailboxes.in(partner.code()), problems);
            checkWritable(mailboxes.out(partner.code()), problems);
        }
        Optional<String> space = diskSpace.problem();
        space.ifPresent(problems::add);
        Health.Builder health = problems.isEmpty() ? Health.up() : Health.down();
        health.withDetail("dataDir", mailboxes.dataDir().toString())
                .withDetail("partners", mailboxes.partners().size())
                .withDetail("minFreeBytes", diskSpace.minimumBytes());
        try {
            health.withDetail("freeBytes", diskSpace.freeBytes());
        } catch (IOException e) {
            // already among the problems, through the disk space condition
        }
        return problems.isEmpty() ? health.build() : health.withDetail("problems", problems).build();
    }

    private static void checkWritable(Path folder, List<String> problems) {
        if (!Files.isDirectory(folder)) {
            problems.add(folder + " is missing");
        } else if (!Files.isWritable(folder)) {
            problems.add(folder + " is not writable");
        }
    }
}
