package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterfaceSnifferTest {

    private final InterfaceSniffer sniffer = new InterfaceSniffer();

    @TempDir
    Path dir;

    @Test
    void givesStatusFlowsTheirOwnInterfaceNumbers() throws Exception {
        Path csv = Files.writeString(dir.resolve("statuts.CSV"), "id_facture;statut;date_heure\n");
        Path xml = Files.copy(Path.of("samples/status/statuts-comptabilite.xml"), dir.resolve("statuts.xml"));
        Path invoice = Files.copy(Path.of("samples/ubl/invoice-valid.xml"), dir.resolve("facture.xml"));

        assertThat(sniffer.interfaceNumber("statuts.CSV", csv)).isEqualTo(InterfaceSniffer.STATUS_CSV);
        assertThat(sniffer.interfaceNumber("statuts.xml", xml)).isEqualTo(InterfaceSniffer.STATUS_XML);
        assertThat(sniffer.interfaceNumber("facture.xml", invoice)).isEqualTo("1100");
        assertThat(InterfaceSniffer.isStatusFlow(FlowId.of("ACH001", "1300", 1))).isTrue();
        assertThat(InterfaceSniffer.isStatusFlow(FlowId.of("ACH001", "1301", 1))).isTrue();
        assertThat(InterfaceSniffer.isStatusFlow(FlowId.of("ACH001", "1100", 1))).isFalse();
    }

    @Test
    void givesAPdfStartingWithThePdfMagicTheFacturXInterfaceNumber() throws Exception {
        Path facturX = Files.copy(Path.of("samples/facturx/zugferd_2p0_EN16931_Einfach.pdf"), dir.resolve("f.pdf"));
        Path notPdf = Files.copy(Path.of("samples/cii/invoice-valid.xml"), dir.resolve("x.pdf"));

        assertThat(sniffer.interfaceNumber("facture.PDF", facturX)).isEqualTo(InterfaceSniffer.FACTURX).isEqualTo("1117");
        assertThat(sniffer.interfaceNumber("facture.pdf", notPdf)).isEqualTo(InterfaceSniffer.UNRECOGNISED);
        assertThat(sniffer.interfaceNumber("facture.xml", facturX)).isEqualTo(InterfaceSniffer.UNRECOGNISED);
    }

    @Test
    void recognisesChorusProsCppStatutWithoutNamespaceAndNoLongerAchemineOwnStatusXml() throws Exception {
        // given the official CPPStatut (no namespace) and a file in the status XML achemine used to read
        Path official = Files.writeString(dir.resolve("cpp.xml"), "<CPPStatut Version=\"V1_19\"><Enveloppe/></CPPStatut>");
        Path retired = Files.writeString(dir.resolve("old.xml"),
                "<CPPStatut xmlns=\"urn:achemine:statuts-facture:1\" Version=\"1.0\"/>");

        // then only the official one is a status flow; the other is validated as what it is not (an invoice)
        assertThat(sniffer.interfaceNumber("cpp.xml", official)).isEqualTo(InterfaceSniffer.STATUS_XML);
        assertThat(sniffer.interfaceNumber("old.xml", retired)).isEqualTo(InterfaceSniffer.UNRECOGNISED);
    }

    @Test
    void findsTheRootElementBehindAPrologLongerThanTheOldWindow() throws Exception {
        // given a status file and an invoice each behind a 70 KB comment and a processing instruction
        String comment = "<!-- " + "x".repeat(70 * 1024) + " -->\n<?achemine note?>\n";
        String status = Files.readString(Path.of("samples/status/statuts-comptabilite.xml"));
        String invoice = Files.readString(Path.of("samples/ubl/invoice-valid.xml"));
        Path xml = Files.writeString(dir.resolve("statuts.xml"), afterDeclaration(status, comment));
        Path ubl = Files.writeString(dir.resolve("facture.xml"), afterDeclaration(invoice, comment));

        assertThat(sniffer.interfaceNumber("statuts.xml", xml)).isEqualTo(InterfaceSniffer.STATUS_XML);
        assertThat(sniffer.interfaceNumber("facture.xml", ubl)).isEqualTo("1100");
    }

    @Test
    void aZipHoldingAStatusFileIsACompletionBundleAndAnyOtherZipABatch() throws Exception {
        // given a bundle with a CSV status file, one with a CPPStatut, a batch of invoices, and a broken zip
        String invoice = Files.readString(Path.of("samples/ubl/invoice-valid.xml"));
        Path csvBundle = Files.write(dir.resolve("complement.zip"), org.achemine.testing.CompletionBundles.zip(
                "id_facture;statut;date_heure\n".getBytes(StandardCharsets.UTF_8),
                java.util.Map.of("bl.pdf", org.achemine.testing.CompletionBundles.PDF)));
        Path cppBundle = Files.write(dir.resolve("cpp.zip"), zipOf("statut.xml",
                "<CPPStatut Version=\"V1_19\"><Enveloppe/></CPPStatut>", "bl.pdf", "%PDF-1.4"));
        Path batch = Files.write(dir.resolve("lot.zip"), zipOf("f1.xml", invoice, "f2.xml", invoice));
        Path broken = Files.writeString(dir.resolve("broken.zip"), "PK not a zip");

        // then only the first two are status flows, the others go to the batch reader
        assertThat(sniffer.interfaceNumber("complement.zip", csvBundle)).isEqualTo(InterfaceSniffer.STATUS_BUNDLE);
        assertThat(sniffer.interfaceNumber("cpp.zip", cppBundle)).isEqualTo(InterfaceSniffer.STATUS_BUNDLE);
        assertThat(sniffer.interfaceNumber("lot.zip", batch)).isEqualTo(InterfaceSniffer.BATCH);
        assertThat(sniffer.interfaceNumber("broken.zip", broken)).isEqualTo(InterfaceSniffer.BATCH);
        assertThat(InterfaceSniffer.isStatusFlow(FlowId.of("ACH001", InterfaceSniffer.STATUS_BUNDLE, 1))).isTrue();
    }

    private static byte[] zipOf(String... namesAndContents) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new java.util.zip.ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String afterDeclaration(String xml, String prolog) {
        int end = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        return xml.substring(0, end) + "\n" + prolog + xml.substring(end);
    }
}
