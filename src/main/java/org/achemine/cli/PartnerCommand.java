package org.achemine.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.achemine.channel.as2.As2Partner;
import org.achemine.channel.as2.As2Partners;
import org.achemine.channel.as2.As2Properties;
import org.achemine.channel.as2.Certificates;
import org.achemine.channel.as2.OwnKeys;
import org.achemine.channel.sftp.SshKeys;
import org.achemine.config.AchemineProperties.DeliveryFormat;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.config.AchemineProperties.PartnerRole;
import org.achemine.config.AchemineProperties.ReportFormat;
import org.achemine.directory.PublicStructureDirectory;
import org.achemine.partner.PartnerKey;
import org.achemine.partner.PartnerRefusedException;
import org.achemine.partner.PartnerRegistry;
import org.achemine.partner.RegisteredPartner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code partner list|add|enable|disable|key add|list|remove|password set|clear|as2 set}: the partners in the database
 * (engine stopped).
 */
@Command(name = "partner", description = "Partners: list, add, enable, disable, their keys, password and AS2 connection.",
        subcommands = {PartnerCommand.ListPartners.class, PartnerCommand.Add.class, PartnerCommand.Enable.class,
                PartnerCommand.Disable.class, PartnerCommand.Key.class, PartnerCommand.Password.class,
                PartnerCommand.As2.class})
public class PartnerCommand {

    @Command(name = "list", description = "Every partner: code, role, state, source, keys, structures, mandates,"
            + " delivery and report formats.")
    static class ListPartners extends QueryCommand {

        @Override
        protected int run(CommandQueries queries) {
            System.out.printf("%-6s  %-9s  %-8s  %-7s  %4s  %s%n", "code", "role", "state", "source", "keys", "name");
            for (RegisteredPartner registered : queries.partners()) {
                Partner p = registered.partner();
                System.out.printf("%-6s  %-9s  %-8s  %-7s  %4d  %s%n", p.code(), p.role(), registered.state(),
                        registered.source(), registered.keys(), p.name() == null ? "-" : p.name());
                if (!p.structures().isEmpty()) {
                    System.out.println("        structures : " + String.join(" ", p.structures()));
                }
                if (!p.mandates().isEmpty()) {
                    System.out.println("        mandats    : " + String.join(" ", p.mandates()));
                }
                if (p.contact() != null) {
                    System.out.println("        contact    : " + p.contact());
                }
                String delivery = p.role().receives() ? "livraison " + p.deliveryFormat() + " ; " : "";
                System.out.println("        formats    : " + delivery + "comptes rendus "
                        + ReportFormat.stored(p.reportFormats()));
            }
            return 0;
        }
    }

    @Command(name = "add", description = "Add a partner; its mailbox is created at the engine's next start.")
    static class Add extends OneShotCommand {

        @Parameters(index = "0", paramLabel = "CODE", description = "AAA999")
        String code;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--role", required = true, description = "ISSUER, RECIPIENT or BOTH")
        PartnerRole role;

        @Option(names = "--siret", description = "a structure served (recipient), repeatable; must be an EDI"
                + " recipient in the directory")
        List<String> sirets = new ArrayList<>();

        @Option(names = "--mandate", description = "a supplier identifier this operator may deposit for, repeatable")
        List<String> mandates = new ArrayList<>();

        @Option(names = "--contact")
        String contact;

        @Option(names = "--delivery-format", description = "for a recipient: PIVOT (the default, CPPFacturePivot) or"
                + " ORIGINAL (the supplier's file as deposited)")
        DeliveryFormat deliveryFormat;

        @Option(names = "--report-formats", split = ",", paramLabel = "FORMAT", description = "the reports it gets:"
                + " CPPSTATUT (Chorus's format, always, added if left out) and DETAILED (our compte rendu beside it);"
                + " default both")
        List<ReportFormat> reportFormats = new ArrayList<>();

