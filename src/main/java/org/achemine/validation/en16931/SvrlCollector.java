package org.achemine.validation.en16931;

import java.util.ArrayList;
import java.util.List;
import org.achemine.validation.CheckName;
import org.achemine.validation.Finding;
import org.achemine.validation.Location;
import org.achemine.validation.Severity;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the SVRL report as the stylesheet writes it (SAX events, no tree): keeps each failed assert (and
 * successful report, which Schematron uses for "report" rules) with its id, flag, location and text.
 * One collector per transformation.
 */
final class SvrlCollector extends DefaultHandler {

    static final String SVRL = "http://purl.oclc.org/dsdl/svrl";

    /** One failed assert as the stylesheet reported it. */
    record Failure(String id, String flag, String location, String text) {

        Finding toFinding(RuleMessages messages, Location where) {
            String ruleText = text == null ? "" : text.strip();
            String code = id == null || id.isBlank() ? "EN16931" : id;
            String french = messages.french(code);
            return new Finding(code, severity(flag), CheckName.EN16931,
                    french == null ? ruleText : french, ruleText, ruleText, where);
        }

        /** fatal stays fatal; warning and information never reject; an unknown or missing flag is fatal. */
        static Severity severity(String flag) {
            if (flag == null) {
                return Severity.FATAL;
            }
            return switch (flag.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "warning", "warn", "information", "info" -> Severity.WARNING;
                default -> Severity.FATAL;
            };
        }
    }

    private final List<Failure> failures = new ArrayList<>();
    private String id;
    private String flag;
    private String location;
    private StringBuilder text;
    private boolean inFailure;

    List<Failure> failures() {
        return failures;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (!SVRL.equals(uri)) {
            return;
        }
        if ("failed-assert".equals(localName) || "successful-report".equals(localName)) {
            inFailure = true;
            id = attributes.getValue("", "id");
            flag = attributes.getValue("", "flag");
            location = attributes.getValue("", "location");
            text = null;
        } else if (inFailure && "text".equals(localName)) {
            text = new StringBuilder();
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (text != null) {
            text.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (!SVRL.equals(uri) || !inFailure) {
            return;
        }
        if ("failed-assert".equals(localName) || "successful-report".equals(localName)) {
            failures.add(new Failure(id, flag, location, text == null ? null : text.toString()));
            inFailure = false;
            text = null;
        } else if ("text".equals(localName) && text != null) {
            // keep the text; a second svrl:text (diagnostics) would be appended after a space
            text.append(' ');
        }
    }
}
