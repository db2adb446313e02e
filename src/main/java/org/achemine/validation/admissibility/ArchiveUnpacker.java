package org.achemine.validation.admissibility;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.FlowKind;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.Location;
import org.achemine.validation.PartnerText;
import org.achemine.validation.ValidationSettings;
import org.achemine.validation.admissibility.ExpansionBudget.LimitExceeded;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Expands a batch flow (.zip, .tar.gz) into its documents, in memory, within the limits of
 * {@link ValidationSettings}: entry count, per-entry and total expanded size, expansion ratio (counted while
 * inflating, never taken from headers). Refuses corrupt archives, nested archives and entries with unsafe
 * paths. Skips directories and desktop junk (__MACOSX/, .DS_Store). Never writes to disk. Every other entry
 * becomes a document named by its path in the archive, whatever its extension: the XML admissibility check
 * then refuses what is not XML, so one stray file rejects itself, not the whole batch (ADR 0002).
 * Immutable and thread-safe.
 */
public final class ArchiveUnpacker {

    private static final int CHUNK = 64 * 1024;
    private static final int TAR_RECORD = 512;

    // The zip format's default name encoding when an entry does not carry the UTF-8 flag (the JDK honours the flag).
    private static final Charset ZIP_DEFAULT_NAMES = Charset.forName("IBM437");

    private final ValidationSettings settings;

    public ArchiveUnpacker(ValidationSettings settings) {
        this.settings = settings;
    }

    /**
     * @throws IOException when the file itself cannot be read (our fault); a corrupt archive is a refusal instead
     */
    public Unpacked unpack(FlowKind kind, Path content) throws IOException {
        if (!kind.isArchive()) {
            throw new IllegalArgumentException("Not an archive kind: " + kind);
        }
        try {
            List<InvoiceDocument> documents = kind == FlowKind.ZIP ? unzip(content) : untarGz(content);
            if (documents.isEmpty()) {
                return refuse(Finding.of(FindingCode.IRR_ARCHIVE_VIDE, Location.NONE));
            }
            return new Unpacked(documents, List.of());
        } catch (Refusal refusal) {
            return refuse(refusal.finding);
        } catch (LimitExceeded bomb) {
            return refuse(Finding.of(FindingCode.IRR_ARCHIVE_BOMBE, Location.NONE, bomb.getMessage()));
        } catch (SourceFailure ours) {
            throw ours.cause();
        } catch (ZipException | EOFException corrupt) {
            return refuse(corrupt(corrupt));
        } catch (IllegalArgumentException badName) {
            // The JDK's zip reader refuses entry names that are not valid in the charset they claim.
            return refuse(Finding.of(FindingCode.IRR_ARCHIVE_CORROMPUE, Location.NONE,
                    "nom d'entrée illisible (" + badName.getMessage() + ")"));
        } catch (IOException corrupt) {
            if (kind == FlowKind.ZIP) {
                throw corrupt;
            }
            // Every read of the file goes through SourceStream, so what remains comes from decoding: corruption.
            return refuse(corrupt(corrupt));
        }
    }

