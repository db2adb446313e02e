package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.achemine.archive.FlowArchive;
import org.achemine.directory.DirectoryProperties;
import org.achemine.directory.PublicStructureDirectory;
import org.achemine.intake.HostileCatalogue.Kind;
import org.achemine.mailbox.Mailboxes;
import org.achemine.report.ReportSchema;
import org.achemine.testing.AttachmentSamples;
import org.achemine.testing.FacturXPdfs;
import org.achemine.testing.OwnDataFolder;
import org.achemine.testing.SampleInvoices;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6: every kind of samples/hostile/catalogue.csv dropped into FOU001's in/ of the running engine (real
 * Camel intake, H2 file, Spring Batch routing and directory import), all at once, while OPE001 sends a steady
 * stream of valid flows. Each kind must get exactly one report with its code, lose nothing (archived original
 * with the same SHA-256, in/ emptied), raise no incident, and leave the engine and OPE001's flows running.
 */
@SpringBootTest(properties = {"achemine.intake.poll-interval=100ms", "achemine.intake.read-lock-interval=300ms",
        "achemine.routing.trigger-delay=300ms", "achemine.directory.poll-interval=200ms",
        "achemine.delivery.durable=false"})
class HostileInputsIT extends OwnDataFolder {

    private static final String HOSTILE = "FOU001";
    private static final String STEADY = "OPE001";
    private static final int STEADY_FLOWS = 20;
    private static final String BUYER = "21690012600014";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Generous for a loaded 2-core machine; a worker stalled by a hostile flow holds the others for minutes. */
    private static final Duration ON_TIME = Duration.ofSeconds(30);
    private static final String SECRET = "SECRET-NEVER-READ-4b1d";
    private static final Pattern CODE = Pattern.compile("code=\"([^\"]+)\"");
    private static final HostileCatalogue CATALOGUE = HostileCatalogue.load();
    /** The kind answered by UnreadableEntriesIT, whose engine file modes stop (these tests run as root). */
    private static final String UNREADABLE = "unreadable-file";

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    @Autowired
    PublicStructureDirectory directory;

    @Autowired
    DirectoryProperties directoryProperties;

    /** The platform's clock, which dates the reports (tests and CI shift it): drops are dated by it too. */
    @Autowired
    java.time.Clock clock;

    /** What was dropped, per kind: the name in in/ and what we know of the bytes. */
    private final Map<String, List<Dropped>> dropped = new LinkedHashMap<>();
    /** When each OPE001 flow was dropped, by the platform's clock (the one that dates its report). */
    private final Map<String, Instant> steadyDroppedAt = new java.util.concurrent.ConcurrentHashMap<>();
    private Path staging;
    private Path secret;
    private Object bigFileKey;

    /** @param sha256 of the bytes dropped; null when the engine must not read them (link, oversized file) */
    record Dropped(String name, String sha256) {
    }

