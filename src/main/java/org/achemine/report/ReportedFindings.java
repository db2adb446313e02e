package org.achemine.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.achemine.xml.HardenedXml;

/**
 * The findings of a flow with their messages, read back from its deposit report: the database keeps only their
 * codes (the full findings live in the report, issue 16), and the report is what the supplier read.
 */
public final class ReportedFindings {

    private ReportedFindings() {
    }

    /**
     * Every {@code Constat} of the report, with the rank of the document it is about (0: the flow file itself).
     * A report that is missing (not yet written) gives none.
     */
    public static List<ReportedFinding> read(Path depositReport) throws IOException {
        if (depositReport == null || !Files.isRegularFile(depositReport)) {
            return List.of();
        }
        List<ReportedFinding> findings = new ArrayList<>();
        try (InputStream in = Files.newInputStream(depositReport)) {
            XMLStreamReader xml = HardenedXml.xmlInputFactory().createXMLStreamReader(in);
            int rank = 0;
            String code = null;
            String severity = null;
            String source = null;
            String message = null;
            String line = null;
            String path = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "Facture" -> rank = Integer.parseInt(xml.getAttributeValue(null, "rang"));
                        case "Constat" -> {
                            code = xml.getAttributeValue(null, "code");
                            severity = xml.getAttributeValue(null, "gravite");
                            source = xml.getAttributeValue(null, "source");
                            message = null;
                            line = null;
                            path = null;
                        }
                        case "Message" -> message = code == null ? message : xml.getElementText();
                        case "Emplacement" -> {
                            line = xml.getAttributeValue(null, "ligne");
                            path = xml.getAttributeValue(null, "chemin");
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (xml.getLocalName().equals("Constat")) {
                        findings.add(new ReportedFinding(rank, code, severity, source, message,
                                line == null ? null : Integer.valueOf(line), path));
                        code = null;
                    } else if (xml.getLocalName().equals("Facture")) {
                        rank = 0;
                    }
                }
            }
            xml.close();
        } catch (XMLStreamException | NumberFormatException unreadable) {
            throw new IOException("Compte rendu illisible : " + depositReport, unreadable);
        }
        return findings;
    }

    /** One finding as the supplier read it: code, severity, check, French message, where in the document. */
    public record ReportedFinding(int rank, String code, String severity, String source, String message,
                                  Integer line, String path) {
    }
}
