package org.achemine.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.achemine.chorus.StatusCodeText;
import org.achemine.xml.HardenedXml;

/**
 * Every status change appears exactly once in the supplier's lifecycle reports: each history row is marked
 * with one lifecycle report (the database cannot mark it twice); each report recorded WRITTEN is published
 * (journaled; the supplier may have taken it) and, while still in its partner's {@code out/}, lists exactly
 * the changes marked with it, in order (so no change is missing from
 * its file, and none appears in a second file); each lifecycle report file in an {@code out/} is recorded.
 * Changes not yet reported, and reports READY (committed, not yet renamed), are pending.
 */
final class LifecycleReportsExactlyOnce implements Invariant {

    /** {@code FEN1200A_<platform>_<reportId>.xml}: a lifecycle report as CPPStatut (LifecycleReports.fileName). */
    private static final Pattern FILE_NAME = Pattern.compile("FEN1200A_[A-Z0-9]{3,8}_([A-Z0-9]{25})\\.xml");
    static final String CHANGES = "changements de statut";
    static final String CHANGES_REPORTED = "changements signalés au fournisseur";
    static final String CHANGES_PENDING = "changements pas encore signalés";
    static final String REPORTS = "rapports de cycle de vie";


    private record ReportRow(String reportId, String partner, String filePath, String stage) {
    }

    /** One change as a file lists it, or as the database records it: invoice and status. */
    private record Listed(String invoiceId, String status) {
    }

    @Override
    public String name() {
        return "every status change in exactly one lifecycle report";
    }

    @Override
    public void check(DataFolder data, VerificationReport.Builder report) throws IOException {
        report.count(CHANGES).count(CHANGES_REPORTED).count(CHANGES_PENDING).count(REPORTS);
        long changes = data.jdbc().queryForObject("SELECT COUNT(*) FROM invoice_status_history", Long.class);
        long unreported = data.jdbc().queryForObject(
                "SELECT COUNT(*) FROM invoice_status_history WHERE lifecycle_report_id IS NULL", Long.class);
        report.add(CHANGES, changes).add(CHANGES_REPORTED, changes - unreported);
        if (unreported > 0) {
            // counted in full (pending() counts one), one violation line however many (the count says how many)
            report.add(CHANGES_PENDING, unreported - 1).pending(CHANGES_PENDING,
                    ViolationCode.INV_CHANGEMENT_NON_SIGNALE, unreported + " changement(s) de statut, dont celui de "
                            + firstUnreported(data) + ", ne figurent encore dans aucun rapport de cycle de vie");
        }
        data.forEachRow("""
                SELECT report_id, partner, file_path, stage FROM lifecycle_report
                WHERE report_id > ? ORDER BY report_id LIMIT ?""",
                (rs, i) -> new ReportRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                ReportRow::reportId,
                DataFolder.reading(row -> check(data, report, row)));
        for (Path mailbox : data.mailboxFolders()) {
            DataFolder.forEachFileBatch(mailbox.resolve("out"), LifecycleReportsExactlyOnce::isLifecycleReport,
                    files -> recorded(data, report, mailbox.getFileName().toString(), files));
        }
    }

    static boolean isLifecycleReport(String fileName) {
        return FILE_NAME.matcher(fileName).matches();
    }

    private static String firstUnreported(DataFolder data) {
        return data.jdbc().queryForObject("SELECT invoice_id || ' (' || status || ')' FROM invoice_status_history"
                + " WHERE lifecycle_report_id IS NULL ORDER BY change_no FETCH FIRST 1 ROWS ONLY", String.class);
    }

