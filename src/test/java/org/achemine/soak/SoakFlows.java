package org.achemine.soak;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.achemine.bench.InvoiceGenerator;
import org.achemine.testing.SampleInvoices;

/**
 * The soak's partners: drops a mix of flows into the inbound mailboxes, each written under a temporary
 * name then renamed, and records every drop (partner, name, SHA-256, kind) in a manifest, one line each,
 * flushed at once, so what was dropped is known even if the soak itself is interrupted. The mix: valid UBL for
 * the Bellerive commune of the sample directory (routed and delivered, 03), valid CII for a buyer the
 * directory does not know and UBL with an unknown service code (sent back, 04), a number already used (05),
 * zip batches of three invoices, XML that is not well-formed and XML that breaks the schema (refused at deposit).
 */
public final class SoakFlows implements AutoCloseable {

    /** What a dropped flow is meant to test. */
    public enum Kind {
        UBL_DELIVERED, CII_UNKNOWN_BUYER, UBL_UNKNOWN_SERVICE, UBL_DUPLICATE_NUMBER, ZIP_BATCH, NOT_WELL_FORMED, XSD_ERROR
        // Hook for issue 5: status updates from recipients (CPPStatut files) are dropped here too once their
        // intake exists: add a kind, its bytes in content(), and its share in next().
    }

    /** One line of the manifest. */
    public record Drop(String partner, String name, String sha256, Kind kind) {
    }

    static final List<String> PARTNERS = List.of("FOU001", "OPE001");
    private static final String BELLERIVE = "21690012600014";
    private static final String SERVICE = "SCE-TECH-042";

    private final Path mailboxes;
    private final Random random;
    private final BufferedWriter manifest;
    private final byte[] xsdError;
    private int sequence;

    public SoakFlows(Path dataDir, Path manifestFile, long seed) throws IOException {
        this.mailboxes = dataDir.resolve("mailboxes");
        this.random = new Random(seed);
        this.manifest = Files.newBufferedWriter(manifestFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        this.xsdError = Files.readAllBytes(Path.of("samples/invalid/xsd-error.xml"));
        for (String partner : PARTNERS) {
            Files.createDirectories(mailboxes.resolve(partner).resolve("in"));
        }
    }

    /** Drops the next flow; returns what was dropped. */
    public synchronized Drop dropNext() {
        int n = ++sequence;
        int dice = random.nextInt(100);
        Kind kind = dice < 50 ? Kind.UBL_DELIVERED : dice < 62 ? Kind.CII_UNKNOWN_BUYER
                : dice < 67 ? Kind.UBL_UNKNOWN_SERVICE : dice < 72 ? Kind.UBL_DUPLICATE_NUMBER
                : dice < 82 ? Kind.ZIP_BATCH : dice < 92 ? Kind.NOT_WELL_FORMED : Kind.XSD_ERROR;
        String partner = PARTNERS.get(n % PARTNERS.size());
        String name = String.format("soak-%06d-%s.%s", n, kind.name().toLowerCase(java.util.Locale.ROOT),
                kind == Kind.ZIP_BATCH ? "zip" : "xml");
        byte[] bytes = content(kind, n);
        Path inbox = mailboxes.resolve(partner).resolve("in");
        try {
            Path temporary = inbox.resolve(name + ".part");
            Files.write(temporary, bytes);
            Files.move(temporary, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            Drop drop = new Drop(partner, name, sha256(bytes), kind);
            manifest.write(drop.partner() + ";" + drop.name() + ";" + drop.sha256() + ";" + drop.kind() + "\n");
            manifest.flush();
            return drop;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] content(Kind kind, int n) {
        return switch (kind) {
            case UBL_DELIVERED -> SampleInvoices.ubl(number(n), BELLERIVE, SERVICE, "EJ-" + n);
            case CII_UNKNOWN_BUYER -> InvoiceGenerator.generate(InvoiceGenerator.Kind.CII, 1 + n % 3, n, number(n));
            case UBL_UNKNOWN_SERVICE -> SampleInvoices.ubl(number(n), BELLERIVE, "SCE-INCONNU", null);
            // the number of the first flow of the run, already delivered or about to be: a double invoicing
            case UBL_DUPLICATE_NUMBER -> SampleInvoices.ubl(number(1), BELLERIVE, SERVICE, "EJ-" + n);
            case ZIP_BATCH -> zip(n);
            case NOT_WELL_FORMED -> ("<Invoice>interrompu " + n).getBytes(StandardCharsets.UTF_8);
            case XSD_ERROR -> xsdError;
        };
    }

    private static String number(int n) {
        return String.format("SOAK-%06d", n);
    }

    private static byte[] zip(int n) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 1; i <= 3; i++) {
                zip.putNextEntry(new ZipEntry("facture-" + i + ".xml"));
                zip.write(SampleInvoices.ubl(number(n) + "-" + i, BELLERIVE, SERVICE, "EJ-" + n));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Every drop recorded in a manifest file. */
    public static List<Drop> read(Path manifestFile) throws IOException {
        List<Drop> drops = new ArrayList<>();
        for (String line : Files.readAllLines(manifestFile, StandardCharsets.UTF_8)) {
            String[] fields = line.split(";");
            if (fields.length == 4) {
                drops.add(new Drop(fields[0], fields[1], fields[2], Kind.valueOf(fields[3])));
            }
        }
        return drops;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        manifest.close();
    }
}
