package org.achemine.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.achemine.batch.JobHistory.JobRun;
import org.achemine.batch.JobHistory;
import org.achemine.directory.PublicService;
import org.achemine.directory.PublicStructure;
import org.achemine.directory.PublicStructureDirectory;
import org.achemine.partner.PartnerRegistry;
import org.achemine.partner.RegisteredPartner;
import org.achemine.qualification.Environment;
import org.achemine.qualification.EnvironmentCountQueries;
import org.achemine.qualification.EnvironmentCounts;
import org.achemine.report.InvoiceQueries.FlowDetail;
import org.achemine.report.InvoiceQueries.FlowFilter;
import org.achemine.report.InvoiceQueries.FlowSummary;
import org.achemine.report.InvoiceQueries.InvoiceDetail;
import org.achemine.report.InvoiceQueries.InvoiceFilter;
import org.achemine.report.InvoiceQueries.InvoiceSummary;
import org.achemine.report.InvoiceQueries.RefusalDetail;
import org.achemine.report.InvoiceQueries;
import org.achemine.report.ReportedFindings.ReportedFinding;
import org.achemine.report.ReportedFindings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The read API of the running engine (docs/api.md): JSON of our own query records, files where the database
 * recorded them. Read-only: the operator's actions are the console's, behind their confirmation and audit.
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping(ApiPaths.V1)
public class ReadApiController {

    /** The largest page or list a request gets, whatever it asks. */
    static final int MAX_PAGE = 500;

    private final InvoiceQueries queries;
    private final JobHistory jobs;
    private final PublicStructureDirectory directory;
    private final PartnerRegistry partners;
    private final EnvironmentCountQueries counts;

    public ReadApiController(InvoiceQueries queries, JobHistory jobs, PublicStructureDirectory directory,
                             PartnerRegistry partners, JdbcTemplate jdbc) {
        this.counts = new EnvironmentCountQueries(jdbc);
        this.queries = queries;
        this.jobs = jobs;
        this.directory = directory;
        this.partners = partners;
    }

    @GetMapping("/flows")
    public List<FlowSummary> flows(@RequestParam(required = false) String partner,
                                   @RequestParam(required = false) String state,
                                   @RequestParam(required = false) String stage,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size,
                                   @RequestParam(required = false) String environment) {
        return queries.flows(new FlowFilter(partner, state, stage, since, Math.max(page, 0), bounded(size),
                environment(environment)));
    }

    @GetMapping("/flows/parked")
    public List<FlowSummary> parkedFlows() {
        return queries.parkedFlows();
    }

    @GetMapping("/flows/{flowId}")
    public FlowWithFindings flow(@PathVariable String flowId) throws IOException {
        FlowDetail flow = found(queries.flow(flowId));
        return new FlowWithFindings(flow,
                ReportedFindings.read(flow.reportPath() == null ? null : Path.of(flow.reportPath())));
    }

    @GetMapping("/flows/{flowId}/original")
    public ResponseEntity<FileSystemResource> original(@PathVariable String flowId) {
        return RecordedFiles.download(queries.flow(flowId).map(FlowDetail::archivePath),
                MediaType.APPLICATION_OCTET_STREAM);
    }

    @GetMapping("/flows/{flowId}/report")
    public ResponseEntity<FileSystemResource> depositReport(@PathVariable String flowId) {
        return RecordedFiles.download(queries.flow(flowId).map(FlowDetail::reportPath), MediaType.APPLICATION_XML);
    }

    @GetMapping("/flows/{flowId}/integration-report")
    public ResponseEntity<FileSystemResource> integrationReport(@PathVariable String flowId) {
        return RecordedFiles.download(queries.flow(flowId).map(FlowDetail::integrationReportPath),
                MediaType.APPLICATION_XML);
    }

    @GetMapping("/invoices")
    public List<InvoiceSummary> invoices(@RequestParam(required = false) String supplier,
                                         @RequestParam(required = false) String recipient,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
                                         @RequestParam(defaultValue = "false") boolean waiting,
                                         @RequestParam(defaultValue = "false") boolean refused,
                                         @RequestParam(defaultValue = "" + InvoiceQueries.DEFAULT_LIMIT) int limit,
                                         @RequestParam(required = false) String environment) {
        return queries.list(new InvoiceFilter(supplier, recipient, status, since, bounded(limit), waiting, refused,
                environment(environment)));
    }

    /** Production's figures and qualification's, side by side and never added together (ADR 0025). */
    @GetMapping("/counts")
    public List<EnvironmentCounts> counts() {
        return Arrays.stream(Environment.values()).map(counts::of).toList();
    }

    /** An invoice with its full history (recorded and declared times); 404 for a refusal (see below). */
    @GetMapping("/invoices/{invoiceId}")
    public InvoiceDetail invoice(@PathVariable String invoiceId) {
        return found(queries.invoice(invoiceId));
    }

    @GetMapping("/invoices/{invoiceId}/delivered")
    public ResponseEntity<FileSystemResource> delivered(@PathVariable String invoiceId) {
        Optional<String> path = queries.invoice(invoiceId).map(InvoiceDetail::deliveryPath);
        return RecordedFiles.download(path, RecordedFiles.typeOf(path.orElse(null)));
    }

    /** An invoice refused at integration (never an invoice: no status, no history). */
    @GetMapping("/refusals/{invoiceId}")
    public RefusalDetail refusal(@PathVariable String invoiceId) {
        return found(queries.refusal(invoiceId));
    }

    @GetMapping("/lifecycle-reports/{reportId}")
    public ResponseEntity<FileSystemResource> lifecycleReport(@PathVariable String reportId) {
        return RecordedFiles.download(queries.lifecycleReportPath(reportId), MediaType.APPLICATION_XML);
    }

    @GetMapping("/jobs")
    public List<JobRun> jobs(@RequestParam(defaultValue = "20") int limit) {
        return jobs.recent(bounded(limit));
    }

    @GetMapping("/directory/structures/{identifier}")
    public StructureWithServices structure(@PathVariable String identifier) {
        PublicStructure structure = found(directory.structure(identifier));
        return new StructureWithServices(structure, directory.services(identifier));
    }

    @GetMapping("/partners")
    public List<RegisteredPartner> partners() {
        return partners.registered();
    }

    /** {@code production} or {@code qualification} (any case), absent for both; 400 otherwise. */
    private static Environment environment(String said) {
        try {
            return Environment.parse(said);
        } catch (IllegalArgumentException unknown) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, unknown.getMessage());
        }
    }

    private static int bounded(int size) {
        return Math.min(Math.max(size, 1), MAX_PAGE);
    }

    private static <T> T found(Optional<T> value) {
        return value.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A flow with its findings as its deposit report told them (code, severity, French message, location). */
    public record FlowWithFindings(FlowDetail flow, List<ReportedFinding> findings) {
    }

    /** A structure of the directory in service and its services. */
    public record StructureWithServices(PublicStructure structure, List<PublicService> services) {
    }
}
