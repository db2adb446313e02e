package org.achemine.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.achemine.intake.FlowRegistry;
import org.achemine.report.InvoiceQueries.FlowDetail;
import org.achemine.report.InvoiceQueries.FlowDocument;
import org.achemine.report.InvoiceQueries.FlowFilter;
import org.achemine.report.InvoiceQueries.FlowSummary;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flow show FLOWID}: a received flow, its verdict, reports and documents, for operators;
 * {@code flow retry FLOWID | --all-parked}: hands flows parked after a broken check back to intake.
 */
@Command(name = "flow", description = "Flows: list them, show one with its reports and documents; retry parked ones.",
        subcommands = {FlowCommand.ListFlows.class, FlowCommand.ShowFlow.class, FlowCommand.RetryParked.class})
public class FlowCommand {

    @Command(name = "list", description = "Flows received, newest first; filters combine (AND).")
    static class ListFlows extends QueryCommand {

        @Option(names = "--partner", paramLabel = "CODE", description = "Sending partner, e.g. FOU001.")
        String partner;

        @Option(names = "--state", paramLabel = "STATE", description = "IN_INTEGRE, IN_INTEGRE_PARTIEL or IN_REJETE.")
        String state;

        @Option(names = "--since", paramLabel = "DATE", description = "Received on or after this UTC day (yyyy-MM-dd).")
        LocalDate since;

        @Option(names = "--environment", paramLabel = "ENV",
                description = "Only production or only qualification flows (default: both, each line says which).")
        String environment;

        @Option(names = "--limit", defaultValue = "50", description = "How many flows at most (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        protected int run(CommandQueries queries) {
            List<FlowSummary> flows = queries.flows(new FlowFilter(partner, state, null, since, 0, limit,
                    QueryOutput.environmentFilter(environment)));
            System.out.printf("%-26s %-8s %-24s %-20s %-10s %-16s %s%n", "flux", "partenaire", "reçu le (UTC)", "état",
                    "étape", "environnement", "nom d'origine");
            for (FlowSummary flow : flows) {
                System.out.printf("%-26s %-8s %-24s %-20s %-10s %-16s %s%n", flow.flowId(), flow.partner(),
                        QueryOutput.time(flow.receivedAt()), QueryOutput.orDash(flow.flowState()), flow.stage(),
                        QueryOutput.environment(flow.qualification()), flow.originalName());
            }
            if (flows.isEmpty()) {
                System.out.println("(aucun flux)");
            }
            return 0;
        }
    }

    @Command(name = "retry", description = "Hands flows parked after a broken check (incident) back to intake:"
            + " the engine validates and answers them again at its next start. Run it with the engine stopped.")
    static class RetryParked extends OneShotCommand {

        @Parameters(index = "0", arity = "0..1", paramLabel = "FLOWID", description = "The parked flow to retry.")
        String flowId;

        @Option(names = "--all-parked", description = "Retry every parked flow.")
        boolean allParked;

        @Override
        protected int run(ConfigurableApplicationContext context) {
            if ((flowId == null) == !allParked) {
                System.err.println("Donnez un identifiant de flux, ou --all-parked (pas les deux).");
                return 2;
            }
            List<String> retried = context.getBean(FlowRegistry.class).retryParked(allParked ? null : flowId);
            if (retried.isEmpty()) {
                System.err.println(allParked ? "Aucun flux en attente après incident."
                        : "Le flux " + flowId + " n'est pas en attente après incident (voir : flow show " + flowId + ").");
                return 1;
            }
            retried.forEach(id -> System.out.println("Flux " + id + " remis en traitement"));
            System.out.println(retried.size() + " flux remis en traitement : le moteur les valide et y répond"
                    + " à son prochain démarrage (achemine run).");
            return 0;
        }
    }

    @Command(name = "show", description = "One flow: reception, verdict, reports, documents and their invoices.")
    static class ShowFlow extends QueryCommand {

        @Parameters(index = "0", paramLabel = "FLOWID", description = "The flow id, e.g. ACH0011100000000000000042.")
        String flowId;

        @Override
        protected int run(CommandQueries queries) {
            Optional<FlowDetail> found = queries.flow(flowId);
            if (found.isEmpty()) {
                System.err.println("Flux inconnu : " + flowId);
                return 1;
            }
            print(found.get());
            return 0;
        }

        private static void print(FlowDetail flow) {
            System.out.println("Flux " + flow.flowId());
            QueryOutput.field("partenaire", flow.partner());
            QueryOutput.field("nom d'origine", flow.originalName());
            QueryOutput.field("taille (octets)", flow.sizeBytes());
            QueryOutput.field("SHA-256", flow.sha256() == null ? "(non calculé : refusé sans être lu)" : flow.sha256());
            QueryOutput.field("reçu le (UTC)", QueryOutput.time(flow.receivedAt()));
            // an AS2 flow's session is the Message-ID of the message that brought it
            QueryOutput.field("arrivé par", flow.channel() + (flow.channelSession() == null ? ""
                    : ("as2".equals(flow.channel()) ? " (message " : " (session ") + flow.channelSession() + ")"));
            QueryOutput.field("environnement", QueryOutput.environment(flow.qualification()));
            QueryOutput.field("étape", flow.stage());
            QueryOutput.field("état", flow.flowState() == null ? null : flow.flowState() + " (" + flow.statusCode() + ")");
            QueryOutput.field("syntaxe / interface", QueryOutput.orDash(flow.syntax()) + " / "
                    + QueryOutput.orDash(flow.interfaceCode()));
            QueryOutput.field("original archivé", flow.archivePath());
            QueryOutput.field("compte rendu de dépôt", flow.reportPath());
            QueryOutput.field("compte rendu d'intégration", flow.integrationReportPath());
            System.out.println();
            System.out.println("Documents");
            System.out.printf("  %-4s %-40s %-9s %-20s %-32s %-32s %s%n", "rang", "entrée", "décision", "numéro",
                    "codes bloquants", "facture", "statut");
            for (FlowDocument document : flow.documents()) {
                System.out.printf("  %-4d %-40s %-9s %-20s %-32s %-32s %s%n", document.rank(), document.entryName(),
                        document.decision(), QueryOutput.orDash(document.invoiceNumber()),
                        QueryOutput.orDash(document.fatalCodes()), QueryOutput.orDash(document.invoiceId()),
                        document.refusalCode() != null ? QueryOutput.refused(document.refusalCode())
                                : QueryOutput.status(document.invoiceStatus()));
            }
            if (flow.documents().isEmpty()) {
                System.out.println("  (aucun document)");
            }
        }
    }
}