    @TestFactory
    Stream<DynamicTest> everyHostileKindIsAnsweredOnceWithItsCodeWhileAnotherPartnerFlowsOn() throws Exception {
        staging = Files.createDirectories(dataDir.resolve("test-staging"));
        secret = Files.writeString(dataDir.resolve("secret.txt"), SECRET);

        // given another partner sending a steady stream of valid invoices
        ExecutorService steadyPartner = Executors.newSingleThreadExecutor();
        Future<?> steadyStream = steadyPartner.submit(() -> {
            for (int i = 1; i <= STEADY_FLOWS; i++) {
                steadyDroppedAt.put("ope-" + i + ".xml", clock.instant());
                SampleInvoices.drop(mailboxes.in(STEADY), "ope-" + i + ".xml",
                        SampleInvoices.ubl("OPE-2026-" + i, BUYER, "SCE-TECH-042", "1300045678"));
                pause(150);
            }
            return null;
        });

        // when every hostile kind is dropped into FOU001's in/ at once
        for (Kind kind : CATALOGUE.kinds()) {
            dropKind(kind);
        }
        // and the directory inbox gets a CSV with broken quoting, then the good directory
        Path failed = directoryProperties.inbox().resolveSibling("failed");
        Kind brokenCsv = CATALOGUE.kind("directory-broken-quoting");
        dropDirectory(brokenCsv.sample(), HostileCatalogue.FOLDER.resolve(brokenCsv.sampleFiles().get(1)));
        await().atMost(PATIENCE).until(() -> importReports(failed).size() == 1);
        dropDirectory(Path.of("samples/directory/structures.csv"), Path.of("samples/directory/services.csv"));
        await().atMost(PATIENCE).until(() -> directory.structureCount() == 32);
        // and, once the directory is in service, one invoice is sent, delivered, then sent again with other bytes
        Kind sameNumber = CATALOGUE.kind("same-invoice-number-twice");
        byte[] first = Files.readAllBytes(sameNumber.sample());
        dropBytes(sameNumber, "facture-meme-numero.xml", first);
        await().atMost(PATIENCE).until(() -> integrationReport("facture-meme-numero.xml").isPresent());
        byte[] second = new String(first, StandardCharsets.UTF_8).replace("octobre 2026", "octobre 2026 (renvoi)")
                .getBytes(StandardCharsets.UTF_8);
        dropBytes(sameNumber, "facture-meme-numero-renvoi.xml", second);

        // then every flow dropped is answered (and the second same-number invoice routed)
        steadyStream.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        steadyPartner.shutdown();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(unanswered()).as("dropped, not answered").isEmpty());
        await().atMost(PATIENCE).until(() -> reported(STEADY) == STEADY_FLOWS);
        await().atMost(PATIENCE).until(() -> integrationReport("facture-meme-numero-renvoi.xml").isPresent());

