package org.achemine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Invoices carrying attachments, made from the valid UBL sample: each attachment a UBL
 * {@code cac:AdditionalDocumentReference} with its base64 text, mimeCode and filename as given (so a test can
 * make any of them wrong), and tiny real documents to attach.
 */
public final class AttachmentSamples {

    public static final Path UBL = Path.of("samples/attachments/ubl-invoice-with-attachments.xml");
    public static final Path CII = Path.of("samples/attachments/cii-invoice-with-attachments.xml");
    /** A one-page PDF, as small as a PDF gets. */
    public static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    /** The first bytes of a Windows program (MZ header). */
    public static final byte[] WINDOWS_PROGRAM = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF,
            (byte) 0xFF, 0, 0, (byte) 0xB8, 0, 0, 0, 0, 0, 0, 0, '@', 0, 0, 0};

    private AttachmentSamples() {
    }

    /** One UBL attachment; {@code mimeCode} or {@code fileName} null leaves the attribute out. */
    public static String reference(String mimeCode, String fileName, String base64) {
        return "  <cac:AdditionalDocumentReference>\n    <cbc:ID>PJ</cbc:ID>\n    <cac:Attachment>\n"
                + "      <cbc:EmbeddedDocumentBinaryObject"
                + (mimeCode == null ? "" : " mimeCode=\"" + mimeCode + "\"")
                + (fileName == null ? "" : " filename=\"" + fileName + "\"") + ">" + base64
                + "</cbc:EmbeddedDocumentBinaryObject>\n    </cac:Attachment>\n  </cac:AdditionalDocumentReference>\n";
    }

    public static String reference(String mimeCode, String fileName, byte[] content) {
        return reference(mimeCode, fileName, Base64.getEncoder().encodeToString(content));
    }

    /** A UBL invoice (made from the sample) with these attachments added. */
    public static byte[] into(byte[] ublInvoice, String... references) {
        return new String(ublInvoice, StandardCharsets.UTF_8).replace("  <cac:AccountingSupplierParty>",
                String.join("", references) + "  <cac:AccountingSupplierParty>").getBytes(StandardCharsets.UTF_8);
    }

    /** The valid UBL sample (its own number) with these attachments and no other. */
    public static byte[] ubl(String invoiceNumber, String... references) {
        try {
            String sample = Files.readString(Path.of("samples/ubl/invoice-valid.xml"), StandardCharsets.UTF_8)
                    .replace("<cbc:ID>FA-2026-000123</cbc:ID>", "<cbc:ID>" + invoiceNumber + "</cbc:ID>");
            return sample.replace("  <cac:AccountingSupplierParty>", String.join("", references)
                    + "  <cac:AccountingSupplierParty>").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