        @Override
        protected int run(ConfigurableApplicationContext context) {
            Partner partner = new Partner(code, name, role, sirets.isEmpty() ? null : sirets.get(0),
                    sirets.isEmpty() ? List.of() : sirets.subList(1, sirets.size()), mandates, contact, deliveryFormat,
                    reportFormats);
            return refusedOr(() -> {
                context.getBean(PartnerRegistry.class).add(partner, context.getBean(PublicStructureDirectory.class));
                System.out.println("Partenaire " + code + " ajouté");
            });
        }
    }

    /** A command on one partner, named by its code: done and told, or refused with the reason. */
    abstract static class OnePartnerCommand extends OneShotCommand {

        @Parameters(index = "0", paramLabel = "CODE")
        String code;

        @Override
        protected int run(ConfigurableApplicationContext context) {
            return refusedOr(() -> System.out.println(run(context.getBean(PartnerRegistry.class))));
        }

        /** Does it; returns what to tell the operator. */
        abstract String run(PartnerRegistry partners);
    }

    @Command(name = "disable", description = "Disable a partner: no more logins, its live sessions closed; its mailbox"
            + " and history stay.")
    static class Disable extends OnePartnerCommand {

        @Override
        String run(PartnerRegistry partners) {
            partners.disable(code);
            return "Partenaire " + code + " désactivé";
        }
    }

    @Command(name = "enable", description = "Enable a disabled partner again: its keys log in again.")
    static class Enable extends OnePartnerCommand {

        @Override
        String run(PartnerRegistry partners) {
            partners.enable(code);
            return "Partenaire " + code + " réactivé";
        }
    }

    @Command(name = "key", description = "A partner's login keys.",
            subcommands = {Key.AddKey.class, Key.ListKeys.class, Key.RemoveKey.class})
    static class Key {

        @Command(name = "list", description = "A partner's keys: fingerprint and comment.")
        static class ListKeys extends DatabaseReadCommand {

            @Parameters(index = "0", paramLabel = "CODE")
            String code;

            @Override
            protected int run(JdbcTemplate jdbc) {
                // read only: the clock dates nothing here
                PartnerRegistry partners = new PartnerRegistry(jdbc, new TransactionTemplate(
                        new DataSourceTransactionManager(Objects.requireNonNull(jdbc.getDataSource()))), platformClock());
                return refusedOr(() -> {
                    List<PartnerKey> keys = partners.keys(code);
                    keys.forEach(k -> System.out.println(k.fingerprint() + "  " + (k.comment() == null ? ""
                            : k.comment())));
                    System.out.println(keys.size() + " clé(s) pour " + code);
                });
            }
        }

        @Command(name = "remove", description = "Remove one of a partner's keys (by its SHA256:... fingerprint).")
        static class RemoveKey extends OnePartnerCommand {

            @Parameters(index = "1", paramLabel = "FINGERPRINT")
            String fingerprint;

            @Override
            String run(PartnerRegistry partners) {
                partners.removeKey(code, fingerprint);
                return "Clé " + fingerprint + " retirée du partenaire " + code;
            }
        }

        @Command(name = "add", description = "Register a public key (an OpenSSH .pub file) for a partner.")
        static class AddKey extends OneShotCommand {

            @Parameters(index = "0", paramLabel = "CODE")
            String code;

            @Parameters(index = "1", paramLabel = "KEY.pub")
            Path file;

            @Override
            protected int run(ConfigurableApplicationContext context) throws Exception {
                String line = Files.readString(file, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                        .findFirst().orElse("");
                return refusedOr(() -> {
                    PartnerKey key = SshKeys.read(line);
                    context.getBean(PartnerRegistry.class).addKey(code, key);
                    System.out.println("Clé " + key.fingerprint() + " ajoutée au partenaire " + code);
                });
            }
        }
    }

    @Command(name = "password", description = "A partner's SFTP password (used only when achemine.sftp.password-login"
            + " is on).", subcommands = {Password.SetPassword.class, Password.ClearPassword.class})
    static class Password {

