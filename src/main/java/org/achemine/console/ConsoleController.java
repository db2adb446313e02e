package org.achemine.console;

import java.io.IOException;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Optional;
import org.achemine.report.InvoiceQueries;
import org.achemine.report.InvoiceQueries.FlowDetail;
import org.achemine.report.InvoiceQueries.InvoiceDetail;
import org.achemine.report.ReportedFindings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The operator console's pages (French, server-rendered): they ask the same query services as the API and the
 * commands, and the operator's actions go through {@link OperatorActions}, confirmed then audited.
 */
@Controller
@ConditionalOnWebApplication
public class ConsoleController {

    private final InvoiceQueries queries;
    private final ConsoleQueries console;
    private final OperatorActions actions;
    private final ActionAudit audit;

    public ConsoleController(InvoiceQueries queries, ConsoleQueries console, OperatorActions actions,
                             ActionAudit audit) {
        this.queries = queries;
        this.console = console;
        this.actions = actions;
        this.audit = audit;
    }

    /** The logged-in user's name, in every page's header. */
    @ModelAttribute("user")
    public String user(Principal user) {
        return user == null ? null : user.getName();
    }

    @GetMapping("/login")
    public String login() {
        return "console/login";
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/console";
    }

    @GetMapping("/console")
    public String dashboard(Model model) {
        model.addAttribute("dashboard", console.today());
        return "console/dashboard";
    }

    @GetMapping("/console/search")
    public String search(@RequestParam(defaultValue = "") String q, Model model) {
        if (!q.isBlank()) {
            model.addAttribute("results", console.search(q));
        }
        model.addAttribute("q", q);
        return "console/search";
    }

    @GetMapping("/console/invoices/{invoiceId}")
    public String invoice(@PathVariable String invoiceId, Model model) {
        Optional<InvoiceDetail> invoice = queries.invoice(invoiceId);
        if (invoice.isPresent()) {
            model.addAttribute("invoice", invoice.get());
        } else {
            model.addAttribute("refusal", found(queries.refusal(invoiceId)));
        }
        return "console/invoice";
    }

    @GetMapping("/console/flows/{flowId}")
    public String flow(@PathVariable String flowId, Model model) throws IOException {
        FlowDetail flow = found(queries.flow(flowId));
        model.addAttribute("flow", flow);
        model.addAttribute("findings", ReportedFindings.read(flow.reportPath() == null ? null : Path.of(flow.reportPath())));
        return "console/flow";
    }

    @GetMapping("/console/actions")
    public String actions(Model model) {
        model.addAttribute("parked", queries.parkedFlows());
        model.addAttribute("audit", audit.recent(50));
        model.addAttribute("jobActions", new OperatorAction[] {OperatorAction.RUN_ROUTING, OperatorAction.RUN_NIGHTLY});
        return "console/actions";
    }

    /** The confirmation page of an action: what it will do, and the one button that does it. */
    @GetMapping("/console/actions/{action}")
    public String confirm(@PathVariable String action, @RequestParam(required = false) String flow, Model model) {
        model.addAttribute("action", operatorAction(action));
        model.addAttribute("flow", flow);
        return "console/confirm";
    }

    @PostMapping("/console/actions/{action}")
    public String act(@PathVariable String action, @RequestParam(required = false) String flow, Principal operator,
                      RedirectAttributes redirect) {
        String outcome = switch (operatorAction(action)) {
            case RETRY_PARKED -> actions.retryParked(operator.getName(), required(flow));
            case RETRY_ALL_PARKED -> actions.retryParked(operator.getName(), null);
            case RUN_ROUTING -> actions.runRouting(operator.getName());
            case RUN_NIGHTLY -> actions.runNightly(operator.getName());
            case IMPORT_DIRECTORY -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        };
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:/console/actions";
    }

    @PostMapping(path = "/console/actions/import-directory", consumes = "multipart/form-data")
    public String importDirectory(@RequestParam MultipartFile structures, @RequestParam MultipartFile services,
                                  Principal operator, RedirectAttributes redirect) throws IOException {
        if (structures.isEmpty() || services.isEmpty()) {
            redirect.addFlashAttribute("outcome", "Choisissez les deux fichiers : structures et services.");
            return "redirect:/console/actions/import-directory";
        }
        redirect.addFlashAttribute("outcome",
                actions.importDirectory(operator.getName(), structures.getBytes(), services.getBytes()));
        return "redirect:/console/actions";
    }

    private static OperatorAction operatorAction(String path) {
        try {
            return OperatorAction.ofPath(path);
        } catch (IllegalArgumentException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static String required(String flow) {
        if (flow == null || flow.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return flow;
    }

    private static <T> T found(Optional<T> value) {
        return value.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
