package org.achemine.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.achemine.report.DepositReport;
import org.achemine.report.IntegrationReport;

/**
 * Every file in an {@code out/} is accounted for by the database: a deposit report (or a status flow's
 * report) by its reported flow, a CPPStatut deposit or integration report ({@code FSO…}/{@code CSO…}) likewise,
 * an integration report by the flow that recorded it, a delivered invoice by the invoice that recorded that very
 * file (a second file for the same invoice is a double delivery), a delivery again after a completion ({@code <invoiceId>_COMPLETEE[n]_...} and its {@code .statut.xml}
 * notice) by the invoice's n-th completion having been delivered, a delivery as the pivot
 * ({@code FEN0036A_<platform>_<IdFlx>.xml}) likewise through the invoice its flow id names, a daily summary by
 * its name. Our temporary
 * files are {@link NoTemporaryFiles}' business, lifecycle reports {@link LifecycleReportsExactlyOnce}'.
 */
final class OutboxFilesAccountedFor implements Invariant {

    static final String DEPOSIT_REPORTS = "CR de dépôt dans out/";
    static final String INTEGRATION_REPORTS = "CR d'intégration dans out/";
    static final String OFFICIAL_REPORTS = "CR au format CPPStatut dans out/ (dépôt et intégration)";
    static final String DELIVERED_FILES = "factures livrées dans out/ (fichiers)";
    static final String DELIVERED_AGAIN = "factures livrées à nouveau après complétion (fichiers et avis)";
    static final String SUMMARIES = "tableaux de bord quotidiens";
    static final String UNRECORDED = "fichiers publiés pas encore enregistrés en base";

    private static final String DEPOSIT_SUFFIX = ".cr.xml";
    private static final String INTEGRATION_SUFFIX = ".integration.xml";
    private static final Pattern INVOICE_ID = Pattern.compile("[A-Z0-9]{25}-[0-9]+");
    /** {@code <invoiceId>_COMPLETEE[n]_<name>}: the n-th delivery after a completion (n absent: the first). */
    private static final Pattern DELIVERED_AGAIN_NAME = Pattern.compile("[A-Z0-9]{25}-[0-9]+_COMPLETEE([0-9]*)_.*");
    /**
     * {@code FEN0036A_<platform>_<IdFlx>.xml} (and its {@code .statut.xml} notice): a delivery as the pivot;
     * the 15 digits of IdFlx are the flow's sequence, the rank on 3 digits and the completion count on 2
     * (org.achemine.delivery.pivot.PivotIds).
     */
    private static final Pattern PIVOT_NAME =
            Pattern.compile("FEN0036A_[A-Z0-9]{6}_([A-Z0-9]{6})0036([0-9]{10})([0-9]{3})([0-9]{2})(\\.statut)?\\.xml");
    /**
     * {@code FSO<nnnn>A_<platform>_<flowId>.xml} (deposit) or {@code CSO<nnnn>A_...} (integration): a flow's report
     * as CPPStatut (org.achemine.report.FlowStatutReports), beside the detailed one.
     */
    private static final Pattern OFFICIAL_REPORT =
            Pattern.compile("(FSO|CSO)([0-9]{4})A_[A-Z0-9]{3,8}_([A-Z0-9]{6}([0-9]{4})[0-9]{15})\\.xml");
    private static final Pattern SUMMARY = Pattern.compile("tableau-de-bord-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.csv");
    private static final Set<String> REPORTABLE_STAGES = Set.of("REPORT_READY", "REPORTED");

    private record FlowRow(String flowId, String partner, String name, String stage, String integrationReport) {
    }

    /** @param deliveries how many times it was made available (03): the first delivery, then one per completion */
    private record InvoiceRow(String invoiceId, String status, String recipient, String deliveryPath, int deliveries) {
    }

    @Override
    public String name() {
        return "every file in out/ accounted for";
    }

