package org.achemine.mailbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.achemine.config.AchemineProperties;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.qualification.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder's layout, created at start-up:
 * <pre>
 * &lt;data-dir&gt;/mailboxes/&lt;partner&gt;/in/    files the partner drops (taken, then removed)
 * &lt;data-dir&gt;/mailboxes/&lt;partner&gt;/out/   reports we write back (deposit reports: *.cr.xml), and
 *                                      invoices delivered to a recipient partner (its SIRET: {@link #recipientOut})
 * &lt;data-dir&gt;/mailboxes/&lt;partner&gt;/qualif/in|out/  the partner's qualification mailbox (ADR 0025)
 * &lt;data-dir&gt;/mailboxes/&lt;SIRET&gt;/out/     invoices delivered to a recipient served by no partner
 * &lt;data-dir&gt;/archive/yyyy/MM/dd/&lt;flowId&gt;  write-once originals
 * &lt;data-dir&gt;/db/                      the H2 database
 * </pre>
 * Partner codes are checked here, once, so a bad configuration stops the start-up with a clear message.
 */
public final class Mailboxes {

    private static final Logger LOG = LoggerFactory.getLogger(Mailboxes.class);

    /** Chorus partner codes: 3 capital letters then 3 digits (FACTS §1.3). */
    private static final Pattern PARTNER_CODE = Pattern.compile("[A-Z]{3}[0-9]{3}");
    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");

    private final Path dataDir;
    private final List<Partner> partners;

    public Mailboxes(Path dataDir, List<Partner> partners) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.partners = List.copyOf(partners);
        checkPartners(this.partners);
    }

    public static Mailboxes of(AchemineProperties properties) {
        return new Mailboxes(properties.dataDir(), properties.partners());
    }

    /**
     * Creates every folder of the layout that is missing; existing content is left alone. Warns when the JVM
     * reads file names in a charset other than UTF-8 (a POSIX or C locale): partners' non-ASCII file names
     * could then not be read, nor the files taken.
     */
    public Mailboxes create() {
        String fileNames = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (!Charset.isSupported(fileNames) || !Charset.forName(fileNames).equals(StandardCharsets.UTF_8)) {
            LOG.warn("File names are read as {} (the machine's locale): files with non-ASCII names cannot be taken;"
                    + " run achemine under a UTF-8 locale (LANG=C.UTF-8)", fileNames);
        }
        try {
            for (Partner partner : partners) {
                for (Environment environment : Environment.values()) {
                    Files.createDirectories(in(partner.code(), environment));
                    Files.createDirectories(out(partner.code(), environment));
                }
            }
            Files.createDirectories(archiveRoot());
            Files.createDirectories(dataDir.resolve("db"));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder layout under " + dataDir, e);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public List<Partner> partners() {
        return partners;
    }

    public Optional<Partner> partner(String code) {
        return partners.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public Path mailboxesRoot() {
        return dataDir.resolve("mailboxes");
    }

    public Path in(String partnerCode) {
        return mailboxesRoot().resolve(partnerCode).resolve("in");
    }

    public Path out(String partnerCode) {
        return mailboxesRoot().resolve(partnerCode).resolve("out");
    }

    /** The partner's {@code in/}, or its {@code qualif/in/} in qualification. */
    public Path in(String partnerCode, Environment environment) {
        return environmentRoot(partnerCode, environment).resolve("in");
    }

    /** The partner's {@code out/}, or its {@code qualif/out/} in qualification. */
    public Path out(String partnerCode, Environment environment) {
        return environmentRoot(partnerCode, environment).resolve("out");
    }

    private Path environmentRoot(String partnerCode, Environment environment) {
        Path mailbox = mailboxesRoot().resolve(partnerCode);
        return environment.isQualification() ? mailbox.resolve(Environment.QUALIFICATION_FOLDER) : mailbox;
    }

    /**
     * Removes the temporary files ({@code .<name>.tmp}) our own interrupted writes left in the outboxes, except
     * those a journaled publication still waits on ({@code keep}): only the engine writes to {@code out/}, a
     * write is shown by a rename, and a temporary file no publication journaled was never shown to anyone; what
     * it was meant to become is written again from the database. Run at the engine's start, before anything
     * writes (one engine per data folder: the database lock).
     *
     * @return how many were removed
     */
    public int clearInterruptedWrites(Set<Path> keep) throws IOException {
        Path root = mailboxesRoot();
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> mailboxes = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path mailbox : mailboxes) {
                for (Path out : List.of(mailbox.resolve("out"),
                        mailbox.resolve(Environment.QUALIFICATION_FOLDER).resolve("out"))) {
                    if (!Files.isDirectory(out)) {
                        continue;
                    }
                    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(out, ".*.tmp")) {
                        for (Path leftover : leftovers) {
                            if (!keep.contains(leftover) && Files.deleteIfExists(leftover)) {
                                removed++;
                            }
                        }
                    }
                }
            }
        }
        return removed;
    }

    /** The recipient partner (role RECIPIENT or BOTH) whose mailbox serves this SIRET, if one is configured. */
    public Optional<Partner> recipientPartner(String siret) {
        return partners.stream().filter(p -> p.serves(siret)).findFirst();
    }

    /**
     * Where invoices for a public recipient are delivered: the {@code out/} of the recipient partner that
     * serves its SIRET (connected in EDI), else {@code mailboxes/<SIRET>/out/}.
     */
    public Path recipientOut(String siret) {
        return out(recipientPartner(siret).map(Partner::code).orElse(siret));
    }

    public Path archiveRoot() {
        return dataDir.resolve("archive");
    }

    static void checkPartners(List<Partner> partners) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < partners.size(); i++) {
            Partner partner = partners.get(i);
            String key = "achemine.partners[" + i + "]";
            if (partner.code() == null || !PARTNER_CODE.matcher(partner.code()).matches()) {
                throw new IllegalStateException(key + ".code '" + partner.code()
                        + "' is not a partner code of the form AAA999 (3 capital letters then 3 digits, e.g. FOU001)");
            }
            if (partner.role() == null) {
                throw new IllegalStateException(key + ".role is missing for partner " + partner.code()
                        + " (ISSUER, RECIPIENT or BOTH)");
            }
            if (!seen.add(partner.code())) {
                throw new IllegalStateException(key + ".code '" + partner.code() + "' is declared twice");
            }
            if (partner.role().receives()) {
                // A recipient partner is found by its SIRETs (delivery, status updates): it must have one, its own.
                if (partner.structures().isEmpty()) {
                    throw new IllegalStateException(key + ".siret 'null' of recipient partner " + partner.code()
                            + " is not a SIRET (14 digits): it names the public structure it serves");
                }
                for (String siret : partner.structures()) {
                    if (!SIRET.matcher(siret).matches()) {
                        throw new IllegalStateException(key + ".siret '" + siret + "' of recipient partner "
                                + partner.code() + " is not a SIRET (14 digits): it names the public structure it serves");
                    }
                    if (!seen.add("siret:" + siret)) {
                        throw new IllegalStateException(key + ".siret " + siret
                                + " is already served by another recipient partner");
                    }
                }
            }
        }
    }
}