    private static void check(DataFolder data, VerificationReport.Builder report, ReportRow row) throws IOException {
        Path file = data.inOutbox(row.partner(), row.filePath());
        String which = "rapport de cycle de vie " + row.reportId() + " (" + row.partner() + ")";
        if (!"WRITTEN".equals(row.stage())) {
            report.pending(REPORTS, ViolationCode.INV_RAPPORT_CYCLE_ABSENT,
                    which + " : enregistré mais pas encore publié (étape " + row.stage() + ")");
            return;
        }
        report.add(REPORTS);
        if (data.journaled(file.getParent(), row.filePath()) != DataFolder.Journaled.PUBLISHED) {
            report.violation(ViolationCode.INV_RAPPORT_CYCLE_ABSENT, which + " : jamais publié (absent du journal"
                    + " des publications : " + file + ")");
            return;
        }
        if (!Files.isRegularFile(file)) {
            return; // published, and taken by the supplier since: nothing left to read
        }
        // a file names an invoice by its number (IdFacture), as Chorus does; our id where it has none
        List<Listed> recorded = data.jdbc().query("SELECT COALESCE(i.invoice_number, h.invoice_id), h.status"
                        + " FROM invoice_status_history h JOIN invoice i ON i.invoice_id = h.invoice_id"
                        + " WHERE h.lifecycle_report_id = ? ORDER BY h.change_no",
                (rs, i) -> new Listed(rs.getString(1), rs.getString(2)), row.reportId());
        List<Listed> listed = listed(file);
        if (!listed.equals(recorded)) {
            report.violation(ViolationCode.INV_RAPPORT_CYCLE_INCOHERENT, which + " : " + file + " liste "
                    + listed.size() + " changement(s), la base en marque " + recorded.size() + " pour lui"
                    + firstDifference(listed, recorded));
        }
    }

    private static String firstDifference(List<Listed> listed, List<Listed> recorded) {
        for (int i = 0; i < Math.min(listed.size(), recorded.size()); i++) {
            if (!listed.get(i).equals(recorded.get(i))) {
                return " ; entrée " + (i + 1) + " : " + listed.get(i) + " au lieu de " + recorded.get(i);
            }
        }
        return "";
    }

    /** The changes a lifecycle report lists, read as a stream with the hardened parser. */
    private static List<Listed> listed(Path file) throws IOException {
        List<Listed> listed = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = HardenedXml.xmlInputFactory().createXMLStreamReader(in);
            try {
                String invoiceId = null;
                String status = null;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        switch (reader.getLocalName()) {
                            // nonNegativeInteger in the schema: 3 is 03 (we write 03, a reader accepts both)
                            case "IdStatut" -> status = StatusCodeText.parse(reader.getElementText());
                            case "IdFacture" -> invoiceId = reader.getElementText();
                            default -> {
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT
                            && reader.getLocalName().equals("CPPFactureStatutUnitaire")) {
                        listed.add(new Listed(invoiceId, status));
                        invoiceId = null;
                        status = null;
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("Unreadable lifecycle report " + file + ": " + e.getMessage(), e);
        }
        return listed;
    }

    /** Each lifecycle report file in {@code out/} has its row, for that partner and that file. */
    private static void recorded(DataFolder data, VerificationReport.Builder report, String owner, List<Path> files) {
        List<String> ids = files.stream().map(f -> f.getFileName().toString())
                .map(name -> {
                    Matcher id = FILE_NAME.matcher(name);
                    return id.matches() ? id.group(1) : name;
                }).toList();
        Set<String> known = data.rowsWithIds("SELECT report_id, partner FROM lifecycle_report WHERE report_id IN (:ids)",
                ids, (rs, i) -> owner.equals(rs.getString(2)) ? rs.getString(1) : null).stream()
                .filter(Objects::nonNull).collect(Collectors.toSet());
        for (int i = 0; i < files.size(); i++) {
            if (!known.contains(ids.get(i))) {
                report.violation(ViolationCode.INV_RAPPORT_CYCLE_ORPHELIN, "fichier " + files.get(i)
                        + " : aucun rapport de cycle de vie de " + owner + " n'a ce nom");
            }
        }
    }
}
