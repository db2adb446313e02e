package org.achemine.validation.facturx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.InflaterInputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.Location;
import org.achemine.validation.PartnerText;
import org.achemine.validation.ValidationSettings;
import org.achemine.xml.HardenedXml;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Takes the invoice out of a Factur-X PDF, reading only what it needs at the object level: the catalogue's
 * {@code EmbeddedFiles} name tree, the invoice file's stream and the XMP metadata. Nothing is rendered, no
 * action or script is run or followed; a PDF that carries JavaScript or launch actions (which PDF/A forbids)
 * is refused, an encrypted one too. Decoded streams are bounded by {@link ValidationSettings#maxEntrySize()}
 * and {@link ValidationSettings#maxRatio()} as archive entries are, and only FlateDecode (or no filter) is
 * decoded, by us, counting every byte. Immutable and thread-safe.
 */
public final class FacturXReader {

    /** The embedded invoice's names, by preference: Factur-X, ZUGFeRD 2.0 (two spellings), ZUGFeRD 2.1+ XRechnung. */
    static final List<String> INVOICE_NAMES = List.of("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml");

    /** Actions PDF/A forbids that run something: the PDF is refused rather than read around them. */
    private static final Set<String> ACTIVE_ACTIONS = Set.of("JavaScript", "Launch", "ImportData", "ResetForm",
            "SubmitForm", "Rendition", "Movie", "Sound");
    private static final COSName AF_RELATIONSHIP = COSName.getPDFName("AFRelationship");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    /** More name-tree nodes than any real PDF has: a hostile tree stops here. */
    private static final int MAX_TREE_NODES = 1_000;
    private static final int CHUNK = 64 * 1024;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final long maxStreamSize;
    private final int maxRatio;

    public FacturXReader(ValidationSettings settings) {
        this.maxStreamSize = settings.maxEntrySize();
        this.maxRatio = settings.maxRatio();
    }

    /** Whether these bytes are a PDF ({@code %PDF-}), e.g. an archived Factur-X deposit read back for delivery. */
    public static boolean isPdf(byte[] content) {
        return content.length >= PDF_MAGIC.length && Arrays.equals(content, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length);
    }

    /** @param pdf a file that starts with {@code %PDF-}; a broken one is a refusal, never an exception */
    public FacturXContent read(Path pdf) {
        try {
            return read(new RandomAccessReadBufferedFile(pdf.toFile()));
        } catch (IOException unreadable) {
            return FacturXContent.refused(Finding.of(FindingCode.IRR_PDF_ILLISIBLE, Location.NONE,
                    PartnerText.shown(String.valueOf(unreadable.getMessage()), 200)));
        }
    }

    /** The same, from a PDF held in memory (an archived deposit read back for delivery). */
    public FacturXContent read(byte[] pdf) {
        return read(new RandomAccessReadBuffer(pdf));
    }

    private FacturXContent read(RandomAccessRead pdf) {
        // PDFBox's scratch memory for streams it creates is bounded like one decoded stream; we create none.
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(maxStreamSize).streamCache)) {
            if (document.isEncrypted()) {
                return FacturXContent.refused(Finding.of(FindingCode.IRR_PDF_CHIFFRE, Location.NONE));
            }
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            String active = activeContent(catalog);
            if (active != null) {
                return FacturXContent.refused(Finding.of(FindingCode.IRR_PDF_ACTIF, Location.NONE, active));
            }
            List<COSDictionary> files = embeddedFileSpecs(catalog);
            COSDictionary fileSpec = invoiceFileSpec(files);
            if (fileSpec == null) {
                return FacturXContent.refused(Finding.of(FindingCode.IRR_PDF_SANS_FACTURX, Location.NONE));
            }
            String name = fileName(fileSpec);
            COSStream file = embeddedStream(fileSpec);
            if (file == null) {
                return FacturXContent.refused(Finding.of(FindingCode.IRR_PDF_ILLISIBLE, Location.NONE,
                        "le fichier joint « " + name + " » n'a pas de contenu"));
            }
            byte[] xml = decode(file, name);
            return FacturXContent.of(new EmbeddedInvoice(name, xml, fileSpec.getNameAsString(AF_RELATIONSHIP),
                    conformanceLevel(catalog)), otherFiles(files, fileSpec));
        } catch (InvalidPasswordException encrypted) {
            return FacturXContent.refused(Finding.of(FindingCode.IRR_PDF_CHIFFRE, Location.NONE));
        } catch (OverLimit limit) {
            return FacturXContent.refused(Finding.of(FindingCode.IRR_PDF_LIMITE, Location.NONE, limit.getMessage()));
        } catch (IOException | RuntimeException | StackOverflowError broken) {
            String reason = broken.getMessage() == null ? broken.getClass().getSimpleName() : broken.getMessage();
            return FacturXContent.refused(Finding.of(FindingCode.IRR_PDF_ILLISIBLE, Location.NONE,
                    PartnerText.shown(reason, 200)));
        }
    }

    /** What runs something when the PDF is opened: an opening script or launch, document actions, named scripts. */
    private static String activeContent(COSDictionary catalog) {
        if (catalog.getDictionaryObject(COSName.OPEN_ACTION) instanceof COSDictionary action) {
            String kind = action.getNameAsString(COSName.S);
            if (kind != null && ACTIVE_ACTIONS.contains(kind)) {
                return "action d'ouverture " + kind;
            }
        }
        if (catalog.containsKey(COSName.AA)) {
            return "actions automatiques du document (AA)";
        }
        if (catalog.getDictionaryObject(COSName.NAMES) instanceof COSDictionary names
                && names.containsKey(COSName.JAVA_SCRIPT)) {
            return "scripts JavaScript nommés";
        }
        return null;
    }

    /** The invoice's file specification among the embedded files: the first of {@link #INVOICE_NAMES} present. */
    private static COSDictionary invoiceFileSpec(List<COSDictionary> files) {
        COSDictionary best = null;
        int bestRank = INVOICE_NAMES.size();
        for (COSDictionary spec : files) {
            int rank = INVOICE_NAMES.indexOf(fileName(spec).toLowerCase(Locale.ROOT));
            if (rank >= 0 && rank < bestRank) {
                best = spec;
                bestRank = rank;
            }
        }
        return best;
    }

    /** The file specifications of the EmbeddedFiles name tree, in tree order, walked breadth first within bounds. */
    private static List<COSDictionary> embeddedFileSpecs(COSDictionary catalog) throws OverLimit {
        List<COSDictionary> specs = new ArrayList<>();
        Set<COSDictionary> listed = Collections.newSetFromMap(new IdentityHashMap<>());
        if (!(catalog.getDictionaryObject(COSName.NAMES) instanceof COSDictionary names)
                || !(names.getDictionaryObject(EMBEDDED_FILES) instanceof COSDictionary root)) {
            return specs;
        }
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSDictionary> nodes = new ArrayDeque<>(List.of(root));
        while (!nodes.isEmpty()) {
            COSDictionary node = nodes.poll();
            if (!seen.add(node)) {
                continue; // a tree that loops back on itself
            }
            if (seen.size() > MAX_TREE_NODES) {
                throw new OverLimit("l'arbre des fichiers joints compte plus de " + MAX_TREE_NODES + " nœuds");
            }
            if (node.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
                for (int i = 0; i < kids.size(); i++) {
                    if (kids.getObject(i) instanceof COSDictionary kid) {
                        nodes.add(kid);
                    }
                }
            }
            if (node.getDictionaryObject(COSName.NAMES) instanceof COSArray pairs) {
                for (int i = 0; i + 1 < pairs.size(); i += 2) {
                    if (pairs.getObject(i + 1) instanceof COSDictionary spec && listed.add(spec)) {
                        specs.add(spec);
                    }
                }
            }
        }
        return specs;
    }

    /**
     * The embedded files other than the invoice, each decoded within the same limits as the invoice; one that
     * cannot be decoded is kept with the reason (the attachment check refuses it), never read around.
     */
    private List<EmbeddedFile> otherFiles(List<COSDictionary> files, COSDictionary invoice) {
        List<EmbeddedFile> others = new ArrayList<>();
        for (COSDictionary spec : files) {
            if (spec == invoice) {
                continue;
            }
            String name = fileName(spec);
            String description = spec.getDictionaryObject(COSName.DESC) instanceof COSString desc ? desc.getString() : null;
            COSStream stream = embeddedStream(spec);
            if (stream == null) {
                others.add(new EmbeddedFile(name, null, description, new byte[0], 0, null));
                continue;
            }
            String subtype = stream.getNameAsString(COSName.SUBTYPE);
            try {
                byte[] content = decode(stream, name);
                others.add(new EmbeddedFile(name, subtype, description, content, content.length, null));
            } catch (OverLimit limit) {
                others.add(new EmbeddedFile(name, subtype, description, null, Math.max(stream.getLength(), maxStreamSize + 1),
                        limit.getMessage()));
            } catch (IOException unread) {
                others.add(new EmbeddedFile(name, subtype, description, null, stream.getLength(), unread.getMessage()));
            }
        }
        return others;
    }

    private static String fileName(COSDictionary spec) {
        for (COSName key : List.of(COSName.UF, COSName.F)) {
            if (spec.getDictionaryObject(key) instanceof COSString name) {
                return name.getString();
            }
        }
        return "";
    }

    private static COSStream embeddedStream(COSDictionary spec) {
        if (spec.getDictionaryObject(COSName.EF) instanceof COSDictionary files) {
            for (COSName key : List.of(COSName.F, COSName.UF)) {
                if (files.getDictionaryObject(key) instanceof COSStream stream) {
                    return stream;
                }
            }
        }
        return null;
    }

    /** The XMP's fx:ConformanceLevel (element or attribute, any Factur-X/ZUGFeRD namespace), null when absent. */
    private String conformanceLevel(COSDictionary catalog) throws IOException {
        if (!(catalog.getDictionaryObject(COSName.METADATA) instanceof COSStream metadata)) {
            return null;
        }
        byte[] xmp = decode(metadata, "métadonnées XMP");
        try {
            XMLStreamReader reader = HardenedXml.xmlInputFactory().createXMLStreamReader(new ByteArrayInputStream(xmp));
            try {
                while (reader.hasNext()) {
                    if (reader.next() != XMLStreamReader.START_ELEMENT) {
                        continue;
                    }
                    if ("ConformanceLevel".equals(reader.getLocalName())) {
                        return reader.getElementText().trim();
                    }
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        if ("ConformanceLevel".equals(reader.getAttributeLocalName(i))) {
                            return reader.getAttributeValue(i).trim();
                        }
                    }
                }
                return null;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException unreadable) {
            return null; // reported as metadata without a profile: the XML is the invoice
        }
    }

    /** The stream's decoded bytes, counting each one against the limits; only FlateDecode or no filter. */
    private byte[] decode(COSStream stream, String what) throws IOException {
        COSBase filters = stream.getFilters();
        boolean flate;
        if (filters == null) {
            flate = false;
        } else if (COSName.FLATE_DECODE.equals(filters)
                || filters instanceof COSArray array && array.size() == 1 && COSName.FLATE_DECODE.equals(array.getObject(0))) {
            flate = true;
        } else {
            throw new IOException("« " + what + " » est encodé par " + filters + " : seul FlateDecode est lu");
        }
        if (flate && stream.getDictionaryObject(COSName.DECODE_PARMS) instanceof COSDictionary parms
                && parms.getDictionaryObject(COSName.PREDICTOR) instanceof COSNumber predictor && predictor.intValue() > 1) {
            throw new IOException("« " + what + " » emploie un prédicteur FlateDecode, inutile pour un fichier XML");
        }
        long encoded = Math.max(1, stream.getLength());
        if (encoded > maxStreamSize) {
            throw new OverLimit("« " + what + " » fait " + encoded + " octets, au-delà de " + maxStreamSize);
        }
        try (InputStream raw = stream.createRawInputStream();
             InputStream in = flate ? new InflaterInputStream(raw) : raw) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[CHUNK];
            for (int n; (n = in.read(chunk)) > 0; ) {
                out.write(chunk, 0, n);
                if (out.size() > maxStreamSize) {
                    throw new OverLimit("« " + what + " » dépasse " + maxStreamSize + " octets une fois décompressé");
                }
                if (out.size() > CHUNK && out.size() / encoded > maxRatio) {
                    throw new OverLimit("« " + what + " » se décompresse plus de " + maxRatio + " fois (" + encoded
                            + " octets compressés)");
                }
            }
            return out.toByteArray();
        }
    }

    /** A stream or structure over the limits: the PDF is refused as a bomb, not as broken. */
    private static final class OverLimit extends IOException {
        OverLimit(String message) {
            super(message);
        }
    }
}
