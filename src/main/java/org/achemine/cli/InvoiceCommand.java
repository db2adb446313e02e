package org.achemine.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.achemine.report.InvoiceQueries;
import org.achemine.report.InvoiceQueries.InvoiceDetail;
import org.achemine.report.InvoiceQueries.InvoiceFilter;
import org.achemine.report.InvoiceQueries.InvoiceSummary;
import org.achemine.report.InvoiceQueries.RefusalDetail;
import org.achemine.report.InvoiceQueries.StatusChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invoice show ID} and {@code invoice list}: read-only views of invoices, for operators. */
@Command(name = "invoice", description = "Invoices: show one with its history and files, list them.",
        subcommands = {InvoiceCommand.ShowInvoice.class, InvoiceCommand.ListInvoices.class})
public class InvoiceCommand {

    @Command(name = "show", description = "One invoice: status, routing data, status history, files; or its refusal at integration.")
    static class ShowInvoice extends QueryCommand {

        @Parameters(index = "0", paramLabel = "ID", description = "The invoice id, <flowId>-<rank>.")
        String invoiceId;

        @Override
        protected int run(CommandQueries queries) {
            Optional<InvoiceDetail> found = queries.invoice(invoiceId);
            if (found.isPresent()) {
                print(found.get());
                return 0;
            }
            Optional<RefusalDetail> refused = queries.refusal(invoiceId);
            if (refused.isPresent()) {
                print(refused.get());
                return 0;
            }
            System.err.println("Facture inconnue : " + invoiceId);
            return 1;
        }

        /** A refusal at integration: no status and no history, as the invoice was never deposited. */
        private static void print(RefusalDetail refusal) {
            System.out.println("Facture " + refusal.invoiceId() + " : refusée à l'intégration");
            QueryOutput.field("numéro", refusal.invoiceNumber());
            QueryOutput.field("flux / rang", refusal.flowId() + " / " + refusal.rank());
            QueryOutput.field("fournisseur", refusal.supplierId());
            QueryOutput.field("destinataire", QueryOutput.orDash(refusal.buyerId()) + " (acheteur, non acheminée)");
            QueryOutput.field("statut", "aucun : refusée à l'intégration, jamais déposée (pas de 01)");
            QueryOutput.field("réforme", refusal.reformStatus() + " Rejetée, motif " + refusal.reformReason());
            QueryOutput.field("environnement", QueryOutput.environment(refusal.qualification()));
            QueryOutput.field("refusée le", QueryOutput.time(refusal.refusedAt()));
            QueryOutput.field("code service", refusal.serviceCode());
            QueryOutput.field("engagement", refusal.engagementNumber());
            QueryOutput.field("motif", refusal.refusalCode() + " : " + refusal.refusalMessage());
            System.out.println();
            System.out.println("Le fournisseur corrige la facture et la redépose, sous le même numéro s'il le souhaite :"
                    + " ce n'est pas un doublon d'une facture refusée.");
            System.out.println();
            System.out.println("Fichiers");
            QueryOutput.field("original archivé", refusal.archivePath());
            QueryOutput.field("compte rendu de dépôt", refusal.reportPath());
            QueryOutput.field("compte rendu d'intégration", refusal.integrationReportPath());
        }

