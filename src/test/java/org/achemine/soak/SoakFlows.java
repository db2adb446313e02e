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
 * directory does not know and UBL with an unknown service code, and a number already used (each refused at
 * integration: ROUTAGE_SIRET_INCONNU, ROUTAGE_SERVICE_INCONNU, ROUTAGE_DOUBLON; never an invoice status),
 * zip batches of three invoices, XML that is not well-formed and XML that breaks the schema (refused at deposit),
 * and status files from the recipient partner COL001 (07 Service fait then 10 Comptabilisée for an invoice
 * dropped earlier: applied if it was delivered by then, each line answered either way).
 */
public final class SoakFlows implements AutoCloseable {

    /** What a dropped flow is meant to test. */
    public enum Kind {
        UBL_DELIVERED, CII_UNKNOWN_BUYER, UBL_UNKNOWN_SERVICE, UBL_DUPLICATE_NUMBER, ZIP_BATCH, NOT_WELL_FORMED, XSD_ERROR,
        STATUS_CSV
    }

    /** One line of the manifest. */
    public record Drop(String partner, String name, String sha256, Kind kind) {
    }

    /** Every mailbox the soak drops into: the two suppliers, and the recipient partner sending statuses. */
    static final List<String> PARTNERS = List.of("FOU001", "OPE001", "COL001");
    private static final List<String> SUPPLIERS = List.of("FOU001", "OPE001");
    private static final String RECIPIENT = "COL001";
    private static final String SUPPLIER_ID = "81234567600025"; // the sample invoice's seller
    private static final String BELLERIVE = "21690012600014";
    private static final String SERVICE = "SCE-TECH-042";

    private final Path mailboxes;
    private final Random random;
    private final BufferedWriter manifest;
    private final byte[] xsdError;
    private final List<String> deliveredNumbers = new ArrayList<>();
    private int sequence;

    /** How a flow reaches a partner's {@code in/}: copied in (a temporary name, then a rename), or uploaded. */
    public interface Transport {
        void deliver(Path inbox, String partner, String name, byte[] bytes) throws IOException;
    }

    static final Transport FILE_COPY = (inbox, partner, name, bytes) -> {
        Path temporary = inbox.resolve(name + ".part");
        Files.write(temporary, bytes);
        Files.move(temporary, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    };

    private final Transport transport;

    public SoakFlows(Path dataDir, Path manifestFile, long seed) throws IOException {
        this(dataDir, manifestFile, seed, FILE_COPY);
    }

    public SoakFlows(Path dataDir, Path manifestFile, long seed, Transport transport) throws IOException {
        this.transport = transport;
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
        Kind kind = dice < 45 ? Kind.UBL_DELIVERED : dice < 55 ? Kind.CII_UNKNOWN_BUYER
                : dice < 60 ? Kind.UBL_UNKNOWN_SERVICE : dice < 65 ? Kind.UBL_DUPLICATE_NUMBER
                : dice < 75 ? Kind.ZIP_BATCH : dice < 82 ? Kind.NOT_WELL_FORMED : dice < 88 ? Kind.XSD_ERROR
                : Kind.STATUS_CSV;
        if (kind == Kind.STATUS_CSV && deliveredNumbers.isEmpty()) {
            kind = Kind.UBL_DELIVERED;
        }
        String partner = kind == Kind.STATUS_CSV ? RECIPIENT : SUPPLIERS.get(n % SUPPLIERS.size());
        String name = String.format("soak-%06d-%s.%s", n, kind.name().toLowerCase(java.util.Locale.ROOT),
                kind == Kind.ZIP_BATCH ? "zip" : kind == Kind.STATUS_CSV ? "csv" : "xml");
        byte[] bytes = content(kind, n);
        Path inbox = mailboxes.resolve(partner).resolve("in");
        try {
            transport.deliver(inbox, partner, name, bytes);
            Drop drop = new Drop(partner, name, sha256(bytes), kind);
            manifest.write(drop.partner() + ";" + drop.name() + ";" + drop.sha256() + ";" + drop.kind() + "\n");
            manifest.flush();
            return drop;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] content(Kind kind, int n) {
        if (kind == Kind.UBL_DELIVERED) {
            deliveredNumbers.add(number(n));
        }
        return switch (kind) {
            case UBL_DELIVERED -> SampleInvoices.ubl(number(n), BELLERIVE, SERVICE, "EJ-" + n);
            case STATUS_CSV -> statusFile(deliveredNumbers.get(random.nextInt(deliveredNumbers.size())), n);
            case CII_UNKNOWN_BUYER -> InvoiceGenerator.generate(InvoiceGenerator.Kind.CII, 1 + n % 3, n, number(n));
            case UBL_UNKNOWN_SERVICE -> SampleInvoices.ubl(number(n), BELLERIVE, "SCE-INCONNU", null);
            // the number of the first flow of the run, already delivered or about to be: a double invoicing
            case UBL_DUPLICATE_NUMBER -> SampleInvoices.ubl(number(1), BELLERIVE, SERVICE, "EJ-" + n);
            case ZIP_BATCH -> zip(n);
            case NOT_WELL_FORMED -> ("<Invoice>interrompu " + n).getBytes(StandardCharsets.UTF_8);
            case XSD_ERROR -> xsdError;
        };
    }

    /** Service fait, then comptabilisée, for one invoice; the times are unique to this file. */
    private static byte[] statusFile(String number, int n) {
        return ("id_fournisseur;numero_facture;statut;date_heure;commentaire\n"
                + SUPPLIER_ID + ";" + number + ";07;2026-11-24T09:00:" + String.format("%02d", n % 60) + "Z;soak " + n + "\n"
                + SUPPLIER_ID + ";" + number + ";10;2026-11-25T09:00:" + String.format("%02d", n % 60) + "Z;soak " + n + "\n")
                .getBytes(StandardCharsets.UTF_8);
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