    private List<InvoiceDocument> unzip(Path content) throws IOException {
        long fileSize = Files.size(content);
        try (ZipFile zip = new ZipFile(content.toFile(), ZipFile.OPEN_READ, ZIP_DEFAULT_NAMES)) {
            // First the central directory alone: names and counts are refused before a byte is inflated.
            List<ZipEntry> files = new ArrayList<>();
            Set<String> names = new HashSet<>();
            Map<String, String> sameFile = new HashMap<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                checkPath(entry.getName());
                if (!entry.isDirectory() && !ArchiveEntryNames.isJunk(entry.getName())) {
                    checkNotNested(entry.getName());
                    checkUnique(names, sameFile, entry.getName());
                    files.add(entry);
                }
            }
            checkCount(files.size(), false);
            ExpansionBudget budget = new ExpansionBudget(settings, () -> fileSize);
            List<InvoiceDocument> documents = new ArrayList<>(files.size());
            for (ZipEntry entry : files) {
                // A declared size over the limit is refused at once; a lying header is caught while inflating.
                budget.checkEntry(entry.getName(), entry.getSize(), entry.getCompressedSize());
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = read(in, entry.getName(), entry.getCompressedSize(), budget, true);
                }
                checkCrc(entry, bytes);
                documents.add(document(entry.getName(), bytes));
            }
            // Last, once the budget has held: a reader that walks the local headers must see the same entries.
            checkLocalHeadersAgree(content, Collections.list(zip.entries()));
            return documents;
        }
    }

    /**
     * The central directory (what we read) and the local headers (what a streaming reader such as
     * ZipInputStream or many unzip tools reads) must name the same entries: a local name that differs (a
     * {@code ../} path hidden there), central entries sharing one local entry (7 KB in, 100 invoices out) or
     * entries only one of them knows make an archive that reads differently elsewhere.
     */
    private static void checkLocalHeadersAgree(Path content, List<? extends ZipEntry> central) throws IOException {
        List<String> local = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new SourceStream(Files.newInputStream(content)), ZIP_DEFAULT_NAMES)) {
            byte[] skip = new byte[CHUNK];
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                local.add(entry.getName());
                while (in.read(skip) > 0) {
                    // through the entry's data to the next local header (within the budget the first pass checked)
                }
            }
        } catch (ZipException unreadable) {
            throw ambiguous("ses en-têtes locaux ne se lisent pas dans l'ordre (" + unreadable.getMessage() + ")");
        }
        List<String> centralNames = new ArrayList<>(central.stream().map(ZipEntry::getName).toList());
        Collections.sort(local);
        Collections.sort(centralNames);
        if (!local.equals(centralNames)) {
            throw ambiguous("le répertoire central annonce " + centralNames.size() + " entrée(s), les en-têtes locaux en"
                    + " contiennent " + local.size() + (local.size() == centralNames.size()
                    ? " sous d'autres noms (par exemple « " + PartnerText.shown(firstDifferent(local, centralNames), 80)
                    + " »)" : ""));
        }
    }

    private static String firstDifferent(List<String> local, List<String> central) {
        return local.stream().filter(name -> !central.contains(name)).findFirst().orElse("?");
    }

    private static Refusal ambiguous(String why) {
        return new Refusal(Finding.of(FindingCode.IRR_ARCHIVE_AMBIGUE, Location.NONE, why));
    }

    private List<InvoiceDocument> untarGz(Path content) throws IOException {
        try (CountingStream compressed = new CountingStream(new SourceStream(Files.newInputStream(content)))) {
            ExpansionBudget budget = new ExpansionBudget(settings, compressed::count);
            // The budget sees every expanded byte, skipped ones included: a bomb hidden in an ignored entry stops too.
            InputStream expanded = new BudgetedStream(
                    GzipCompressorInputStream.builder().setInputStream(new BufferedInputStream(compressed))
                            .setDecompressConcatenated(true).get(), budget);
            // Blocks of one record: the reader stops right after the end-of-archive records instead of skipping to
            // a 10 KB block boundary, so whatever follows them is checked below, not swallowed as padding.
            TarArchiveInputStream tar = new TarArchiveInputStream(expanded, TAR_RECORD);
            List<InvoiceDocument> documents = new ArrayList<>();
            Set<String> names = new HashSet<>();
            Map<String, String> sameFile = new HashMap<>();
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                checkPath(entry.getName());
                if (entry.isDirectory() || ArchiveEntryNames.isJunk(entry.getName())) {
                    continue;
                }
                // isFile() alone is not enough: commons-compress counts a link as a file.
                if (!entry.isFile() || entry.isSymbolicLink() || entry.isLink() || entry.isCharacterDevice()
                        || entry.isBlockDevice() || entry.isFIFO()) {
                    throw new Refusal(Finding.of(FindingCode.IRR_ARCHIVE_CHEMIN, Location.NONE,
                            "« " + entry.getName() + " » n'est pas un fichier ordinaire (lien ou fichier spécial)"));
                }
                checkNotNested(entry.getName());
                checkUnique(names, sameFile, entry.getName());
                checkCount(documents.size() + 1, true);
                budget.checkEntry(entry.getName(), entry.getSize(), -1);
                documents.add(document(entry.getName(), read(tar, entry.getName(), -1, budget, false)));
            }
            // Past the end-of-archive blocks only zero padding may follow: anything else (a second gzip member,
            // a second tar) is content one tool reads and another drops.
            byte[] rest = new byte[CHUNK];
            for (int n; (n = expanded.read(rest)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (rest[i] != 0) {
                        throw ambiguous("des données suivent la fin de l'archive tar (un second membre gzip ou une"
                                + " seconde archive), qu'un autre outil lirait ou ignorerait");
                    }
                }
            }
            return documents;
        }
    }

    private static byte[] read(InputStream in, String name, long compressed, ExpansionBudget budget,
                               boolean countsTotal) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = in.read(chunk)) > 0) {
            out.write(chunk, 0, n);
            budget.checkEntry(name, out.size(), compressed);
            if (countsTotal) {
                budget.addTotal(n);
            }
        }
        return out.toByteArray();
    }

    private static InvoiceDocument document(String name, byte[] bytes) throws Refusal {
        FileSignature signature = FileSignature.detect(bytes, Math.min(bytes.length, FileSignature.HEAD_SIZE));
        if (signature.isArchive()) {
            throw new Refusal(Finding.of(FindingCode.IRR_ARCHIVE_IMBRIQUEE, Location.NONE,
                    "« " + name + " », " + signature.description()));
        }
        return new InvoiceDocument(name, bytes);
    }

    private static void checkPath(String name) throws Refusal {
        Optional<String> problem = ArchiveEntryNames.pathProblem(name);
        if (problem.isPresent()) {
            throw new Refusal(Finding.of(FindingCode.IRR_ARCHIVE_CHEMIN, Location.NONE, problem.get()));
        }
    }

    private static void checkNotNested(String name) throws Refusal {
        if (ArchiveEntryNames.looksLikeArchive(name)) {
            throw new Refusal(Finding.of(FindingCode.IRR_ARCHIVE_IMBRIQUEE, Location.NONE, "« " + name + " »"));
        }
    }

    /** @param streaming the count is known only up to the first entry over the limit (tar has no directory) */
    /** Two entries under one name: which is the invoice is ambiguous (a zip reader would read one twice). */
    private static void checkUnique(Set<String> names, Map<String, String> sameFile, String name) throws Refusal {
        if (!names.add(name)) {
            throw new Refusal(Finding.of(FindingCode.IRR_ARCHIVE_ENTREE_DOUBLE, Location.NONE, name));
        }
        // ./facture.xml beside facture.xml, or Facture.xml beside facture.xml: one file once unpacked on most disks
        String other = sameFile.putIfAbsent(ArchiveEntryNames.sameFileKey(name), name);
        if (other != null) {
            throw ambiguous("« " + PartnerText.shown(other, 200) + " » et « " + PartnerText.shown(name, 200)
                    + " » désignent le même fichier une fois l'archive dépliée");
        }
    }

    private void checkCount(int files, boolean streaming) throws Refusal {
        if (files > settings.maxInvoices()) {
            throw new Refusal(Finding.of(FindingCode.IRR_ARCHIVE_NB_FACTURES, Location.NONE,
                    streaming ? "plus de " + settings.maxInvoices() : String.valueOf(files), settings.maxInvoices()));
        }
    }

    private static void checkCrc(ZipEntry entry, byte[] bytes) throws ZipException {
        if (entry.getCrc() != -1) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (crc.getValue() != entry.getCrc()) {
                throw new ZipException("somme de contrôle (CRC) fausse pour l'entrée « " + entry.getName() + " »");
            }
        }
    }

    private static Unpacked refuse(Finding finding) {
        return new Unpacked(List.of(), List.of(finding));
    }

    private static Finding corrupt(IOException cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof EOFException) {
            reason = "l'archive est tronquée (" + reason + ")";
        }
        return Finding.of(FindingCode.IRR_ARCHIVE_CORROMPUE, Location.NONE, reason);
    }

    /** An entry that refuses the whole archive. */
    private static final class Refusal extends IOException {

        private final transient Finding finding;

        Refusal(Finding finding) {
            super(finding.message());
            this.finding = finding;
        }
    }

    /** A failure to read the file itself (disk, permissions): our fault, re-thrown, never blamed on the flow. */
    private static final class SourceFailure extends IOException {

        SourceFailure(IOException cause) {
            super(cause);
        }

        IOException cause() {
            return (IOException) getCause();
        }
    }

    /** Marks every failure of the underlying file as ours, so what is left is the archive's own corruption. */
    private static final class SourceStream extends FilterInputStream {

        SourceStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
        }
    }

    /** Counts the compressed bytes consumed, for the expansion ratio. */
    private static final class CountingStream extends FilterInputStream {

        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** Charges every expanded byte to the budget's total as it is produced. */
    private static final class BudgetedStream extends FilterInputStream {

        private final ExpansionBudget budget;

        BudgetedStream(InputStream in, ExpansionBudget budget) {
            super(in);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                budget.addTotal(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                budget.addTotal(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipping would inflate without counting: read through instead, so every byte is charged.
            byte[] sink = new byte[(int) Math.min(CHUNK, Math.max(n, 1))];
            long left = n;
            while (left > 0) {
                int read = read(sink, 0, (int) Math.min(sink.length, left));
                if (read < 0) {
                    break;
                }
                left -= read;
            }
            return n - left;
        }
    }
}
