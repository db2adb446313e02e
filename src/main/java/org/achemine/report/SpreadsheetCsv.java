package org.achemine.report;

import java.io.Closeable;
import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV file we write for people (daily summaries, directory import reports): {@code ;} separated, and
 * each cell neutralised against formula injection, as OWASP recommends: a text cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a leading {@code '}, so a
 * spreadsheet shows it as text instead of running it (an invoice number {@code =cmd|'/C calc'!A0}). A plain
 * number ({@code -12.50}) is left as is: it is data, not a formula.
 */
public final class SpreadsheetCsv implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').get();
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final CSVPrinter printer;

    public SpreadsheetCsv(Appendable out) throws IOException {
        this.printer = new CSVPrinter(out, FORMAT);
    }

    /** One row; null cells are written empty. */
    public void row(Object... cells) throws IOException {
        Object[] safe = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = neutralised(cells[i]);
        }
        printer.printRecord(safe);
    }

    /** The cell as written: a text that a spreadsheet would read as a formula gets a leading {@code '}. */
    static Object neutralised(Object cell) {
        if (cell == null || cell instanceof Number) {
            return cell == null ? "" : cell;
        }
        String text = cell.toString();
        if (text.isEmpty() || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
