package org.achemine.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.achemine.report.DepositReport;
import org.achemine.report.IntegrationReport;

/**
 * Every file in an {@code out/} is accounted for by the database: a deposit report by its reported flow,
 * an integration report by the flow that recorded it, a delivered invoice by the invoice that recorded
 * that very file (a second file for the same invoice is a double delivery). Our temporary files are
 * {@link NoTemporaryFiles}' business.
 */
final class OutboxFilesAccountedFor implements Invariant {

    static final String DEPOSIT_REPORTS = "CR de dépôt dans out/";
    static final String INTEGRATION_REPORTS = "CR d'intégration dans out/";
    static final String DELIVERED_FILES = "factures livrées dans out/ (fichiers)";
    static final String UNRECORDED = "fichiers publiés pas encore enregistrés en base";

    private static final String DEPOSIT_SUFFIX = ".cr.xml";
    private static final String INTEGRATION_SUFFIX = ".integration.xml";
    private static final Pattern INVOICE_ID = Pattern.compile("[A-Z0-9]{25}-[0-9]+");
    private static final Set<String> REPORTABLE_STAGES = Set.of("REPORT_READY", "REPORTED");

    private record FlowRow(String flowId, String partner, String name, String stage, String integrationReport) {
    }

    private record InvoiceRow(String invoiceId, String status, String recipient, String deliveryPath) {
    }

    @Override
    public String name() {
        return "every file in out/ accounted for";
    }

    @Override
    public void check(DataFolder data, VerificationReport.Builder report) throws IOException {
        report.count(DEPOSIT_REPORTS).count(INTEGRATION_REPORTS).count(DELIVERED_FILES);
        for (Path mailbox : data.mailboxFolders()) {
            String owner = mailbox.getFileName().toString();
            Path out = mailbox.resolve("out");
            DataFolder.forEachFileBatch(out, name -> name.endsWith(DEPOSIT_SUFFIX) && !name.startsWith("."),
                    files -> reports(data, report, owner, files, false));
            DataFolder.forEachFileBatch(out, name -> name.endsWith(INTEGRATION_SUFFIX) && !name.startsWith("."),
                    files -> reports(data, report, owner, files, true));
            DataFolder.forEachFileBatch(out, name -> !name.endsWith(DEPOSIT_SUFFIX) && !name.endsWith(INTEGRATION_SUFFIX)
                    && !DataFolder.isOurTemporary(name), files -> deliveries(data, report, owner, files));
        }
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
                if (named && REPORTABLE_STAGES.contains(flow.stage())) {
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

    private static void deliveries(DataFolder data, VerificationReport.Builder report, String recipient,
                                   List<Path> files) {
        Map<String, InvoiceRow> invoices = data.rowsWithIds("""
                        SELECT invoice_id, status, recipient_siret, delivery_path FROM invoice
                        WHERE invoice_id IN (:ids)""", files.stream().map(OutboxFilesAccountedFor::prefix).toList(),
                        (rs, i) -> new InvoiceRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .stream().collect(Collectors.toMap(InvoiceRow::invoiceId, Function.identity()));
        for (Path file : files) {
            String name = file.getFileName().toString();
            InvoiceRow invoice = invoices.get(prefix(file));
            if (invoice == null) {
                if (INVOICE_ID.matcher(prefix(file)).matches()) {
                    report.violation(ViolationCode.INV_LIVRAISON_ORPHELINE, "fichier " + file
                            + " : la facture " + prefix(file) + " n'existe pas");
                } else {
                    report.violation(ViolationCode.INV_FICHIER_INCONNU, "fichier " + file
                            + " : ni compte rendu ni facture livrée");
                }
            } else if (invoice.deliveryPath() == null) {
                if (invoice.status().equals("01") || invoice.status().equals("02")) {
                    // published, then recorded: the next routing run finds it and records it (exactly once)
                    report.pending(UNRECORDED, ViolationCode.INV_LIVRAISON_ORPHELINE, "fichier " + file
                            + " : facture " + invoice.invoiceId() + " publiée mais pas encore enregistrée comme livrée");
                } else {
                    report.violation(ViolationCode.INV_LIVRAISON_ORPHELINE, "fichier " + file + " : la facture "
                            + invoice.invoiceId() + " (statut " + invoice.status() + ") n'enregistre aucune livraison");
                }
            } else if (recipient.equals(invoice.recipient())
                    && Path.of(invoice.deliveryPath()).getFileName().toString().equals(name)) {
                report.add(DELIVERED_FILES);
            } else {
                report.violation(ViolationCode.INV_LIVRAISON_MULTIPLE, "fichier " + file + " : la facture "
                        + invoice.invoiceId() + " a déjà été livrée en " + invoice.deliveryPath());
            }
        }
    }

    /** {@code <flowId>_...} or {@code <invoiceId>_...}: the id before the first underscore. */
    private static String prefix(Path file) {
        String name = file.getFileName().toString();
        int underscore = name.indexOf('_');
        return underscore < 0 ? name : name.substring(0, underscore);
    }
}
