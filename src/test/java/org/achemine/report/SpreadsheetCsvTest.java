package org.achemine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** OWASP's CSV injection: a cell a spreadsheet would run as a formula is written as text. */
class SpreadsheetCsvTest {

    @Test
    void neutralisesEveryCellThatStartsLikeAFormulaAndLeavesNumbersAndTextAlone() throws Exception {
        StringWriter out = new StringWriter();
        try (SpreadsheetCsv csv = new SpreadsheetCsv(out)) {
            csv.row("=cmd|'/C calc'!A0", "+33 1 23", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "FA-2026-001", "-162.00",
                    new BigDecimal("-162.00"), 42, null, "");
        }

        CSVRecord written = CSVParser.parse(out.toString(), CSVFormat.DEFAULT.builder().setDelimiter(';').get())
                .getRecords().get(0);
        assertThat(written.values()).containsExactly("'=cmd|'/C calc'!A0", "'+33 1 23", "'-2+3", "'@SUM(A1)", "'\tTAB",
                "'\rCR", "FA-2026-001", "-162.00", "-162.00", "42", "", "");
    }
}
