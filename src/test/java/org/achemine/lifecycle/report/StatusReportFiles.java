package org.achemine.lifecycle.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Test helper: reads status flow files (lifecycle reports, re-delivery notices) independently of the code
 * that writes them, and validates them against {@code schemas/lifecycle/statuts-facture.xsd} of the project.
 */
public final class StatusReportFiles {

    private static final String NS = "urn:achemine:statuts-facture:1";
    private static final Schema SCHEMA = load();

    private StatusReportFiles() {
    }

    /** One {@code CPPFactureStatutUnitaire} as read from a file. */
    public record Entry(int numOrdre, String invoiceId, String status, String reformCode, String producer,
                        String motif, String reformReason, String comment, Instant at, String invoiceNumber,
                        String recipient) {
    }

    /** A whole file: its envelope and entries. */
    public record Report(String sender, String receiver, String flowId, int counter, List<Entry> entries) {
    }

    public static void validate(Path file) throws SAXException, IOException {
        SCHEMA.newValidator().validate(new StreamSource(file.toFile()));
    }

    /** Every lifecycle report ({@code *.statuts.xml}) in a folder, by name. */
    public static List<Path> lifecycleReports(Path outbox) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".statuts.xml")).sorted().toList();
        }
    }

    public static Report read(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        Element envelope = (Element) document.getElementsByTagNameNS(NS, "Enveloppe").item(0);
        Element statuts = (Element) document.getElementsByTagNameNS(NS, "CPPFactureStatuts").item(0);
        List<Entry> entries = new ArrayList<>();
        NodeList units = document.getElementsByTagNameNS(NS, "CPPFactureStatutUnitaire");
        for (int i = 0; i < units.getLength(); i++) {
            Element unit = (Element) units.item(i);
            Element debiteur = (Element) unit.getElementsByTagNameNS(NS, "Debiteur").item(0);
            entries.add(new Entry(Integer.parseInt(unit.getAttribute("NumOrdre")), text(unit, "IdTechnique"),
                    text(unit, "IdStatut"), text(unit, "CodeCycleDeVie"), text(unit, "Producteur"), text(unit, "Motif"),
                    text(unit, "CodeMotifReforme"), text(unit, "Commentaire"), Instant.parse(text(unit, "Horodatage")),
                    text(unit, "IdFacture"), debiteur == null ? null : text(debiteur, "Identifiant")));
        }
        Element emetteur = (Element) envelope.getElementsByTagNameNS(NS, "Emetteur").item(0);
        Element recepteur = (Element) envelope.getElementsByTagNameNS(NS, "Recepteur").item(0);
        return new Report(text(emetteur, "Id"), text(recepteur, "Id"), text(envelope, "IdFlux"),
                Integer.parseInt(statuts.getAttribute("compteur")), entries);
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(NS, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static Schema load() {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(Path.of("schemas/lifecycle/statuts-facture.xsd").toFile());
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }
}