    @Override
    public void check(DataFolder data, VerificationReport.Builder report) throws IOException {
        report.count(DEPOSIT_REPORTS).count(INTEGRATION_REPORTS).count(OFFICIAL_REPORTS).count(DELIVERED_FILES).count(DELIVERED_AGAIN)
                .count(SUMMARIES);
        for (Path mailbox : data.mailboxFolders()) {
            String owner = mailbox.getFileName().toString();
            for (Path out : DataFolder.outboxes(mailbox)) {
                DataFolder.forEachFileBatch(out, name -> name.endsWith(DEPOSIT_SUFFIX) && !name.startsWith("."),
                        files -> reports(data, report, owner, files, false));
                DataFolder.forEachFileBatch(out, name -> name.endsWith(INTEGRATION_SUFFIX) && !name.startsWith("."),
                        files -> reports(data, report, owner, files, true));
                DataFolder.forEachFileBatch(out, name -> SUMMARY.matcher(name).matches(),
                        files -> files.forEach(summary -> report.add(SUMMARIES)));
                DataFolder.forEachFileBatch(out, name -> OFFICIAL_REPORT.matcher(name).matches(),
                        files -> officialReports(data, report, owner, files));
                DataFolder.forEachFileBatch(out, name -> !name.endsWith(DEPOSIT_SUFFIX) && !name.endsWith(INTEGRATION_SUFFIX)
                        && !LifecycleReportsExactlyOnce.isLifecycleReport(name) && !SUMMARY.matcher(name).matches()
                        && !OFFICIAL_REPORT.matcher(name).matches()
                        && !DataFolder.isOurTemporary(name), files -> deliveries(data, report, owner, files));
            }
        }
    }

    /** {@code <flowId>_<name>.INC-XXXXXXXX.cr.xml}: the answer of a flow parked after a broken check. */
    private static boolean isIncidentReport(String fileName, FlowRow flow) {
        String report = DepositReport.fileName(flow.flowId(), flow.name());
        String stem = report.substring(0, report.length() - DEPOSIT_SUFFIX.length());
        return fileName.startsWith(stem + ".INC-") && fileName.endsWith(DEPOSIT_SUFFIX)
                && fileName.length() == stem.length() + ".INC-XXXXXXXX".length() + DEPOSIT_SUFFIX.length();
    }

