package org.achemine.validation.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.achemine.validation.CheckName;
import org.achemine.validation.CheckResult;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.RuleSet;

/**
 * A self-contained page a person reads in a browser (no script, no external resource): the rule sets and a
 * summary first, then each file with its findings grouped by check, each with its code, severity, message,
 * the official rule text and where. Every text from a document or a rule is escaped.
 */
public final class HtmlReport implements VerdictReport {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#222}
            h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ccc}
            h3{font-size:.95rem;margin:.8rem 0 .3rem}
            table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
            .valid{color:#176f2c}.invalid,.fatal{color:#b00020}.warning{color:#8a5a00}.muted{color:#666;font-size:.9em}
            code{font-size:.92em}
            """;

    private final Writer out;
    private final StringBuilder body = new StringBuilder();
    private final List<String[]> rows = new ArrayList<>();
    private List<RuleSet> ruleSets = List.of();

    public HtmlReport(Writer out) {
        this.out = out;
    }

    @Override
    public void begin(List<RuleSet> ruleSets) {
        this.ruleSets = List.copyOf(ruleSets);
    }

    @Override
    public void file(ValidatedFile file) {
        String anchor = "f" + (rows.size() + 1);
        String verdict = file.error() != null ? "erreur" : file.valid() ? "valide" : "invalide";
        long fatal = file.findings().filter(Finding::isFatal).count();
        long warnings = file.findings().count() - fatal;
        rows.add(new String[] {anchor, file.file(), verdict, file.syntax() == null ? "" : file.syntax().label(),
                Long.toString(fatal), Long.toString(warnings)});
        body.append("<h2 id=\"").append(anchor).append("\">").append(escape(file.file())).append(" — <span class=\"")
                .append(file.valid() ? "valid" : "invalid").append("\">").append(verdict).append("</span></h2>\n");
        if (file.error() != null) {
            body.append("<p class=\"invalid\">").append(escape(file.error())).append("</p>\n");
        }
        if (file.flow() == null) {
            return;
        }
        if (!file.flow().flowFindings().isEmpty()) {
            section("Recevabilité du fichier", file.flow().flowFindings());
        }
        for (DocumentVerdict document : file.flow().documents()) {
            if (file.flow().kind().isArchive()) {
                body.append("<p><strong>").append(escape(document.name())).append("</strong></p>\n");
            }
            body.append("<p class=\"muted\">");
            for (CheckResult check : document.checks()) {
                body.append(escape(check.check().token())).append(" : ").append(check.outcome().name().toLowerCase())
                        .append(" (").append(check.duration().toMillis()).append(" ms) · ");
            }
            body.append("</p>\n");
            for (CheckResult check : document.checks()) {
                if (!check.findings().isEmpty()) {
                    section(title(check.check()), check.findings());
                }
            }
        }
    }

    @Override
    public void end(Summary summary) throws IOException {
        StringBuilder page = new StringBuilder(body.length() + 4096);
        page.append("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>achemine — rapport de validation</title><style>")
                .append(STYLE).append("</style></head><body>\n<h1>Rapport de validation achemine</h1>\n<p class=\"muted\">Règles : ");
        for (RuleSet ruleSet : ruleSets) {
            page.append(escape(ruleSet.name())).append(' ').append(escape(ruleSet.version())).append(" · ");
        }
        page.append("</p>\n<p><strong>").append(summary.files()).append("</strong> fichier(s) : <span class=\"valid\">")
                .append(summary.valid()).append(" valide(s)</span>, <span class=\"invalid\">").append(summary.invalid())
                .append(" invalide(s)</span>");
        if (summary.errors() > 0) {
            page.append(", ").append(summary.errors()).append(" en erreur");
        }
        page.append(" — ").append(String.format("%.1f", summary.millis() / 1000.0)).append(" s</p>\n")
                .append("<table><tr><th>Fichier</th><th>Verdict</th><th>Syntaxe</th><th>Bloquants</th><th>Alertes</th></tr>\n");
        for (String[] row : rows) {
            page.append("<tr><td><a href=\"#").append(row[0]).append("\">").append(escape(row[1])).append("</a></td><td class=\"")
                    .append("valide".equals(row[2]) ? "valid" : "invalid").append("\">").append(row[2]).append("</td><td>")
                    .append(escape(row[3])).append("</td><td>").append(row[4]).append("</td><td>").append(row[5]).append("</td></tr>\n");
        }
        page.append("</table>\n").append(body).append("</body></html>\n");
        out.write(page.toString());
        out.flush();
    }

    private void section(String title, List<Finding> findings) {
        body.append("<h3>").append(escape(title)).append("</h3>\n<table><tr><th>Code</th><th>Gravité</th><th>Message</th><th>Emplacement</th></tr>\n");
        for (Finding finding : findings) {
            body.append("<tr><td><code>").append(escape(finding.code())).append("</code></td><td class=\"")
                    .append(finding.severity().token()).append("\">").append(finding.isFatal() ? "bloquant" : "alerte")
                    .append("</td><td>").append(escape(finding.message()));
            if (finding.ruleText() != null && !finding.ruleText().equals(finding.message())) {
                body.append("<br><span class=\"muted\">Règle : ").append(escape(finding.ruleText())).append("</span>");
            }
            body.append("</td><td><code>").append(escape(finding.location().toString())).append("</code></td></tr>\n");
        }
        body.append("</table>\n");
    }

    private static String title(CheckName check) {
        return switch (check) {
            case ADMISSIBILITY -> "Recevabilité";
            case XSD -> "Schéma XSD";
            case EN16931 -> "Règles EN 16931";
            case NATIONAL -> "Règles nationales (Chorus Pro)";
            case MANDATE -> "Mandats";
            case ROUTING -> "Routage";
            case STATUS_UPDATES -> "Mises à jour de statut";
            case DIRECTORY -> "Annuaire";
        };
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
