package org.achemine.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.namespace.QName;
import org.achemine.validation.Syntax;
import org.achemine.validation.admissibility.FileAdmissibilityCheck;
import org.achemine.xml.HardenedXml;

/**
 * Guesses a flow's 4-digit interface number at take time, cheaply (it goes into the flow id before
 * validation runs): the root element of an XML file read with the hardened StAX parser from at most its
 * first {@value #HEAD_SIZE} bytes, or the extension for a batch archive. Validation decides the real
 * syntax later; the CR reports that one.
 * <ul>
 *   <li>{@code 1100} UBL 2.1 Invoice or CreditNote (FSO1100A), {@code 1106} CII D16B (FSO1106A);</li>
 *   <li>{@value #FACTURX} a .pdf that starts with {@code %PDF-}: a Factur-X deposit (FSO1117A; validation takes
 *       its CII out, or refuses a PDF without one);</li>
 *   <li>{@value #BATCH} a .zip or .tar.gz batch of invoices (ours: Chorus gives batches no number of their own);</li>
 *   <li>{@value #STATUS_XML} a status flow in Chorus Pro's own format (root {@code CPPStatut}, no namespace, as
 *       AIFE's CPPStatutPivot schema has none),
 *       {@value #STATUS_CSV} a status flow in CSV (any {@code .csv} file): status updates from recipients,
 *       completions from suppliers, processed instead of validated as invoices (ours too);</li>
 *   <li>{@value #STATUS_BUNDLE} a completion bundle (ADR 0023): a .zip whose central directory lists a status file
 *       (a {@code .csv} entry, or an {@code .xml} entry whose root is {@code CPPStatut}); an invoice batch never
 *       holds one. Only the first {@value #BUNDLE_ENTRIES_LOOKED_AT} entries are looked at, each XML entry's root
 *       within its first {@value #BUNDLE_HEAD_SIZE} expanded bytes: the batch reader's limits apply afterwards;</li>
 *   <li>{@value #UNRECOGNISED} anything else (not XML, unknown root, hostile or broken XML).</li>
 * </ul>
 */
public final class InterfaceSniffer {

    public static final String BATCH = "1190";
    public static final String FACTURX = "1117";
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    public static final String UNRECOGNISED = "1199";
    public static final String STATUS_XML = "1300";
    public static final String STATUS_CSV = "1301";
    public static final String STATUS_BUNDLE = "1302";
    static final int BUNDLE_ENTRIES_LOOKED_AT = 1000;
    static final int BUNDLE_HEAD_SIZE = 64 * 1024;
    static final String STATUS_NAMESPACE = "";
    static final String STATUS_ROOT = "CPPStatut";
    /**
     * How far the root element is looked for: a prolog (comments, processing instructions) may be long (a 70 KB
     * comment once hid a status file behind a 64 KB window, issue 11), but a status file is at most 10 MB
     * ({@code achemine.status-updates.max-file-size}), so a root further away than that is no status file;
     * an invoice's root is found by validation itself, whatever its interface number.
     */
    static final int HEAD_SIZE = 10 * 1024 * 1024;

    public String interfaceNumber(String fileName, Path content) {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return STATUS_CSV;
        }
        switch (FileAdmissibilityCheck.kindOf(fileName)) {
            case ZIP:
                return holdsStatusFile(content) ? STATUS_BUNDLE : BATCH;
            case TAR_GZ:
                return BATCH;
            case PDF:
                return startsWithPdfMagic(content) ? FACTURX : UNRECOGNISED;
            case XML:
                return rootElement(content).map(InterfaceSniffer::interfaceOfRoot).orElse(UNRECOGNISED);
            default:
                return UNRECOGNISED;
        }
    }

    /** Whether a flow carries status updates (decided at take time, kept in its id: a restart decides the same). */
    public static boolean isStatusFlow(FlowId flowId) {
        return STATUS_XML.equals(flowId.interfaceNumber()) || STATUS_CSV.equals(flowId.interfaceNumber())
                || STATUS_BUNDLE.equals(flowId.interfaceNumber());
    }

    /**
     * Whether an entry of a completion bundle is its status file: a {@code .csv}, or XML whose root is
     * {@code CPPStatut} (read from {@code head}, at most {@value #BUNDLE_HEAD_SIZE} bytes of it).
     */
    public static boolean isStatusFile(String entryName, InputStream head) {
        String name = entryName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return true;
        }
        return name.endsWith(".xml") && rootElement(new LimitedInputStream(head, BUNDLE_HEAD_SIZE))
                .filter(root -> STATUS_XML.equals(interfaceOfRoot(root))).isPresent();
    }

    private static boolean holdsStatusFile(Path content) {
        try (ZipFile zip = new ZipFile(content.toFile(), ZipFile.OPEN_READ, Charset.forName("IBM437"))) {
            int looked = 0;
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (++looked > BUNDLE_ENTRIES_LOOKED_AT) {
                    return false;
                }
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    if (isStatusFile(entry.getName(), in)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException | RuntimeException unreadable) {
            return false; // a batch: the batch reader says exactly what is wrong with it
        }
    }

    private static String interfaceOfRoot(QName root) {
        if (STATUS_NAMESPACE.equals(root.getNamespaceURI()) && STATUS_ROOT.equals(root.getLocalPart())) {
            return STATUS_XML;
        }
        return Syntax.of(root.getNamespaceURI(), root.getLocalPart()).map(Syntax::interfaceNumber).orElse(UNRECOGNISED);
    }

    private static boolean startsWithPdfMagic(Path content) {
        try (InputStream in = Files.newInputStream(content)) {
            return java.util.Arrays.equals(in.readNBytes(PDF_MAGIC.length), PDF_MAGIC);
        } catch (IOException unreadable) {
            return false; // validation reports it
        }
    }

    private static Optional<QName> rootElement(Path content) {
        // buffered: the parser reads the XML declaration a byte at a time (one system call each, unbuffered)
        try (InputStream head = new LimitedInputStream(new BufferedInputStream(Files.newInputStream(content)),
                HEAD_SIZE)) {
            return rootElement(head);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<QName> rootElement(InputStream head) {
        return HardenedXml.rootElement(head, true); // validation reports exactly what is wrong with it
    }

    /** Reads at most {@code limit} bytes, so a huge single-line prolog cannot make the sniff expensive. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private long remaining;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
