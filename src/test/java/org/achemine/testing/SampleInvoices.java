package org.achemine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Variations of the valid UBL sample invoice (samples/ubl/invoice-valid.xml) for tests that need many
 * invoices to different recipients: number, buyer SIRET, service code and engagement number replaced.
 */
public final class SampleInvoices {

    private static final String SAMPLE_NUMBER = "FA-2026-000123";
    private static final String SAMPLE_BUYER = "21690012600014";
    private static final String SAMPLE_SERVICE = "<cbc:BuyerReference>SCE-TECH-042</cbc:BuyerReference>";
    private static final String SAMPLE_ORDER = "<cac:OrderReference>\n    <cbc:ID>1300045678</cbc:ID>\n  </cac:OrderReference>";

    private SampleInvoices() {
    }

    public static byte[] ubl(String number, String buyerSiret, String serviceCode, String engagementNumber) {
        String xml = template();
        xml = xml.replace(SAMPLE_NUMBER, number)
                .replace(SAMPLE_BUYER, buyerSiret)
                .replace(SAMPLE_BUYER.substring(0, 9), buyerSiret.substring(0, 9))
                .replace(SAMPLE_SERVICE, serviceCode == null ? "" : "<cbc:BuyerReference>" + serviceCode + "</cbc:BuyerReference>")
                .replace(SAMPLE_ORDER, engagementNumber == null ? ""
                        : "<cac:OrderReference>\n    <cbc:ID>" + engagementNumber + "</cbc:ID>\n  </cac:OrderReference>");
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** Drops a file the way a careful partner does: written under a temporary name, then renamed. */
    public static Path drop(Path inbox, String name, byte[] content) {
        try {
            Path temp = inbox.resolve(name + ".part");
            Files.write(temp, content);
            return Files.move(temp, inbox.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String template() {
        try {
            String xml = Files.readString(Path.of("samples/ubl/invoice-valid.xml"), StandardCharsets.UTF_8);
            if (!xml.contains(SAMPLE_SERVICE) || !xml.contains(SAMPLE_ORDER) || !xml.contains(SAMPLE_NUMBER)) {
                throw new IllegalStateException("samples/ubl/invoice-valid.xml changed: update SampleInvoices");
            }
            return xml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
