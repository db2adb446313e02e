package org.achemine.validation.facturx;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Factur-X (and ZUGFeRD 2) profiles, known by the XML's guideline id ({@code BT-24},
 * {@code ram:GuidelineSpecifiedDocumentContextParameter/ram:ID}) and by the XMP's {@code fx:ConformanceLevel}.
 * MINIMUM and BASIC WL carry no invoice lines and not every EN 16931 term: they are not complete invoices.
 */
public enum FacturXProfile {
    MINIMUM("MINIMUM", false, "urn:factur-x.eu:1p0:minimum", "urn:zugferd.de:2p0:minimum"),
    BASIC_WL("BASIC WL", false, "urn:factur-x.eu:1p0:basicwl", "urn:zugferd.de:2p0:basicwl"),
    BASIC("BASIC", true, "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic",
            "urn:cen.eu:en16931:2017#compliant#urn:zugferd.de:2p0:basic"),
    EN16931("EN 16931", true, "urn:cen.eu:en16931:2017"),
    EXTENDED("EXTENDED", true, "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended",
            "urn:cen.eu:en16931:2017#conformant#urn:zugferd.de:2p0:extended"),
    /** ZUGFeRD 2.1+ carries an XRechnung CIUS invoice; its id ends with the XRechnung version. */
    XRECHNUNG("XRECHNUNG", true, "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung");

    private final String conformanceLevel;
    private final boolean completeInvoice;
    private final List<String> guidelineIds;

    FacturXProfile(String conformanceLevel, boolean completeInvoice, String... guidelineIds) {
        this.conformanceLevel = conformanceLevel;
        this.completeInvoice = completeInvoice;
        this.guidelineIds = List.of(guidelineIds);
    }

    /** The profile a guideline id names; empty for an id of no Factur-X profile (a plain EN 16931 CIUS, say). */
    public static Optional<FacturXProfile> ofGuideline(String guidelineId) {
        if (guidelineId == null) {
            return Optional.empty();
        }
        String id = guidelineId.trim();
        return Arrays.stream(values())
                .filter(p -> p == XRECHNUNG ? id.startsWith(p.guidelineIds.get(0)) : p.guidelineIds.contains(id))
                .findFirst();
    }

    /** The XMP's {@code ConformanceLevel} of this profile, as Factur-X spells it ("EN 16931", "BASIC WL"). */
    public String conformanceLevel() {
        return conformanceLevel;
    }

    /** Whether the profile carries a complete invoice (lines and every EN 16931 term), which we validate and route. */
    public boolean completeInvoice() {
        return completeInvoice;
    }

    /** Whether the XMP's level names this profile: spacing, case and ZUGFeRD's "EN16931" spelling do not matter. */
    public boolean declaredBy(String xmpConformanceLevel) {
        return xmpConformanceLevel != null && squeeze(xmpConformanceLevel).equals(squeeze(conformanceLevel));
    }

    private static String squeeze(String level) {
        return level.replaceAll("[\\s_-]", "").toUpperCase(Locale.ROOT);
    }
}