    private static void reports(DataFolder data, VerificationReport.Builder report, String partner, List<Path> files,
                                boolean integration) {
        Map<String, FlowRow> flows = data.rowsWithIds("""
                        SELECT flow_id, partner, original_name, stage, integration_report_path FROM flow
                        WHERE flow_id IN (:ids)""", files.stream().map(OutboxFilesAccountedFor::prefix).toList(),
                        (rs, i) -> new FlowRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)))
                .stream().collect(Collectors.toMap(FlowRow::flowId, Function.identity()));
        for (Path file : files) {
            String name = file.getFileName().toString();
            FlowRow flow = flows.get(prefix(file));
            boolean named = flow != null && flow.partner().equals(partner) && name.equals(integration
                    ? IntegrationReport.fileName(flow.flowId(), flow.name())
                    : DepositReport.fileName(flow.flowId(), flow.name()));
            if (!integration) {
                if (named && REPORTABLE_STAGES.contains(flow.stage())
                        || flow != null && flow.partner().equals(partner) && isIncidentReport(name, flow)) {
                    report.add(DEPOSIT_REPORTS);
                } else {
                    report.violation(ViolationCode.INV_CR_ORPHELIN, "fichier " + file
                            + " : aucun flux répondu de " + partner + " n'a ce compte rendu de dépôt");
                }
            } else if (!named) {
                report.violation(ViolationCode.INV_CR_INTEGRATION_ORPHELIN, "fichier " + file
                        + " : aucun flux de " + partner + " n'a ce compte rendu d'intégration");
            } else if (flow.integrationReport() == null) {
                // written, then recorded: a stop in between writes it again at the next routing run
                report.pending(UNRECORDED, ViolationCode.INV_CR_INTEGRATION_ORPHELIN, "fichier " + file
                        + " : compte rendu d'intégration publié mais pas enregistré sur le flux " + flow.flowId());
            } else {
                report.add(INTEGRATION_REPORTS);
            }
        }
    }

    /**
     * A CPPStatut deposit report stands for a flow of this partner that was answered; an integration one for a
     * flow whose integration report was written (published, then recorded: pending until the next routing run).
     */
    private static void officialReports(DataFolder data, VerificationReport.Builder report, String partner,
                                        List<Path> files) {
        Map<Path, Matcher> names = files.stream().collect(Collectors.toMap(Function.identity(), file -> {
            Matcher name = OFFICIAL_REPORT.matcher(file.getFileName().toString());
            name.matches();
            return name;
        }));
        Map<String, FlowRow> flows = data.rowsWithIds("""
                        SELECT flow_id, partner, original_name, stage, integration_report_path FROM flow
                        WHERE flow_id IN (:ids)""", names.values().stream().map(name -> name.group(3)).toList(),
                        (rs, i) -> new FlowRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)))
                .stream().collect(Collectors.toMap(FlowRow::flowId, Function.identity()));
        for (Path file : files) {
            Matcher name = names.get(file);
            FlowRow flow = flows.get(name.group(3));
            boolean integration = name.group(1).equals("CSO");
            if (flow == null || !flow.partner().equals(partner) || !name.group(2).equals(name.group(4))) {
                report.violation(integration ? ViolationCode.INV_CR_INTEGRATION_ORPHELIN : ViolationCode.INV_CR_ORPHELIN,
                        "fichier " + file + " : aucun flux de " + partner + " n'a ce compte rendu CPPStatut");
            } else if (!integration && !REPORTABLE_STAGES.contains(flow.stage())) {
                report.violation(ViolationCode.INV_CR_ORPHELIN, "fichier " + file + " : le flux " + flow.flowId()
                        + " n'est pas répondu (étape " + flow.stage() + ")");
            } else if (integration && flow.integrationReport() == null) {
                report.pending(UNRECORDED, ViolationCode.INV_CR_INTEGRATION_ORPHELIN, "fichier " + file
                        + " : compte rendu d'intégration publié mais pas enregistré sur le flux " + flow.flowId());
            } else {
                report.add(OFFICIAL_REPORTS);
            }
        }
    }

    private static void deliveries(DataFolder data, VerificationReport.Builder report, String recipient,
                                   List<Path> files) {
        Map<Path, String> invoiceIds = files.stream()
                .collect(Collectors.toMap(Function.identity(), file -> invoiceIdOf(data, file)));
        Map<String, InvoiceRow> invoices = data.rowsWithIds("""
                        SELECT i.invoice_id, i.status, i.recipient_siret, i.delivery_path,
                               (SELECT COUNT(*) FROM invoice_status_history h WHERE h.invoice_id = i.invoice_id
                                  AND h.status = '03')
                        FROM invoice i WHERE i.invoice_id IN (:ids)""",
                        invoiceIds.values().stream().distinct().toList(),
                        (rs, i) -> new InvoiceRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getInt(5)))
                .stream().collect(Collectors.toMap(InvoiceRow::invoiceId, Function.identity()));
        for (Path file : files) {
            String name = file.getFileName().toString();
            InvoiceRow invoice = invoices.get(invoiceIds.get(file));
            int completion = completion(name);
            if (invoice == null) {
                if (INVOICE_ID.matcher(invoiceIds.get(file)).matches()) {
                    report.violation(ViolationCode.INV_LIVRAISON_ORPHELINE, "fichier " + file
                            + " : la facture " + invoiceIds.get(file) + " n'existe pas");
                } else {
                    report.violation(ViolationCode.INV_FICHIER_INCONNU, "fichier " + file
                            + " : ni compte rendu ni facture livrée");
                }
            } else if (completion > 0) {
                deliveredAgain(report, file, invoice, completion);
            } else if (invoice.deliveryPath() == null) {
                if (invoice.status().equals("01") || invoice.status().equals("02")) {
                    // published, then recorded: the next routing run finds it and records it (exactly once)
                    report.pending(UNRECORDED, ViolationCode.INV_LIVRAISON_ORPHELINE, "fichier " + file
                            + " : facture " + invoice.invoiceId() + " publiée mais pas encore enregistrée comme livrée");
                } else {
                    report.violation(ViolationCode.INV_LIVRAISON_ORPHELINE, "fichier " + file + " : la facture "
                            + invoice.invoiceId() + " (statut " + invoice.status() + ") n'enregistre aucune livraison");
                }
            } else if (invoice.recipient() != null
                    && data.mailboxes().recipientOut(invoice.recipient()).getParent().getFileName().toString().equals(recipient)
                    && (Path.of(invoice.deliveryPath()).getFileName().toString().equals(name)
                        || invoice.deliveries() > 1)) { // delivered again since: delivery_path names the latest file
                report.add(DELIVERED_FILES);
            } else {
                report.violation(ViolationCode.INV_LIVRAISON_MULTIPLE, "fichier " + file + " : la facture "
                        + invoice.invoiceId() + " a déjà été livrée en " + invoice.deliveryPath());
            }
        }
    }

    /**
     * The n-th delivery after a completion (or its notice) stands for the (n + 1)-th 03 of the invoice's
     * history; the latest may be published before that 03 is committed (the status moves once the files are
     * there), which the next routing run completes.
     */
    private static void deliveredAgain(VerificationReport.Builder report, Path file, InvoiceRow invoice,
                                       int completion) {
        if (completion + 1 <= invoice.deliveries()) {
            report.add(DELIVERED_AGAIN);
        } else if (completion == invoice.deliveries() && invoice.status().equals("12")) {
            report.pending(UNRECORDED, ViolationCode.INV_LIVRAISON_ORPHELINE, "fichier " + file + " : facture "
                    + invoice.invoiceId() + " livrée à nouveau, pas encore enregistrée mise à disposition");
        } else {
            report.violation(ViolationCode.INV_LIVRAISON_ORPHELINE, "fichier " + file + " : la facture "
                    + invoice.invoiceId() + " (statut " + invoice.status() + ", " + invoice.deliveries()
                    + " mise(s) à disposition) n'a pas été complétée " + completion + " fois");
        }
    }

    /** Which completion a delivered file stands for: 0 for a first delivery (or a recycled invoice's). */
    private static int completion(String name) {
        Matcher again = DELIVERED_AGAIN_NAME.matcher(name);
        if (again.matches()) {
            return again.group(1).isEmpty() ? 1 : Integer.parseInt(again.group(1));
        }
        Matcher pivot = PIVOT_NAME.matcher(name);
        return pivot.matches() ? Integer.parseInt(pivot.group(4)) : 0;
    }

    /**
     * The invoice a delivered file belongs to: named in front of an original; for a pivot, the invoice whose
     * flow sequence and rank its flow id carries (the flow's interface number is not in it: looked up).
     */
    private static String invoiceIdOf(DataFolder data, Path file) {
        Matcher pivot = PIVOT_NAME.matcher(file.getFileName().toString());
        if (!pivot.matches()) {
            return prefix(file);
        }
        String pattern = pivot.group(1) + "____" + "0".repeat(5) + pivot.group(2) + "-" + Integer.parseInt(pivot.group(3));
        List<String> ids = data.jdbc().queryForList("SELECT invoice_id FROM invoice WHERE invoice_id LIKE ?",
                String.class, pattern);
        return ids.size() == 1 ? ids.get(0) : prefix(file);
    }

    /** {@code <flowId>_...} or {@code <invoiceId>_...}: the id before the first underscore. */
    private static String prefix(Path file) {
        String name = file.getFileName().toString();
        int underscore = name.indexOf('_');
        return underscore < 0 ? name : name.substring(0, underscore);
    }
}
