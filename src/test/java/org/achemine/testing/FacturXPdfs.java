package org.achemine.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/**
 * Factur-X PDFs made with PDFBox for tests: a page, the invoice embedded under its name with its
 * {@code AFRelationship}, listed in the catalogue's {@code AF}, and XMP metadata declaring a conformance level;
 * each part can be left out or spoilt to make the broken and hostile variants.
 */
public final class FacturXPdfs {

    /** The CII sample every valid Factur-X wraps (profile EN 16931, routed to Bellerive). */
    public static final Path CII = Path.of("samples/cii/invoice-valid.xml");
    public static final String CII_NUMBER = "FA-2026-000124";

    private String invoiceName = "factur-x.xml";
    private byte[] xml;
    private String relationship = "Alternative";
    private String conformanceLevel = "EN 16931";
    private boolean encrypted;
    private boolean javaScript;
    private boolean flate = true;
    private final Map<String, Object[]> others = new java.util.LinkedHashMap<>();

    private FacturXPdfs(byte[] xml) {
        this.xml = xml;
    }

    /** A Factur-X of the CII sample, renumbered so several can be deposited. */
    public static FacturXPdfs of(String invoiceNumber) {
        try {
            String cii = Files.readString(CII, StandardCharsets.UTF_8).replace(CII_NUMBER, invoiceNumber);
            return new FacturXPdfs(cii.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FacturXPdfs embedding(byte[] xml) {
        return new FacturXPdfs(xml);
    }

    /** The CII with its guideline id (BT-24) replaced, e.g. the BASIC WL one. */
    public FacturXPdfs guideline(String guidelineId) {
        xml = new String(xml, StandardCharsets.UTF_8).replace("urn:cen.eu:en16931:2017</ram:ID>", guidelineId + "</ram:ID>")
                .getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** The CII addressed to another public buyer (its SIRET replaced), without Bellerive's service code. */
    public FacturXPdfs buyer(String siret) {
        xml = new String(xml, StandardCharsets.UTF_8).replace("21690012600014", siret)
                .replace("<ram:BuyerReference>SCE-ECOLES-07</ram:BuyerReference>", "")
                .getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** One more embedded file besides the invoice (a supporting document), with its MIME subtype. */
    public FacturXPdfs attaching(String fileName, String subtype, byte[] content) {
        others.put(fileName, new Object[] {subtype, content});
        return this;
    }

    /** No embedded invoice at all: a plain PDF. */
    public FacturXPdfs withoutInvoice() {
        xml = null;
        return this;
    }

    public FacturXPdfs named(String name) {
        invoiceName = name;
        return this;
    }

    /** null: no AFRelationship. */
    public FacturXPdfs relationship(String value) {
        relationship = value;
        return this;
    }

    /** null: no XMP metadata. */
    public FacturXPdfs conformanceLevel(String level) {
        conformanceLevel = level;
        return this;
    }

    public FacturXPdfs encrypted() {
        encrypted = true;
        return this;
    }

    /** An OpenAction running JavaScript (PDF/A forbids it). */
    public FacturXPdfs javaScriptOnOpen() {
        javaScript = true;
        return this;
    }

    /** The invoice stored without compression. */
    public FacturXPdfs uncompressed() {
        flate = false;
        return this;
    }

    public byte[] bytes() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            if (xml != null) {
                PDEmbeddedFile file = flate
                        ? new PDEmbeddedFile(document, new ByteArrayInputStream(xml), COSName.FLATE_DECODE)
                        : new PDEmbeddedFile(document, new ByteArrayInputStream(xml));
                file.setSubtype("text/xml");
                file.setSize(xml.length);
                PDComplexFileSpecification spec = new PDComplexFileSpecification();
                spec.setFile(invoiceName);
                spec.setFileUnicode(invoiceName);
                spec.setEmbeddedFile(file);
                spec.setEmbeddedFileUnicode(file);
                if (relationship != null) {
                    spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), relationship);
                }
                PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                Map<String, PDComplexFileSpecification> specs = new java.util.TreeMap<>(Map.of(invoiceName, spec));
                for (Map.Entry<String, Object[]> other : others.entrySet()) {
                    byte[] content = (byte[]) other.getValue()[1];
                    PDEmbeddedFile attached = new PDEmbeddedFile(document, new ByteArrayInputStream(content),
                            COSName.FLATE_DECODE);
                    attached.setSubtype((String) other.getValue()[0]);
                    attached.setSize(content.length);
                    PDComplexFileSpecification otherSpec = new PDComplexFileSpecification();
                    otherSpec.setFile(other.getKey());
                    otherSpec.setFileUnicode(other.getKey());
                    otherSpec.setEmbeddedFile(attached);
                    otherSpec.setEmbeddedFileUnicode(attached);
                    otherSpec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Supplement");
                    specs.put(other.getKey(), otherSpec);
                }
                tree.setNames(specs);
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
                names.setEmbeddedFiles(tree);
                catalog.setNames(names);
                COSArray associated = new COSArray();
                associated.add(spec);
                catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
            }
            if (conformanceLevel != null) {
                PDMetadata metadata = new PDMetadata(document);
                metadata.importXMPMetadata(xmp(conformanceLevel, invoiceName).getBytes(StandardCharsets.UTF_8));
                catalog.setMetadata(metadata);
            }
            if (javaScript) {
                catalog.setOpenAction(new PDActionJavaScript("app.alert('bonjour');"));
            }
            if (encrypted) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("proprietaire", "secret",
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF whose factur-x.xml is a stream of {@code megabytes} MB of zeros deflated to a few KB. */
    public static byte[] streamBomb(int megabytes) {
        byte[] zeros = new byte[megabytes * 1024 * 1024];
        return embedding(zeros).bytes();
    }

    private static String xmp(String level, String fileName) {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\" xmlns:fx=\"urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#\">\n"
                + "<fx:DocumentType>INVOICE</fx:DocumentType><fx:DocumentFileName>" + fileName + "</fx:DocumentFileName>"
                + "<fx:Version>1.0</fx:Version><fx:ConformanceLevel>" + level + "</fx:ConformanceLevel>\n"
                + "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }

    public Path writeTo(Path file) {
        try {
            return Files.write(file, bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
