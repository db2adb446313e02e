package org.achemine.validation.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.Location;

/**
 * One JSON object per file and line: {@code file}, {@code syntax}, {@code verdict} (valid|invalid),
 * {@code state} (IN_INTEGRE...), {@code error} when we could not process it, and {@code findings}, each with
 * {@code code}, {@code severity} (fatal|warning), {@code source} (admissibility|xsd|en16931|national),
 * {@code message}, {@code rule_text} (official rules), {@code document} (the archive entry, for batch flows)
 * and {@code location} ({@code line}, {@code column}, {@code path}).
 */
public final class JsonLinesReport implements VerdictReport {

    private final Writer out;

    public JsonLinesReport(Writer out) {
        this.out = out;
    }

    @Override
    public void file(ValidatedFile file) throws IOException {
        StringBuilder line = new StringBuilder(256);
        line.append("{\"file\":").append(Json.string(file.file()))
                .append(",\"syntax\":").append(Json.string(file.syntax() == null ? null : file.syntax().name()))
                .append(",\"verdict\":\"").append(file.valid() ? "valid" : "invalid").append('"')
                .append(",\"state\":").append(Json.string(file.state() == null ? null : file.state().name()));
        if (file.error() != null) {
            line.append(",\"error\":").append(Json.string(file.error()));
        }
        line.append(",\"findings\":[");
        boolean first = true;
        if (file.flow() != null) {
            for (Finding finding : file.flow().flowFindings()) {
                first = append(line, finding, null, first);
            }
            boolean archive = file.flow().kind().isArchive();
            for (DocumentVerdict document : file.flow().documents()) {
                for (Iterator<Finding> it = document.findings().iterator(); it.hasNext(); ) {
                    first = append(line, it.next(), archive ? document.name() : null, first);
                }
            }
        }
        line.append("]}\n");
        out.write(line.toString());
    }

    @Override
    public void end(Summary summary) throws IOException {
        out.flush();
    }

    private static boolean append(StringBuilder line, Finding finding, String document, boolean first) {
        if (!first) {
            line.append(',');
        }
        Location location = finding.location();
        line.append("{\"code\":").append(Json.string(finding.code()))
                .append(",\"severity\":").append(Json.string(finding.severity().token()))
                .append(",\"source\":").append(Json.string(finding.source().token()))
                .append(",\"message\":").append(Json.string(finding.message()));
        if (finding.ruleText() != null) {
            line.append(",\"rule_text\":").append(Json.string(finding.ruleText()));
        }
        if (document != null) {
            line.append(",\"document\":").append(Json.string(document));
        }
        line.append(",\"location\":{\"line\":").append(location.line())
                .append(",\"column\":").append(location.column())
                .append(",\"path\":").append(Json.string(location.path())).append("}}");
        return false;
    }
}
