package org.achemine.validation.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.RuleSet;
import org.achemine.validation.Severity;

/** For a person at a terminal: one line per file, its findings under it, totals at the end; colour on request. */
public final class TextReport implements VerdictReport {

    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final Writer out;
    private final boolean colour;

    public TextReport(Writer out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    @Override
    public void begin(List<RuleSet> ruleSets) throws IOException {
        StringBuilder line = new StringBuilder("Règles : ");
        for (int i = 0; i < ruleSets.size(); i++) {
            line.append(i == 0 ? "" : " · ").append(ruleSets.get(i).name()).append(' ').append(ruleSets.get(i).version());
        }
        out.write(paint(DIM, line.toString()) + "\n");
    }

    @Override
    public void file(ValidatedFile file) throws IOException {
        StringBuilder text = new StringBuilder();
        String verdict = file.error() != null ? paint(RED, "ERREUR") : file.valid() ? paint(GREEN, "VALIDE")
                : paint(RED, "INVALIDE");
        text.append(verdict).append("  ").append(paint(BOLD, file.file()));
        if (file.syntax() != null) {
            text.append("  ").append(paint(DIM, file.syntax().label()));
        }
        text.append('\n');
        if (file.error() != null) {
            text.append("    ").append(file.error()).append('\n');
        }
        if (file.flow() != null) {
            for (Finding finding : file.flow().flowFindings()) {
                appendFinding(text, finding, null);
            }
            boolean archive = file.flow().kind().isArchive();
            for (DocumentVerdict document : file.flow().documents()) {
                document.findings().forEach(f -> appendFinding(text, f, archive ? document.name() : null));
            }
        }
        out.write(text.toString());
    }

    @Override
    public void end(Summary summary) throws IOException {
        String totals = String.format("%d fichier(s) : %d valide(s), %d invalide(s)%s — %.1f s",
                summary.files(), summary.valid(), summary.invalid(),
                summary.errors() > 0 ? ", " + summary.errors() + " en erreur" : "", summary.millis() / 1000.0);
        out.write(paint(BOLD, totals) + "\n");
        out.flush();
    }

    private void appendFinding(StringBuilder text, Finding finding, String document) {
        boolean fatal = finding.severity() == Severity.FATAL;
        text.append("    ").append(paint(fatal ? RED : YELLOW, fatal ? "fatal  " : "alerte "))
                .append(paint(BOLD, finding.code())).append(' ')
                .append(paint(DIM, "[" + finding.source().token() + "]"));
        String where = finding.location().toString();
        if (document != null) {
            where = document + (where.isEmpty() ? "" : ", " + where);
        }
        if (!where.isEmpty()) {
            text.append(' ').append(paint(DIM, where));
        }
        text.append("\n        ").append(finding.message()).append('\n');
    }

    private String paint(String style, String text) {
        return colour ? style + text + RESET : text;
    }
}