        List<DynamicTest> tests = new ArrayList<>();
        for (Kind kind : CATALOGUE.kinds()) {
            if (!kind.kind().equals(UNREADABLE)) {
                tests.add(DynamicTest.dynamicTest(kind.kind() + " → " + kind.expectedCode(), () -> check(kind, failed)));
            }
        }
        tests.add(DynamicTest.dynamicTest("the engine is alive, nothing is left in in/, OPE001 was not stalled",
                this::engineStillServes));
        tests.add(DynamicTest.dynamicTest("every OPE001 flow was answered within " + ON_TIME.toSeconds()
                + " s of its drop, throughout", this::steadyFlowsAnsweredOnTime));
        return tests.stream();
    }

    // --- dropping ---

    private void dropKind(Kind kind) throws IOException {
        switch (kind.kind()) {
            case "deep-nesting" -> dropBytes(kind, "facture-imbrication-profonde.xml", deepNesting());
            case "huge-attribute" -> dropBytes(kind, "facture-attribut-geant.xml", hugeAttribute());
            case "file-200-mb" -> dropSparse200Mb(kind);
            case "name-backslash-dotdot" -> dropBytes(kind, "a\\..\\..\\facture.xml", invoice("FA-HOST-BSL"));
            case "name-control-characters" -> dropBytes(kind, "facture\u0007\n.xml", invoice("FA-HOST-CTL"));
            case "name-non-ascii-nfd" -> dropBytes(kind,
                    Normalizer.normalize("facture-décembre-nfd.xml", Normalizer.Form.NFD), invoice("FA-HOST-NFD"));
            case "name-255-bytes" -> dropBytes(kind, "facture-" + "x".repeat(255 - 12) + ".xml", invoice("FA-HOST-255"));
            case "symlink" -> {
                Files.createSymbolicLink(mailboxes.in(HOSTILE).resolve("facture-lien.xml"), secret);
                dropped.computeIfAbsent(kind.kind(), k -> new ArrayList<>()).add(new Dropped("facture-lien.xml", null));
            }
            case "symlink-dangling" -> {
                Files.createSymbolicLink(mailboxes.in(HOSTILE).resolve("facture-lien-pendant.xml"),
                        dataDir.resolve("absent.xml"));
                dropped.computeIfAbsent(kind.kind(), k -> new ArrayList<>())
                        .add(new Dropped("facture-lien-pendant.xml", null));
            }
            case "symlink-to-folder" -> {
                Files.createSymbolicLink(mailboxes.in(HOSTILE).resolve("facture-lien-dossier.xml"), staging);
                dropped.computeIfAbsent(kind.kind(), k -> new ArrayList<>())
                        .add(new Dropped("facture-lien-dossier.xml", null));
            }
            case "disappearing-file" -> {
                // written in place, then taken back by the partner before it had settled
                Path file = Files.write(mailboxes.in(HOSTILE).resolve("facture-disparue.xml"), invoice("FA-HOST-GONE"));
                pause(50);
                Files.delete(file);
                dropped.put(kind.kind(), new ArrayList<>());
            }
            case "same-content-twice" -> {
                byte[] content = Files.readAllBytes(kind.sample());
                dropBytes(kind, "facture-doublon-contenu.xml", content);
                dropBytes(kind, "facture-doublon-contenu-copie.xml", content);
            }
            case "status-csv-million-lines" -> dropBytes(kind, "statuts-million-de-lignes.csv", millionShortStatusLines());
            case "values-too-long" -> dropBytes(kind, "facture-valeurs-trop-longues.xml", valuesTooLong());
            case "archive-entry-name-65000" -> dropBytes(kind, "lot-nom-entree-geant.zip",
                    zipOf("lot/" + "a".repeat(65_000) + ".xml", invoice("FA-HOST-ZIPNOM")));
            case "folder-dropped" -> {
                Path folder = Files.createDirectories(staging.resolve("dossier-" + System.nanoTime()));
                Files.write(folder.resolve("facture.xml"), invoice("FA-HOST-DOSSIER"));
                Files.move(folder, mailboxes.in(HOSTILE).resolve("dossier.xml"));
                dropped.computeIfAbsent(kind.kind(), k -> new ArrayList<>()).add(new Dropped("dossier.xml", null));
            }
            case "future-modification-time" -> {
                byte[] content = invoice("FA-HOST-2099");
                Path file = Files.write(staging.resolve("futur-" + System.nanoTime()), content);
                Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2099-01-01T00:00:00Z")));
                Files.move(file, mailboxes.in(HOSTILE).resolve("facture-datee-2099.xml"));
                dropped.computeIfAbsent(kind.kind(), k -> new ArrayList<>())
                        .add(new Dropped("facture-datee-2099.xml", sha256(content)));
            }
            case "name-bidi-override" -> dropBytes(kind, "facture-\u202Elmx.exe", invoice("FA-HOST-BIDI"));
            case "name-windows-reserved" -> dropBytes(kind, "CON.xml", invoice("FA-HOST-CON"));
            case "siret-unicode-digits" -> dropBytes(kind, "facture-siret-chiffres-arabes.xml",
                    SampleInvoices.ubl("FA-HOST-ARABE", "٢١٦٩٠٠١٢٦٠٠٠١٤", "SCE-TECH-042", "1300045678"));
            case "pdf-javascript" -> dropBytes(kind, "facture-javascript.pdf",
                    FacturXPdfs.of("FA-HOST-PDFJS").javaScriptOnOpen().bytes());
            case "pdf-encrypted" -> dropBytes(kind, "facture-chiffree.pdf", FacturXPdfs.of("FA-HOST-PDFPW").encrypted().bytes());
            case "pdf-stream-bomb" -> dropBytes(kind, "facture-bombe-flux.pdf", FacturXPdfs.streamBomb(64));
            case "pdf-without-invoice" -> dropBytes(kind, "facture-scan.pdf",
                    FacturXPdfs.of("FA-HOST-PDFSCAN").withoutInvoice().bytes());
            case "attachment-huge-base64" -> dropBytes(kind, "facture-pj-geante.xml", AttachmentSamples.into(
                    invoice("FA-HOST-PJBIG"), AttachmentSamples.reference("application/pdf", "plan.pdf", new byte[11 << 20])));
            case "attachment-bad-base64" -> dropBytes(kind, "facture-pj-base64.xml", AttachmentSamples.into(
                    invoice("FA-HOST-PJB64"), AttachmentSamples.reference("application/pdf", "bl.pdf", "JVBERi0x*LjQK")));
            case "attachment-pdf-executable" -> dropBytes(kind, "facture-pj-exe.xml", AttachmentSamples.into(
                    invoice("FA-HOST-PJEXE"), AttachmentSamples.reference("application/pdf", "detail.pdf",
                            AttachmentSamples.WINDOWS_PROGRAM)));
            case "attachment-html-as-pdf" -> dropBytes(kind, "facture-pj-html.xml", AttachmentSamples.into(
                    invoice("FA-HOST-PJHTM"), AttachmentSamples.reference("application/pdf", "bl.pdf",
                            "<html><script>fetch('//x')</script></html>".getBytes(StandardCharsets.UTF_8))));
            case "attachment-path-traversal" -> dropBytes(kind, "facture-pj-chemin.xml", AttachmentSamples.into(
                    invoice("FA-HOST-PJDOT"), AttachmentSamples.reference("application/pdf", "../../etc/cron.d/bl.pdf",
                            AttachmentSamples.PDF)));
            case "attachment-too-many" -> dropBytes(kind, "facture-pj-trop.xml", AttachmentSamples.into(
                    invoice("FA-HOST-PJNB"), java.util.Collections.nCopies(21, AttachmentSamples.reference(
                            "application/pdf", "bl.pdf", AttachmentSamples.PDF)).toArray(String[]::new)));
            case "same-invoice-number-twice", "directory-broken-quoting" -> {
                // dropped once the directory is in service / into the directory inbox
            }
            case UNREADABLE -> {
                // root reads mode 000: UnreadableEntriesIT drops it into an engine without root's read override
            }
            default -> {
                if (!kind.pending()) {
                    dropBytes(kind, kind.sampleFiles().get(0), Files.readAllBytes(kind.sample()));
                }
            }
        }
    }

    /** Written beside in/, then moved in under its final name: the way a careful partner drops a file. */
    private void dropBytes(Kind kind, String name, byte[] content) throws IOException {
        Path temporary = Files.write(staging.resolve("drop-" + dropped.size() + "-" + System.nanoTime()), content);
        Files.move(temporary, mailboxes.in(HOSTILE).resolve(name));
        dropped.computeIfAbsent(kind.kind(), k -> new ArrayList<>()).add(new Dropped(name, sha256(content)));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sparse 200 MB file: its size is on disk, its bytes are not (nothing to write, nothing to read). */
    private void dropSparse200Mb(Kind kind) throws IOException {
        Path big = staging.resolve("facture-200-mo.xml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(200L * 1024 * 1024);
        }
        bigFileKey = Files.readAttributes(big, BasicFileAttributes.class).fileKey();
        Files.move(big, mailboxes.in(HOSTILE).resolve("facture-200-mo.xml"));
        dropped.computeIfAbsent(kind.kind(), k -> new ArrayList<>()).add(new Dropped("facture-200-mo.xml", null));
    }

    private void dropDirectory(Path structures, Path services) throws IOException {
        Path inbox = Files.createDirectories(directoryProperties.inbox());
        FileTime settled = FileTime.from(Instant.now().minusSeconds(10));
        String stamp = String.valueOf(System.nanoTime());
        Files.setLastModifiedTime(Files.copy(structures, inbox.resolve(stamp + "-structures.csv")), settled);
        Files.setLastModifiedTime(Files.copy(services, inbox.resolve(stamp + "-services.csv")), settled);
    }

    private static byte[] invoice(String number) {
        return SampleInvoices.ubl(number, BUYER, "SCE-TECH-042", "1300045678");
    }

    /** 1,000,000 lines of 7 bytes: 7 MB, under the status size limit, so it is read and counted. */
    private static byte[] millionShortStatusLines() {
        StringBuilder csv = new StringBuilder("id_facture;statut;date_heure\n");
        csv.append("X;07;Z\n".repeat(1_000_000));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The hostile run's values: type code of 9 characters, currency of 10, invoice number of 300. */
    private static byte[] valuesTooLong() {
        String xml = new String(invoice("N".repeat(300)), StandardCharsets.UTF_8)
                .replace("<cbc:InvoiceTypeCode>380<", "<cbc:InvoiceTypeCode>380380380<")
                .replace("<cbc:DocumentCurrencyCode>EUR<", "<cbc:DocumentCurrencyCode>EUREUREURE<");
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zipOf(String entryName, byte[] content) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(entryName));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] deepNesting() {
        int levels = 100_000;
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">"
                + "<a>".repeat(levels) + "</a>".repeat(levels) + "</Invoice>\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hugeAttribute() {
        String xml = new String(invoice("FA-HOST-ATTR"), StandardCharsets.UTF_8);
        return xml.replaceFirst("<cbc:Note>", "<cbc:Note languageID=\"" + "A".repeat(5_000_000) + "\">")
                .getBytes(StandardCharsets.UTF_8);
    }

    // --- checking ---

    private void check(Kind kind, Path failed) throws Exception {
        if (kind.pending()) {
            Assumptions.abort(kind.kind() + " waits for the status intake (" + kind.expectedCode() + ")");
        }
        switch (kind.kind()) {
            case "directory-broken-quoting" -> {
                List<Path> reports = importReports(failed);
                assertThat(reports).hasSize(1);
                List<String> lines = Files.readAllLines(reports.get(0));
                assertThat(lines.get(lines.size() - 1)).as("the report ends with why nothing was imported")
                        .matches("[^;]+;0;REFUS;\"?" + kind.expectedCode() + " Import de l'annuaire refusé : .+");
                assertThat(directory.structureCount()).as("the good directory imported after it").isEqualTo(32);
                return;
            }
            case "disappearing-file" -> {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE original_name = 'facture-disparue.xml'",
                        Integer.class)).as("never received: no flow").isZero();
                try (Stream<Path> out = Files.list(mailboxes.out(HOSTILE))) {
                    assertThat(out).noneMatch(p -> p.getFileName().toString().contains("disparue"));
                }
                return;
            }
            default -> {
            }
        }
        List<Dropped> files = dropped.get(kind.kind());
        assertThat(files).as("dropped").isNotEmpty();
        List<Map<String, Object>> flows = new ArrayList<>();
        for (Dropped file : files) {
            flows.add(checkAnsweredOnceAndKept(kind, file));
        }
        switch (kind.kind()) {
            case "same-content-twice" -> {
                // the later flow (by sequence) carries the warning and names the earlier one
                flows.sort((a, b) -> new FlowId((String) a.get("FLOW_ID")).compareTo(new FlowId((String) b.get("FLOW_ID"))));
                assertThat(codes(flows.get(0))).isEmpty();
                assertThat(codes(flows.get(1))).containsExactly(kind.expectedCode());
                assertThat(Files.readString(report(flows.get(1)))).contains((String) flows.get(0).get("FLOW_ID"));
            }
            case "name-bidi-override" -> {
                // the name is refused, and what it really ends with (.exe) is not a type we accept either
                assertThat(codes(flows.get(0))).containsExactly(kind.expectedCode(), "IRR_TYPE_F");
            }
            case "values-too-long" -> {
                // one finding per value too long to store (type code, currency, number), and the official rules
                // the same broken type code and currency break (BR-CO-15, BR-CL-01, BR-CL-04)
                assertThat(codes(flows.get(0))).containsExactly(kind.expectedCode(), kind.expectedCode(),
                        kind.expectedCode(), "BR-CO-15", "BR-CL-01", "BR-CL-04");
            }
            case "same-invoice-number-twice" -> {
                assertThat(codes(flows.get(0))).isEmpty();
                assertThat(Files.readString(integrationReport("facture-meme-numero.xml").orElseThrow()))
                        .contains("<Code>03</Code>").doesNotContain("ROUTAGE_DOUBLON");
                assertThat(Files.readString(integrationReport("facture-meme-numero-renvoi.xml").orElseThrow()))
                        .doesNotContain("<StatutFacture>").contains("<CodeStatutReforme>213</CodeStatutReforme>")
                        .contains(kind.expectedCode());
            }
            case "attachment-bad-base64" -> {
                // the schema's base64Binary type refuses it too; our code names the attachment and how to encode it
                for (Map<String, Object> flow : flows) {
                    assertThat(codes(flow)).containsExactlyInAnyOrder(kind.expectedCode(), "XSD_INVALIDE");
                }
            }
            default -> {
                for (Map<String, Object> flow : flows) {
                    if (kind.expectedCode().equals(HostileCatalogue.NO_CODE)) {
                        assertThat(codes(flow)).as("no finding").isEmpty();
                        assertThat(flow.get("FLOW_STATE")).isEqualTo("IN_INTEGRE");
                    } else {
                        // that one finding: every kind is answered by a single, exact code
                        assertThat(codes(flow)).containsExactly(kind.expectedCode());
                    }
                }
            }
        }
        Map<String, Object> flow = flows.get(0);
        Path archived = Path.of((String) flow.get("ARCHIVE_PATH"));
        switch (kind.kind()) {
            case "file-200-mb" -> {
                // moved, not copied: the archive holds the very file dropped (same inode), which was never read
                BasicFileAttributes kept = Files.readAttributes(archived, BasicFileAttributes.class);
                assertThat(kept.fileKey()).isEqualTo(bigFileKey);
                assertThat(kept.size()).isEqualTo(200L * 1024 * 1024);
                assertThat(Files.readString(report(flow))).contains("209715200 octets");
            }
            case "symlink" -> {
                assertThat(Files.isSymbolicLink(archived)).as("archived as the link it was").isTrue();
                assertThat(Files.readSymbolicLink(archived)).isEqualTo(secret);
                assertThat(Files.readString(report(flow))).doesNotContain(SECRET);
                assertThat(Files.readString(secret)).as("the target is untouched").isEqualTo(SECRET);
            }
            case "symlink-dangling", "symlink-to-folder" -> {
                assertThat(Files.isSymbolicLink(archived)).as("archived as the link it was").isTrue();
                assertThat(Files.isDirectory(staging)).as("a linked folder is left alone").isTrue();
            }
            case "huge-attribute" -> assertThat(Files.size(report(flow))).as("the value is not copied").isLessThan(64 * 1024);
            case "archive-entry-name-65000" -> assertThat(Files.size(report(flow))).as("the name is cut")
                    .isLessThan(16 * 1024);
            case "name-bidi-override" -> assertThat(Files.readString(report(flow))).contains("facture-\\u202Elmx.exe")
                    .doesNotContain("\u202E");
            case "status-csv-utf16" -> assertThat(Files.readString(report(flow))).contains("UTF-16")
                    .doesNotContain("ISO-8859-1");
            case "values-too-long" -> assertThat(Files.readString(report(flow))).contains("380380380")
                    .contains("EUREUREURE").contains("300 caractères");
            case "name-control-characters" -> assertThat(Files.readString(report(flow))).contains("facture\\u0007");
            case "name-non-ascii-nfd", "name-non-ascii-nfc" -> assertThat(Files.readString(report(flow)))
                    .contains("<NomFichier>" + files.get(0).name() + "</NomFichier>");
            default -> {
            }
        }
    }

    /** Exactly one flow and one deposit report for this name; the original archived whole; nothing in in/. */
    private Map<String, Object> checkAnsweredOnceAndKept(Kind kind, Dropped file) throws Exception {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT * FROM flow WHERE partner = ? AND original_name = ?", HOSTILE, file.name());
        assertThat(rows).as("flows named " + file.name()).hasSize(1);
        Map<String, Object> flow = rows.get(0);
        assertThat(flow.get("STAGE")).isEqualTo("REPORTED");
        assertThat(flow.get("LAST_INCIDENT")).as("no incident: a hostile file is not our fault").isNull();
        String flowId = (String) flow.get("FLOW_ID");
        try (Stream<Path> out = Files.list(mailboxes.out(HOSTILE))) {
            assertThat(out.filter(p -> p.getFileName().toString().startsWith(flowId + "_")
                    && p.getFileName().toString().endsWith(".cr.xml"))).as("deposit reports of " + flowId).hasSize(1);
        }
        ReportSchema.validate(report(flow));
        Path archived = Path.of((String) flow.get("ARCHIVE_PATH"));
        assertThat(Files.exists(archived, LinkOption.NOFOLLOW_LINKS)).as("archived").isTrue();
        assertThat(flow.get("SHA256")).isEqualTo(file.sha256());
        if (file.sha256() != null) {
            assertThat(FlowArchive.sha256Of(archived)).isEqualTo(file.sha256());
        }
        assertThat(Files.exists(mailboxes.in(HOSTILE).resolve(file.name()), LinkOption.NOFOLLOW_LINKS))
                .as(kind.kind() + " left in in/").isFalse();
        return flow;
    }

    private void engineStillServes() throws Exception {
        assertThat(camel.getStatus().isStarted()).isTrue();
        assertThat(camel.getRouteController().getRouteStatus("intake-" + HOSTILE).isStarted()).isTrue();
        assertThat(camel.getRouteController().getRouteStatus("intake-" + STEADY).isStarted()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE partner = ? AND stage = 'REPORTED'"
                + " AND flow_state = 'IN_INTEGRE'", Integer.class, STEADY)).isEqualTo(STEADY_FLOWS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE last_incident IS NOT NULL", Integer.class))
                .isZero();
        for (String partner : List.of(HOSTILE, STEADY)) {
            try (Stream<Path> in = Files.list(mailboxes.in(partner))) {
                assertThat(in).as(partner + " in/").isEmpty();
            }
        }
        Path archiveStaging = mailboxes.archiveRoot().resolve(".staging");
        if (Files.isDirectory(archiveStaging)) {
            try (Stream<Path> left = Files.list(archiveStaging)) {
                assertThat(left).as("staged copies left").isEmpty();
            }
        }
    }

    private void steadyFlowsAnsweredOnTime() {
        assertThat(steadyDroppedAt).hasSize(STEADY_FLOWS);
        List<String> late = new ArrayList<>();
        steadyDroppedAt.forEach((name, droppedAt) -> {
            java.time.OffsetDateTime reportedAt = jdbc.queryForObject("SELECT reported_at FROM flow WHERE partner = ?"
                    + " AND original_name = ?", java.time.OffsetDateTime.class, STEADY, name);
            Duration took = Duration.between(droppedAt, reportedAt.toInstant());
            if (took.compareTo(ON_TIME) > 0) {
                late.add(name + " answered " + took + " after its drop");
            }
        });
        assertThat(late).as("OPE001 flows answered late while the hostile ones ran").isEmpty();
    }

    // --- reading what the engine wrote ---

    private List<String> unanswered() {
        List<String> reportedNames = jdbc.queryForList("SELECT original_name FROM flow WHERE partner = ?"
                + " AND stage = 'REPORTED'", String.class, HOSTILE);
        return dropped.values().stream().flatMap(List::stream).map(Dropped::name)
                .filter(name -> !reportedNames.contains(name)).toList();
    }

    private int reported(String partner) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE partner = ? AND stage = 'REPORTED'", Integer.class,
                partner);
    }

    private static Path report(Map<String, Object> flow) {
        return Path.of((String) flow.get("REPORT_PATH"));
    }

    private static List<String> codes(Map<String, Object> flow) throws IOException {
        Matcher code = CODE.matcher(Files.readString(report(flow)));
        List<String> codes = new ArrayList<>();
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }

    private Optional<Path> integrationReport(String name) {
        List<String> ids = jdbc.queryForList("SELECT flow_id FROM flow WHERE partner = ? AND original_name = ?",
                String.class, HOSTILE, name);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> out = Files.list(mailboxes.out(HOSTILE))) {
            return out.filter(p -> p.getFileName().toString().startsWith(ids.get(0) + "_")
                    && p.getFileName().toString().endsWith(".integration.xml")).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> importReports(Path failed) throws IOException {
        if (!Files.isDirectory(failed)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(failed)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".import-report.csv")).toList();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
