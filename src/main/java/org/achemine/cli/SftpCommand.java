package org.achemine.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.achemine.channel.sftp.AuditEntry;
import org.achemine.channel.sftp.HostKey;
import org.achemine.channel.sftp.SftpAudit;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sftp fingerprint|audit}: the SFTP server's host key, and what happened on the channel. */
@Command(name = "sftp", description = "The SFTP channel: host key fingerprint, audit trail.",
        subcommands = {SftpCommand.Fingerprint.class, SftpCommand.Audit.class})
public class SftpCommand {

    @Command(name = "fingerprint", description = "The host key's fingerprint (generated on first use) and"
            + " its known_hosts line, to give partners.")
    static class Fingerprint extends OneShotCommand {

        @Override
        protected int run(ConfigurableApplicationContext context) {
            HostKey key = context.getBean(HostKey.class);
            System.out.println(key.fingerprint());
            System.out.println(key.publicKeyLine());
            return 0;
        }
    }

    @Command(name = "audit", description = "The latest SFTP events, oldest first.")
    static class Audit extends DatabaseReadCommand {

        @Option(names = "--partner", description = "only this account")
        String partner;

        @Option(names = "--limit", defaultValue = "100")
        int limit;

        @Override
        protected int run(JdbcTemplate jdbc) {
            // read only: the clock and counters are the writer's
            SftpAudit audit = new SftpAudit(jdbc, platformClock(), new SimpleMeterRegistry());
            for (AuditEntry e : audit.latest(partner, limit)) {
                System.out.printf("%s  %-13s  %-6s  %-22s  %-16s  %s%s%s%n", QueryOutput.time(e.at()), e.event(),
                        e.partner() == null ? "-" : e.partner(), e.remote() == null ? "-" : e.remote(),
                        e.session() == null ? "-" : e.session(),
                        e.file() == null ? "-" : e.file(), e.size() == null ? "" : " (" + e.size() + " octets)",
                        e.detail() == null ? "" : "  " + e.detail());
            }
            return 0;
        }
    }
}