        @Command(name = "set", description = "Set it (asked twice on the terminal, or one line on stdin with --stdin);"
                + " stored as a PBKDF2 hash.")
        static class SetPassword extends OneShotCommand {

            @Parameters(index = "0", paramLabel = "CODE")
            String code;

            @Option(names = "--stdin", description = "read the password from the first line of standard input")
            boolean stdin;

            @Override
            protected int run(ConfigurableApplicationContext context) throws Exception {
                char[] password = stdin ? firstLineOfStdin() : askTwice();
                if (password == null) {
                    return 1;
                }
                try {
                    return refusedOr(() -> {
                        context.getBean(PartnerRegistry.class).setPassword(code, java.nio.CharBuffer.wrap(password));
                        System.out.println("Mot de passe du partenaire " + code + " enregistré (empreinte PBKDF2)");
                    });
                } finally {
                    java.util.Arrays.fill(password, '\0');
                }
            }

            private static char[] firstLineOfStdin() throws java.io.IOException {
                String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                        StandardCharsets.UTF_8)).readLine();
                return line == null ? new char[0] : line.toCharArray();
            }

            private static char[] askTwice() {
                java.io.Console console = System.console();
                if (console == null) {
                    System.err.println("Pas de terminal : passez le mot de passe sur l'entrée standard avec --stdin");
                    return null;
                }
                char[] first = console.readPassword("Mot de passe : ");
                char[] second = console.readPassword("Encore : ");
                if (first == null || !java.util.Arrays.equals(first, second)) {
                    System.err.println("Les deux saisies diffèrent : rien n'est changé");
                    return null;
                }
                return first;
            }
        }

        @Command(name = "clear", description = "Remove it: the partner logs in with its keys only.")
        static class ClearPassword extends OnePartnerCommand {

            @Override
            String run(PartnerRegistry partners) {
                partners.clearPassword(code);
                return "Mot de passe du partenaire " + code + " retiré";
            }
        }
    }

    @Command(name = "as2", description = "A partner's AS2 connection.", subcommands = As2.Set.class)
    static class As2 {

        @Command(name = "set", description = "Register (or replace) a partner's AS2 id, URL and certificate; what"
                + " it sends is then accepted, and what is published in its out/ is pushed to its URL.")
        static class Set extends OneShotCommand {

            @Parameters(index = "0", paramLabel = "CODE")
            String code;

            @Option(names = "--as2-id", required = true, description = "its AS2 id (AS2-From of its messages)")
            String as2Id;

            @Option(names = "--url", required = true, description = "its AS2 endpoint, http(s)://host:port/path")
            String url;

            @Option(names = "--certificate", required = true, paramLabel = "FILE", description = "its certificate,"
                    + " PEM or DER")
            Path certificate;

            @Override
            protected int run(ConfigurableApplicationContext context) throws Exception {
                byte[] file = Files.readAllBytes(certificate);
                As2Properties properties = context.getBean(As2Properties.class);
                return As2Command.refusedOr(() -> {
                    // with our keystore at hand, our own certificate given by mistake is recognised
                    java.security.cert.X509Certificate ours = Files.exists(properties.keystore())
                            ? OwnKeys.load(properties, context.getBean(java.time.Clock.class)).certificate() : null;
                    As2Partner set = context.getBean(As2Partners.class).set(code, as2Id, url, file,
                            properties.as2Id(), ours);
                    System.out.println("Partenaire " + code + " raccordé en AS2 : " + set.as2Id() + " " + set.url()
                            + ", certificat " + Certificates.fingerprint(set.certificate()) + " valable jusqu'au "
                            + set.certificate().getNotAfter().toInstant());
                });
            }
        }
    }

    private static int refusedOr(Runnable change) {
        try {
            change.run();
            return 0;
        } catch (PartnerRefusedException refused) {
            System.err.println("Refusé : " + refused.getMessage());
            return 1;
        }
    }
}
