package org.achemine.validation.facturx;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.Location;
import org.achemine.validation.PartnerText;
import org.achemine.xml.HardenedXml;

/**
 * What Factur-X requires beyond the CII inside (validated like any CII flow): a profile that is a complete
 * invoice (MINIMUM and BASIC WL are refused, saying which profile to send), XMP metadata naming the same profile
 * as the XML's guideline id, and the embedded file's {@code AFRelationship} being Data, Alternative or Source.
 * Stateless and thread-safe.
 */
public final class FacturXChecks {

    private static final Set<String> RELATIONSHIPS = Set.of("Data", "Alternative", "Source");
    private static final String GUIDELINE = "GuidelineSpecifiedDocumentContextParameter";

    public List<Finding> check(EmbeddedInvoice invoice) {
        List<Finding> findings = new ArrayList<>();
        Optional<String> guideline = guidelineId(invoice.xml());
        Optional<FacturXProfile> profile = guideline.flatMap(FacturXProfile::ofGuideline);
        if (profile.isPresent() && !profile.get().completeInvoice()) {
            findings.add(Finding.of(FindingCode.FX_PROFIL_INCOMPLET, Location.NONE, profile.get().conformanceLevel()));
        }
        if (invoice.conformanceLevel() == null) {
            findings.add(Finding.of(FindingCode.FX_XMP_ABSENT, Location.NONE));
        } else if (profile.isPresent() && !profile.get().declaredBy(invoice.conformanceLevel())) {
            findings.add(Finding.of(FindingCode.FX_XMP_PROFIL, Location.NONE,
                    PartnerText.shown(invoice.conformanceLevel(), 40), profile.get().conformanceLevel(), guideline.get()));
        }
        if (invoice.relationship() == null || !RELATIONSHIPS.contains(invoice.relationship())) {
            findings.add(Finding.of(FindingCode.FX_RELATION_AF, Location.NONE, invoice.fileName(),
                    invoice.relationship() == null ? "absente" : PartnerText.shown(invoice.relationship(), 40)));
        }
        return findings;
    }

    /** BT-24, read with the hardened parser; empty when absent or unreadable (the CII validation says why). */
    static Optional<String> guidelineId(byte[] xml) {
        try {
            XMLStreamReader reader = HardenedXml.xmlInputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                boolean inGuideline = false;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamReader.START_ELEMENT) {
                        if (GUIDELINE.equals(reader.getLocalName())) {
                            inGuideline = true;
                        } else if (inGuideline && "ID".equals(reader.getLocalName())) {
                            return Optional.of(reader.getElementText().trim());
                        }
                    } else if (event == XMLStreamReader.END_ELEMENT && GUIDELINE.equals(reader.getLocalName())) {
                        return Optional.empty();
                    }
                }
                return Optional.empty();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
