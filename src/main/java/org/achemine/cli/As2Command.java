package org.achemine.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.achemine.archive.AtomicFiles;
import java.util.List;
import org.achemine.channel.as2.As2Audit;
import org.achemine.channel.as2.As2Outbox;
import org.achemine.channel.as2.As2Properties;
import org.achemine.channel.as2.As2RefusedException;
import org.achemine.channel.as2.Certificates;
import org.achemine.channel.as2.OwnKeys;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code as2 init|certificate|outbox|audit}: our AS2 keys and certificate, and what happened on the channel. */
@Command(name = "as2", description = "The AS2 channel: our key pair and certificate, audit trail.",
        subcommands = {As2Command.Init.class, As2Command.Certificate.class, As2Command.Outbox.class,
                As2Command.Audit.class})
public class As2Command {

    @Command(name = "init", description = "Create our AS2 key pair and self-signed certificate (PKCS#12 keystore in"
            + " the data folder); never replaces an existing one.")
    static class Init extends OneShotCommand {

        @Override
        protected int run(ConfigurableApplicationContext context) {
            As2Properties properties = context.getBean(As2Properties.class);
            return refusedOr(() -> {
                OwnKeys keys = OwnKeys.create(properties, context.getBean(Clock.class));
                System.out.println("Magasin de clés AS2 créé : " + properties.keystore());
                describe(properties, keys);
            });
        }
    }

    @Command(name = "certificate", description = "Our certificate (PEM), to give partners; with its AS2 id and"
            + " fingerprint on standard error.")
    static class Certificate extends OneShotCommand {

        @Option(names = "--output", description = "write the PEM to this file instead of standard output")
        Path output;

        @Override
        protected int run(ConfigurableApplicationContext context) {
            As2Properties properties = context.getBean(As2Properties.class);
            return refusedOr(() -> {
                OwnKeys keys = OwnKeys.load(properties, context.getBean(Clock.class));
                String pem = Certificates.pem(keys.certificate());
                if (output == null) {
                    System.out.print(pem);
                } else {
                    try {
                        Path target = output.toAbsolutePath();
                        Files.createDirectories(target.getParent());
                        AtomicFiles.write(target.resolveSibling("." + target.getFileName() + ".tmp"), target,
                                pem.getBytes(StandardCharsets.US_ASCII));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    System.out.println("Certificat écrit dans " + output);
                }
                System.err.println("identifiant AS2 " + properties.as2Id() + ", empreinte SHA-256 "
                        + Certificates.fingerprint(keys.certificate()) + ", valable jusqu'au "
                        + keys.certificate().getNotAfter().toInstant());
            });
        }
    }

    @Command(name = "outbox", description = "What waits to be pushed to AS2 partners, and why (last error, next"
            + " attempt).")
    static class Outbox extends DatabaseReadCommand {

        @Override
        protected int run(JdbcTemplate jdbc) {
            List<As2Outbox.Item> waiting = As2Outbox.waiting(jdbc);
            System.out.printf("%d en attente, %d acquittés%n", waiting.size(), As2Outbox.acknowledgedCount(jdbc));
            for (As2Outbox.Item item : waiting) {
                System.out.printf("%-6s  %-50s  essais %d  prochain %s  %s%n", item.partner(), item.fileName(),
                        item.attempts(), QueryOutput.time(item.nextAttemptAt()),
                        item.lastError() == null ? "(pas encore envoyé)" : item.lastError());
            }
            return 0;
        }
    }

    @Command(name = "audit", description = "The latest AS2 events, oldest first.")
    static class Audit extends DatabaseReadCommand {

        @Option(names = "--limit", defaultValue = "100")
        int limit;

        @Override
        protected int run(JdbcTemplate jdbc) {
            // read only: the clock and counters are the writer's
            for (As2Audit.Entry e : new As2Audit(jdbc, platformClock(), new SimpleMeterRegistry()).latest(limit)) {
                System.out.printf("%s  %-11s  %-6s  %-20s  %s%s%n", QueryOutput.time(e.at()), e.event(),
                        QueryOutput.orDash(e.partner()), QueryOutput.orDash(e.as2From()),
                        QueryOutput.orDash(e.messageId()), e.detail() == null ? "" : "  " + e.detail());
            }
            return 0;
        }
    }

    private static void describe(As2Properties properties, OwnKeys keys) {
        System.out.println("identifiant AS2 : " + properties.as2Id());
        System.out.println("empreinte SHA-256 du certificat : " + Certificates.fingerprint(keys.certificate()));
        System.out.println("valable jusqu'au : " + keys.certificate().getNotAfter().toInstant());
        System.out.println("Donnez le certificat aux partenaires : as2 certificate --output achemine-as2.pem");
    }

    static int refusedOr(Runnable action) {
        try {
            action.run();
            return 0;
        } catch (As2RefusedException refused) {
            System.err.println("Refusé : " + refused.getMessage());
            return 1;
        }
    }
}
