package org.achemine.lifecycle.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.publication.PublicationKind;
import org.achemine.report.AwaitedStatus;
import org.achemine.report.SpreadsheetCsv;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The daily dashboard (the portal's « tableau de bord ») as a CSV file: one per recipient SIRET, in its
 * mailbox's {@code out/}, and one per supplier partner, in its {@code out/}, named
 * {@code tableau-de-bord-YYYY-MM-DD.csv}. It counts the invoices and sums their amounts (BT-112) by status
 * and currency, then lists the invoices waiting longest for a status ({@link AwaitedStatus}). A snapshot: each
 * run journals and publishes a new version (a second run the same day replaces the file, or sends it again
 * if the partner took it).
 */
public class DailySummaries {

    static final String[] HEADER = {"rubrique", "statut", "libelle", "nombre", "montant_ttc", "devise", "id_facture",
        "numero_facture", "fournisseur", "destinataire", "statut_depuis_utc", "jours"};

    private final JdbcTemplate jdbc;
    private final Mailboxes mailboxes;
    private final int waiting;
    private final ZoneId zone;
    private final Clock clock;
    private final PublicationJournal publications;

    public DailySummaries(JdbcTemplate jdbc, Mailboxes mailboxes, int waiting, ZoneId zone, Clock clock,
                          PublicationJournal publications) {
        this.publications = publications;
        this.jdbc = jdbc;
        this.mailboxes = mailboxes;
        this.waiting = waiting;
        this.zone = zone;
        this.clock = clock;
    }

    /** What a run wrote. */
    public record RunSummary(int recipients, int suppliers) {
        public int files() {
            return recipients + suppliers;
        }
    }

    /** Whose invoices a summary covers: a recipient's (by SIRET) or a supplier partner's. */
    enum Audience {
        RECIPIENT("i.recipient_siret = ?"),
        SUPPLIER("f.partner = ? AND i.qualification = FALSE"); // qualification invoices are no production figures

        private final String filter;

        Audience(String filter) {
            this.filter = filter;
        }
    }

    public RunSummary writeAll() throws IOException {
        Instant now = clock.instant();
        List<String> recipients = jdbc.queryForList(
                "SELECT DISTINCT recipient_siret FROM invoice WHERE recipient_siret IS NOT NULL ORDER BY 1", String.class);
        for (String siret : recipients) {
            write(Audience.RECIPIENT, siret, now);
        }
        List<String> suppliers = jdbc.queryForList(
                "SELECT DISTINCT f.partner FROM invoice i JOIN flow f ON f.flow_id = i.flow_id"
                        + " WHERE i.qualification = FALSE ORDER BY 1", String.class);
        for (String partner : suppliers) {
            write(Audience.SUPPLIER, partner, now);
        }
        return new RunSummary(recipients.size(), suppliers.size());
    }

    /** {@code tableau-de-bord-YYYY-MM-DD.csv}, the day in the configured zone. */
    public String fileName(Instant at) {
        return "tableau-de-bord-" + LocalDate.ofInstant(at, zone) + ".csv";
    }

    Path write(Audience audience, String key, Instant now) throws IOException {
        Path outbox = audience == Audience.RECIPIENT ? mailboxes.recipientOut(key) : mailboxes.out(key);
        Path target = outbox.resolve(fileName(now));
        return publications.publishVersion(PublicationKind.DAILY_SUMMARY, key, target,
                csv(audience, key, now).getBytes(StandardCharsets.UTF_8));
    }

    String csv(Audience audience, String key, Instant now) throws IOException {
        StringWriter text = new StringWriter();
        try (SpreadsheetCsv csv = new SpreadsheetCsv(text)) {
            csv.row((Object[]) HEADER);
            String from = " FROM invoice i JOIN flow f ON f.flow_id = i.flow_id"
                    + " JOIN flow_document d ON d.flow_id = i.flow_id AND d.doc_rank = i.doc_rank WHERE " + audience.filter;
            jdbc.query("SELECT i.status, d.currency, COUNT(*), SUM(d.total_with_vat)" + from
                    + " GROUP BY i.status, d.currency ORDER BY i.status, d.currency", rs -> {
                        try {
                            InvoiceStatus status = InvoiceStatus.ofCode(rs.getString(1));
                            csv.row("STATUT", status.code(), status.label(), rs.getLong(3), amount(rs.getBigDecimal(4)),
                                    rs.getString(2), "", "", "", "", "", "");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, key);
            jdbc.query("SELECT i.status, d.total_with_vat, d.currency, i.invoice_id, i.invoice_number, i.supplier_id,"
                    + " COALESCE(i.recipient_siret, i.buyer_id), i.status_changed_at" + from
                    + " AND " + AwaitedStatus.awaitedBy("i")
                    + " ORDER BY i.status_changed_at, i.invoice_id FETCH FIRST " + waiting + " ROWS ONLY", rs -> {
                        try {
                            InvoiceStatus status = InvoiceStatus.ofCode(rs.getString(1));
                            Instant since = rs.getTimestamp(8).toInstant();
                            csv.row("ATTENTE", status.code(), status.label(), "", amount(rs.getBigDecimal(2)),
                                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                    since.toString(), Math.max(0, Duration.between(since, now).toDays()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, key);
        }
        return text.toString();
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
