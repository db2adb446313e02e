package org.achemine.validation.admissibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.achemine.validation.Finding;
import org.achemine.validation.FlowKind;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.ValidationSettings;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveUnpackerTest {

    private static final byte[] INVOICE = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>"
            .getBytes(StandardCharsets.UTF_8);
    private static final long GIGABYTE = 1024L * 1024 * 1024;

    /** A zip holding one 1 GB entry of zeros, built once (streamed, never held in memory): about 4.5 MB. */
    private static Path bomb;

    private final ArchiveUnpacker unpacker = new ArchiveUnpacker(ValidationSettings.defaults());

    @TempDir
    Path dir;

    @BeforeAll
    static void buildBomb(@TempDir Path shared) throws IOException {
        bomb = shared.resolve("bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(bomb)))) {
            // Fastest level: the test needs a bomb, not the smallest one (level 9 takes three times longer).
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("facture.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written < GIGABYTE; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
    }

    @Test
    void unpacksAZipInArchiveOrderNamingDocumentsByTheirPath() throws IOException {
        // given
        Path zip = zip(Map.of(), "lot/02.xml", INVOICE, "01.xml", INVOICE, "lot/", new byte[0]);
        // when
        Unpacked unpacked = unpacker.unpack(FlowKind.ZIP, zip);
        // then
        assertThat(unpacked.refused()).isFalse();
        assertThat(unpacked.documents()).extracting(InvoiceDocument::name).containsExactly("lot/02.xml", "01.xml");
        assertThat(unpacked.documents().get(0).bytes()).isEqualTo(INVOICE);
    }

    @Test
    void skipsDirectoriesAndMacOsJunk() throws IOException {
        // given
        Path zip = zip(Map.of(), "lot/", new byte[0], "lot/01.xml", INVOICE, "__MACOSX/lot/._01.xml", new byte[] {0, 5, 22},
                "lot/.DS_Store", new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1'});
        // when
        Unpacked unpacked = unpacker.unpack(FlowKind.ZIP, zip);
        // then
        assertThat(unpacked.documents()).extracting(InvoiceDocument::name).containsExactly("lot/01.xml");
    }

    @Test
    void keepsEntriesThatAreNotXmlAsDocumentsForTheXmlCheckToRefuse() throws IOException {
        // given
        Path zip = zip(Map.of(), "01.xml", INVOICE, "lisez-moi.txt", "Bonjour".getBytes(StandardCharsets.UTF_8));
        // when
        Unpacked unpacked = unpacker.unpack(FlowKind.ZIP, zip);
        // then
        assertThat(unpacked.documents()).extracting(InvoiceDocument::name).containsExactly("01.xml", "lisez-moi.txt");
    }

    @Test
    void refusesTwoEntriesUnderOneNameInsteadOfReadingOneOfThemTwice() throws IOException {
        // given two entries named facture.xml, in a zip (samples/hostile) and in a tar.gz
        Path zip = Path.of("samples/hostile/lot-entrees-en-double.zip");
        Path tarGz = tarGz("facture.xml", INVOICE, "facture.xml", INVOICE);
        // when
        Unpacked fromZip = unpacker.unpack(FlowKind.ZIP, zip);
        Unpacked fromTar = unpacker.unpack(FlowKind.TAR_GZ, tarGz);
        // then
        assertThat(List.of(only(fromZip), only(fromTar))).allSatisfy(f -> {
            assertThat(f.code()).isEqualTo("IRR_ARCHIVE_ENTREE_DOUBLE");
            assertThat(f.message()).contains("« facture.xml »");
        });
    }

    @Test
    void refusesMoreEntriesThanTheInvoiceLimit() throws IOException {
        // given
        ArchiveUnpacker strict = new ArchiveUnpacker(settings(3, 1 << 20, 1 << 20, 100));
        Path zip = zip(Map.of(), "1.xml", INVOICE, "2.xml", INVOICE, "3.xml", INVOICE, "4.xml", INVOICE);
        Path tarGz = tarGz("1.xml", INVOICE, "2.xml", INVOICE, "3.xml", INVOICE, "4.xml", INVOICE);
        // when
        Unpacked fromZip = strict.unpack(FlowKind.ZIP, zip);
        Unpacked fromTar = strict.unpack(FlowKind.TAR_GZ, tarGz);
        // then
        assertThat(only(fromZip)).satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_ARCHIVE_NB_FACTURES");
            assertThat(f.message()).contains("4 fichiers").contains("3 factures");
        });
        assertThat(only(fromTar).code()).isEqualTo("IRR_ARCHIVE_NB_FACTURES");
    }

    @Test
    void refusesAZipBombFromItsDeclaredSizeBeforeInflating() throws IOException {
        // when
        Unpacked unpacked = unpacker.unpack(FlowKind.ZIP, bomb);
        // then
        assertThat(only(unpacked)).satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_ARCHIVE_BOMBE");
            assertThat(f.message()).contains("facture.xml");
        });
    }

    @Test
    void stopsAZipBombWhoseHeadersLieByCountingInflatedBytes() throws IOException {
        // given the same bomb, its central directory now claiming 1,000 bytes
        Path liar = Files.copy(bomb, dir.resolve("liar.zip"));
        claimUncompressedSize(liar, 1000);
        // when
        Unpacked unpacked = unpacker.unpack(FlowKind.ZIP, liar);
        // then: stopped at the 50 MB entry limit, long before 1 GB
        assertThat(only(unpacked)).satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_ARCHIVE_BOMBE");
            assertThat(f.message()).contains("dépasse " + ValidationSettings.defaults().maxEntrySize());
        });
    }

    @Test
    void stopsOnTheExpansionRatioWhileInflatingWhenSizesAreAllowed() throws IOException {
        // given a 64 MB bomb, limits that let it through but not a ratio above 100, headers hiding the real size
        ArchiveUnpacker ratioOnly = new ArchiveUnpacker(settings(500, GIGABYTE, GIGABYTE, 100));
        Path liar = dir.resolve("liar.zip");
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(liar)))) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("facture.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        claimUncompressedSize(liar, 1000);
        // when
        Unpacked unpacked = ratioOnly.unpack(FlowKind.ZIP, liar);
        // then
        assertThat(only(unpacked)).satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_ARCHIVE_BOMBE");
            assertThat(f.message()).contains("taux de compression supérieur à 100");
        });
    }

    @Test
    void refusesATarGzOverTheTotalExpandedSize() throws IOException {
        // given two entries of 600 KB each, and 1 MB allowed in all
        ArchiveUnpacker small = new ArchiveUnpacker(settings(500, 1 << 20, 1 << 20, 100_000));
        byte[] big = new byte[600 * 1024];
        Path tarGz = tarGz("1.xml", big, "2.xml", big);
        // when
        Unpacked unpacked = small.unpack(FlowKind.TAR_GZ, tarGz);
        // then
        assertThat(only(unpacked)).satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_ARCHIVE_BOMBE");
            assertThat(f.message()).contains("plus de " + (1 << 20) + " octets");
        });
    }

    @Test
    void refusesANestedArchiveByExtensionOrByContent() throws IOException {
        // given
        byte[] inner = Files.readAllBytes(zip(Map.of(), "01.xml", INVOICE));
        Path byName = zip(Map.of(), "01.xml", INVOICE, "lot2.zip", inner);
        Path byContent = zip(Map.of(), "01.xml", INVOICE, "02.xml", inner);
        Path gzipInTar = tarGz("01.xml", INVOICE, "02.xml", Files.readAllBytes(tarGz("x.xml", INVOICE)));
        // when / then
        assertThat(only(unpacker.unpack(FlowKind.ZIP, byName))).satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_ARCHIVE_IMBRIQUEE");
            assertThat(f.message()).contains("lot2.zip");
        });
        assertThat(only(unpacker.unpack(FlowKind.ZIP, byContent))).satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_ARCHIVE_IMBRIQUEE");
            assertThat(f.message()).contains("02.xml").contains("archive ZIP");
        });
        assertThat(only(unpacker.unpack(FlowKind.TAR_GZ, gzipInTar)).code()).isEqualTo("IRR_ARCHIVE_IMBRIQUEE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.xml", "lot/../../evil.xml", "/etc/evil.xml", "C:/evil.xml", "lot\\..\\evil.xml",
        "c:evil.xml"})
    void refusesUnsafeEntryPaths(String name) throws IOException {
        // given
        Path zip = zip(Map.of(), "01.xml", INVOICE, name, INVOICE);
        Path tarGz = tarGz("01.xml", INVOICE, name, INVOICE);
        // when / then
        assertThat(only(unpacker.unpack(FlowKind.ZIP, zip))).satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_ARCHIVE_CHEMIN");
            assertThat(f.message()).contains(name);
        });
        // tar itself drops a leading '/' or drive letter from names: what is left must still be safe or refused
        Unpacked fromTar = unpacker.unpack(FlowKind.TAR_GZ, tarGz);
        if (fromTar.refused()) {
            assertThat(only(fromTar).code()).isEqualTo("IRR_ARCHIVE_CHEMIN");
        } else {
            assertThat(fromTar.documents()).extracting(InvoiceDocument::name)
                    .allSatisfy(n -> assertThat(ArchiveEntryNames.pathProblem(n)).isEmpty());
        }
    }

    @Test
    void refusesASymbolicLinkInATar() throws IOException {
        // given
        Path tarGz = dir.resolve("links.tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new GzipCompressorOutputStream(Files.newOutputStream(tarGz)))) {
            TarArchiveEntry link = new TarArchiveEntry("01.xml", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        // when / then
        assertThat(only(unpacker.unpack(FlowKind.TAR_GZ, tarGz))).satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_ARCHIVE_CHEMIN");
            assertThat(f.message()).contains("n'est pas un fichier ordinaire");
        });
    }

    @Test
    void refusesACorruptATruncatedAndABadChecksumZip() throws IOException {
        // given
        byte[] good = Files.readAllBytes(zip(Map.of(), "01.xml", INVOICE, "02.xml", INVOICE));
        Path garbage = Files.write(dir.resolve("garbage.zip"), new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8});
        Path truncated = Files.write(dir.resolve("truncated.zip"), Arrays.copyOf(good, good.length / 2));
        Path stored = zip(Map.of("01.xml", ZipEntry.STORED), "01.xml", INVOICE);
        byte[] flipped = Files.readAllBytes(stored);
        int at = indexOf(flipped, "Invoice".getBytes(StandardCharsets.UTF_8));
        flipped[at] = 'X';
        Path badCrc = Files.write(dir.resolve("crc.zip"), flipped);
        // when / then
        for (Path corrupt : new Path[] {garbage, truncated, badCrc}) {
            assertThat(only(unpacker.unpack(FlowKind.ZIP, corrupt)).code()).as(corrupt.toString())
                    .isEqualTo("IRR_ARCHIVE_CORROMPUE");
        }
        assertThat(only(unpacker.unpack(FlowKind.ZIP, badCrc)).message()).contains("CRC");
    }

    @Test
    void refusesACorruptAndATruncatedTarGz() throws IOException {
        // given
        byte[] good = Files.readAllBytes(tarGz("01.xml", INVOICE, "02.xml", new byte[40_000]));
        Path truncated = Files.write(dir.resolve("truncated.tar.gz"), Arrays.copyOf(good, good.length / 2));
        byte[] mangled = good.clone();
        for (int i = 20; i < mangled.length - 20; i++) {
            mangled[i] = (byte) (mangled[i] ^ 0x5a);
        }
        Path corrupt = Files.write(dir.resolve("corrupt.tar.gz"), mangled);
        // when / then
        assertThat(only(unpacker.unpack(FlowKind.TAR_GZ, truncated)).code()).isEqualTo("IRR_ARCHIVE_CORROMPUE");
        assertThat(only(unpacker.unpack(FlowKind.TAR_GZ, corrupt)).code()).isEqualTo("IRR_ARCHIVE_CORROMPUE");
    }

    @Test
    void refusesAnArchiveWithoutFiles() throws IOException {
        // given
        Path onlyDirectories = zip(Map.of(), "lot/", new byte[0], "__MACOSX/", new byte[0]);
        Path empty = zip(Map.of());
        // when / then
        assertThat(only(unpacker.unpack(FlowKind.ZIP, onlyDirectories)).code()).isEqualTo("IRR_ARCHIVE_VIDE");
        assertThat(only(unpacker.unpack(FlowKind.ZIP, empty)).code()).isEqualTo("IRR_ARCHIVE_VIDE");
    }

    @Test
    void unpacksATarGz() throws IOException {
        // given
        Path tarGz = tarGz("lot/01.xml", INVOICE, "lot/02.xml", "<CrossIndustryInvoice/>".getBytes(StandardCharsets.UTF_8));
        // when
        Unpacked unpacked = unpacker.unpack(FlowKind.TAR_GZ, tarGz);
        // then
        assertThat(unpacked.refused()).isFalse();
        assertThat(unpacked.documents()).extracting(InvoiceDocument::name).containsExactly("lot/01.xml", "lot/02.xml");
        assertThat(unpacked.documents().get(0).bytes()).isEqualTo(INVOICE);
    }

    @Test
    void unpacksTheMixedBatchSample() throws IOException {
        // when
        Unpacked unpacked = unpacker.unpack(FlowKind.ZIP, Path.of("samples/batch/mixed-batch.zip"));
        // then
        assertThat(unpacked.documents()).extracting(InvoiceDocument::name).containsExactly("01-facture-ubl.xml",
                "02-avoir-ubl.xml", "03-facture-xsd-invalide.xml", "04-facture-mal-formee.xml");
        assertThat(unpacked.documents().get(0).bytes())
                .isEqualTo(Files.readAllBytes(Path.of("samples/ubl/invoice-valid.xml")));
    }

    private static ValidationSettings settings(int maxInvoices, long maxEntry, long maxTotal, int maxRatio) {
        return new ValidationSettings(false, 100L << 20, maxInvoices, maxEntry, maxTotal, maxRatio, null);
    }

    private static Finding only(Unpacked unpacked) {
        assertThat(unpacked.documents()).isEmpty();
        assertThat(unpacked.refusal()).hasSize(1);
        return unpacked.refusal().get(0);
    }

    /** A zip of the given name/content pairs, in order; names ending in '/' are directories. */
    private Path zip(Map<String, Integer> methods, Object... namesAndContents) throws IOException {
        Path file = Files.createTempFile(dir, "flow", ".zip");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            entries.put((String) namesAndContents[i], (byte[]) namesAndContents[i + 1]);
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                if (methods.getOrDefault(entry.getKey(), ZipEntry.DEFLATED) == ZipEntry.STORED) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(entry.getValue());
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(entry.getValue().length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private Path tarGz(Object... namesAndContents) throws IOException {
        Path file = Files.createTempFile(dir, "flow", ".tar.gz");
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = (byte[]) namesAndContents[i + 1];
                TarArchiveEntry entry = new TarArchiveEntry((String) namesAndContents[i], true);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    /** Rewrites the uncompressed size of every central directory record, as an attacker would. */
    private static void claimUncompressedSize(Path zip, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 <= bytes.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) {
                buffer.putInt(i + 24, size);
            }
        }
        Files.write(zip, bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
