package org.achemine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Variations of the valid sample invoices (samples/ubl/invoice-valid.xml, samples/cii/invoice-valid.xml) for
 * tests and benchmarks that need many invoices to different recipients: number, buyer SIRET, service code and
 * engagement number replaced.
 */
public final class SampleInvoices {

    private static final String SAMPLE_NUMBER = "FA-2026-000123";
    private static final String SAMPLE_BUYER = "21690012600014";
    private static final String SAMPLE_SERVICE = "<cbc:BuyerReference>SCE-TECH-042</cbc:BuyerReference>";
    private static final String SAMPLE_ORDER = "<cac:OrderReference>\n    <cbc:ID>1300045678</cbc:ID>\n  </cac:OrderReference>";

    private static final String CII_NUMBER = "FA-2026-000124";
    private static final String CII_SERVICE = "<ram:BuyerReference>SCE-ECOLES-07</ram:BuyerReference>";
    private static final String CII_ORDER = "<ram:BuyerOrderReferencedDocument>\n"
            + "        <ram:IssuerAssignedID>1300045690</ram:IssuerAssignedID>\n"
            + "      </ram:BuyerOrderReferencedDocument>";

    private SampleInvoices() {
    }

    public static byte[] ubl(String number, String buyerSiret, String serviceCode, String engagementNumber) {
        String xml = template("samples/ubl/invoice-valid.xml", SAMPLE_SERVICE, SAMPLE_ORDER, SAMPLE_NUMBER);
        xml = xml.replace(SAMPLE_NUMBER, number)
                .replace(SAMPLE_BUYER, buyerSiret)
                .replace(SAMPLE_BUYER.substring(0, 9), buyerSiret.substring(0, 9))
                .replace(SAMPLE_SERVICE, serviceCode == null ? "" : "<cbc:BuyerReference>" + serviceCode + "</cbc:BuyerReference>")
                .replace(SAMPLE_ORDER, engagementNumber == null ? ""
                        : "<cac:OrderReference>\n    <cbc:ID>" + engagementNumber + "</cbc:ID>\n  </cac:OrderReference>");
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** The CII sample (samples/cii/invoice-valid.xml), varied as {@link #ubl} varies the UBL one. */
    public static byte[] cii(String number, String buyerSiret, String serviceCode, String engagementNumber) {
        String xml = template("samples/cii/invoice-valid.xml", CII_SERVICE, CII_ORDER, CII_NUMBER);
        xml = xml.replace(CII_NUMBER, number)
                .replace(SAMPLE_BUYER, buyerSiret)
                .replace(CII_SERVICE, serviceCode == null ? "" : "<ram:BuyerReference>" + serviceCode + "</ram:BuyerReference>")
                .replace(CII_ORDER, engagementNumber == null ? "" : "<ram:BuyerOrderReferencedDocument>\n"
                        + "        <ram:IssuerAssignedID>" + engagementNumber + "</ram:IssuerAssignedID>\n"
                        + "      </ram:BuyerOrderReferencedDocument>");
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

    private static String template(String sample, String... expected) {
        try {
            String xml = Files.readString(Path.of(sample), StandardCharsets.UTF_8);
            for (String part : expected) {
                if (!xml.contains(part)) {
                    throw new IllegalStateException(sample + " changed: update SampleInvoices");
                }
            }
            return xml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