        private static void print(InvoiceDetail invoice) {
            System.out.println("Facture " + invoice.invoiceId());
            QueryOutput.field("numéro", invoice.invoiceNumber());
            QueryOutput.field("flux / rang", invoice.flowId() + " / " + invoice.rank());
            QueryOutput.field("fournisseur", invoice.supplierId());
            QueryOutput.field("destinataire", invoice.recipientSiret() != null ? invoice.recipientSiret()
                    : QueryOutput.orDash(invoice.buyerId()) + " (acheteur, non acheminée)");
            QueryOutput.field("statut", QueryOutput.status(invoice.status()));
            QueryOutput.field("depuis", QueryOutput.time(invoice.statusChangedAt()));
            QueryOutput.field("environnement", QueryOutput.environment(invoice.qualification()));
            QueryOutput.field("code service", invoice.serviceCode());
            QueryOutput.field("engagement", invoice.engagementNumber());
            if (invoice.deliveryPath() == null) {
                QueryOutput.field("motif", invoice.reasonCode() == null ? null
                        : invoice.reasonCode() + " : " + invoice.reasonMessage());
            }
            System.out.println();
            System.out.println("Historique");
            System.out.printf("  %-4s %-24s %-24s %s %-7s %-10s %-32s %-29s %-26s %s%n", "seq", "enregistré (UTC)",
                    "déclaré (UTC)", QueryOutput.statusHeader("statut"), "réforme", "acteur", "motif",
                    "reçu dans (flux:ligne)", "signalé au fournisseur", "message");
            for (StatusChange change : invoice.history()) {
                System.out.printf("  %-4d %-24s %-24s %s %-7s %-10s %-32s %-29s %-26s %s%n", change.seq(),
                        QueryOutput.time(change.changedAt()),
                        change.declaredAt() == null ? "-" : QueryOutput.time(change.declaredAt()),
                        QueryOutput.statusCell(change.status()),
                        change.reformCode(), change.actor(), QueryOutput.orDash(change.reasonCode()),
                        QueryOutput.orDash(change.source()), QueryOutput.orDash(change.lifecycleReportId()),
                        QueryOutput.orDash(change.message()));
            }
            System.out.println();
            System.out.println("Fichiers");
            QueryOutput.field("original archivé", invoice.archivePath());
            QueryOutput.field("compte rendu de dépôt", invoice.reportPath());
            QueryOutput.field("compte rendu d'intégration", invoice.integrationReportPath());
            QueryOutput.field("facture livrée", invoice.deliveryPath());
        }
    }

    @Command(name = "list", description = "Invoices, most recently changed first; filters combine (AND).")
    static class ListInvoices extends QueryCommand {

        @Option(names = "--supplier", paramLabel = "ID", description = "Supplier id (BT-29).")
        String supplier;

        @Option(names = "--recipient", paramLabel = "SIRET", description = "Recipient SIRET (or buyer id before routing).")
        String recipient;

        @Option(names = "--status", paramLabel = "CODE", description = "Current status code, e.g. 03.")
        String status;

        @Option(names = "--refused", description = "Only the invoices refused at integration (reform 213).")
        boolean refused;

        @Option(names = "--since", paramLabel = "DATE", description = "Last status change on or after this UTC day (yyyy-MM-dd).")
        LocalDate since;

        @Option(names = "--waiting", description = "Only invoices still awaiting a status (not final; 10 Comptabilisée"
                + " counts as final at a structure that does not report 11 Mise en paiement).")
        boolean waiting;

        @Option(names = "--environment", paramLabel = "ENV",
                description = "Only production or only qualification invoices (default: both, each line says which).")
        String environment;

        @Option(names = "--limit", defaultValue = "" + InvoiceQueries.DEFAULT_LIMIT,
                description = "How many invoices at most (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        protected int run(CommandQueries queries) {
            List<InvoiceSummary> invoices = queries.list(new InvoiceFilter(supplier, recipient, status, since, limit,
                    waiting, refused, QueryOutput.environmentFilter(environment)));
            System.out.printf("%-32s %-20s %-16s %-16s %s %-24s %-16s %s%n", "facture", "numéro", "fournisseur",
                    "destinataire", QueryOutput.statusHeader("statut"), "dernier changement (UTC)", "attend un statut",
                    "environnement");
            for (InvoiceSummary invoice : invoices) {
                System.out.printf("%-32s %-20s %-16s %-16s %s %-24s %-16s %s%n", invoice.invoiceId(),
                        QueryOutput.orDash(invoice.invoiceNumber()), QueryOutput.orDash(invoice.supplierId()),
                        QueryOutput.orDash(invoice.recipient()), invoice.refusedAtIntegration()
                                ? QueryOutput.statusHeader(QueryOutput.refused(invoice.refusalCode()))
                                : QueryOutput.statusCell(invoice.status()),
                        QueryOutput.time(invoice.statusChangedAt()), invoice.awaitsStatus() ? "oui" : "non",
                        QueryOutput.environment(invoice.qualification()));
            }
            if (invoices.isEmpty()) {
                System.out.println("(aucune facture)");
            }
            return 0;
        }
    }
}
