package org.achemine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Completion bundles (ADR 0023) as a supplier makes them: one .zip, one CSV status line 12, its documents. */
public final class CompletionBundles {

    /** A real 1×1 PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    /** The smallest file a PDF reader recognises as PDF (the content check reads its magic bytes). */
    public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private CompletionBundles() {
    }

    /** The CSV status file completing {@code invoiceId}, declared at {@code at}. */
    public static byte[] statusLine(String invoiceId, String status, Instant at) {
        return ("id_facture;statut;date_heure;commentaire\n" + invoiceId + ";" + status + ";"
                + at.atOffset(ZoneOffset.UTC) + ";Bon de livraison et photo du chantier joints\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A bundle: the status file {@code complement.csv} then the documents, in order. */
    public static byte[] zip(byte[] statusFile, Map<String, byte[]> documents) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("complement.csv", statusFile);
        entries.putAll(documents);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The usual documents: a delivery note (PDF) and a photo (PNG). */
    public static Map<String, byte[]> pdfAndPng() {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        documents.put("bon-livraison.pdf", PDF);
        documents.put("photo chantier.png", PNG);
        return documents;
    }
}
