package org.achemine.validation.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.achemine.validation.Finding;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.Syntax;
import org.junit.jupiter.api.Test;

/**
 * NAT_DATE_EMISSION_FUTURE on fixed clocks: the deposit date is the platform clock's day in Paris, and the
 * issue date may be after it by the configured number of whole days, no more.
 */
class IssueDateRuleTest {

    private static final InvoiceTerms TERMS = new InvoiceTerms();
    /** 6 December 2026, 23:30 UTC: already 7 December in Paris. */
    private static final Clock LATE_EVENING_UTC = Clock.fixed(Instant.parse("2026-12-06T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void theDepositDateIsTheDayInParisNotInUtc() throws Exception {
        // given no tolerance and a deposit at 23:30 UTC, 00:30 the next day in Paris
        NationalCheck rules = new NationalCheck(TERMS, LATE_EVENING_UTC, Duration.ZERO);

        // then an invoice issued on the Paris day is accepted, one issued the day after is refused
        assertThat(codes(rules, "2026-12-07")).doesNotContain("NAT_DATE_EMISSION_FUTURE");
        assertThat(codes(rules, "2026-12-08")).contains("NAT_DATE_EMISSION_FUTURE");
        assertThat(codes(rules, "2026-11-02")).doesNotContain("NAT_DATE_EMISSION_FUTURE");
    }

    @Test
    void aToleranceOfOneDayAcceptsTheNextDayOnly() throws Exception {
        // given a day's tolerance (a supplier overseas is ahead of Paris)
        NationalCheck rules = new NationalCheck(TERMS, LATE_EVENING_UTC, Duration.ofDays(1));

        // then the next Paris day is accepted, the one after refused, with both dates in the message
        assertThat(codes(rules, "2026-12-08")).doesNotContain("NAT_DATE_EMISSION_FUTURE");
        List<Finding> refused = findings(rules, "2026-12-09");
        assertThat(refused).filteredOn(f -> f.code().equals("NAT_DATE_EMISSION_FUTURE")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("2026-12-09").contains("2026-12-07")
                        .contains("BT-2"));
    }

    @Test
    void readsTheCiiDateFormat() throws Exception {
        // given a CII invoice issued the day after the deposit, without tolerance
        NationalCheck rules = new NationalCheck(TERMS, LATE_EVENING_UTC, Duration.ZERO);
        String cii = Files.readString(Path.of("samples/national/ok-cii-invoice.xml"), StandardCharsets.UTF_8)
                .replace("format=\"102\">20261102<", "format=\"102\">20261208<");

        // then it is refused
        List<Finding> findings = rules.check(new ParsedInvoice(new InvoiceDocument("cii.xml",
                cii.getBytes(StandardCharsets.UTF_8)), Syntax.CII_D16B)).findings();
        assertThat(findings).extracting(Finding::code).contains("NAT_DATE_EMISSION_FUTURE");
    }

    private static List<String> codes(NationalCheck rules, String issueDate) throws Exception {
        return findings(rules, issueDate).stream().map(Finding::code).toList();
    }

    private static List<Finding> findings(NationalCheck rules, String issueDate) throws Exception {
        String ubl = Files.readString(Path.of("samples/national/ok-ubl-invoice.xml"), StandardCharsets.UTF_8)
                .replace("<cbc:IssueDate>2026-11-02<", "<cbc:IssueDate>" + issueDate + "<");
        return rules.check(new ParsedInvoice(new InvoiceDocument("ubl.xml", ubl.getBytes(StandardCharsets.UTF_8)),
                Syntax.UBL_INVOICE)).findings();
    }
}
