package org.achemine.validation.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.achemine.validation.attachment.AttachmentLimits;
import org.achemine.validation.AcceptancePolicy;
import org.achemine.validation.DocumentCheck;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.RuleSet;
import org.achemine.validation.ValidationPipeline;
import org.achemine.validation.ValidationSettings;
import org.achemine.validation.admissibility.ArchiveUnpacker;
import org.achemine.validation.facturx.FacturXReader;
import org.achemine.validation.admissibility.FileAdmissibilityCheck;
import org.achemine.validation.admissibility.XmlAdmissibilityCheck;
import org.achemine.validation.en16931.En16931Check;
import org.achemine.validation.national.InvoiceTerms;
import org.achemine.validation.national.NationalCheck;
import org.achemine.validation.national.SaxonInvoiceFactsReader;
import org.achemine.validation.xsd.XsdCheck;

/**
 * Assembles the validation pipeline once (schemas and stylesheets are compiled here at start-up, or on first
 * use for the offline command: {@link EngineStart}) and validates flows with it. The same engine serves the
 * mailbox intake and the offline {@code validate} command. Thread-safe: one engine validates many flows at once.
 */
public final class ValidationEngine {

    private final ValidationSettings settings;
    private final FlowValidator flowValidator;
    private final AcceptancePolicy policy = new AcceptancePolicy();
    private final List<RuleSet> ruleSets;

    /** An engine whose deposit date is the machine's clock, everything compiled now. */
    public ValidationEngine(ValidationSettings settings) {
        this(settings, Clock.systemUTC(), List.of());
    }

    /** An engine whose deposit date is the machine's clock (the offline {@code validate} command, the benchmark). */
    public ValidationEngine(ValidationSettings settings, EngineStart start) {
        this(settings, Clock.systemUTC(), List.of(), start);
    }

    /** @param clock the platform clock: a flow is deposited when it is validated, at intake */
    public ValidationEngine(ValidationSettings settings, Clock clock) {
        this(settings, clock, List.of());
    }

    /**
     * @param clock       the platform clock: a flow is deposited when it is validated, at intake
     * @param addedChecks checks run after the standard ones (the application context's {@code DocumentCheck}
     *                    beans: none in production; a test adds one that breaks on purpose)
     */
    public ValidationEngine(ValidationSettings settings, Clock clock, List<DocumentCheck> addedChecks) {
        this(settings, clock, addedChecks, EngineStart.atStartUp(), AttachmentLimits.defaults());
    }

    /** The same, with the platform's attachment limits ({@code achemine.attachments.*}). */
    public ValidationEngine(ValidationSettings settings, Clock clock, List<DocumentCheck> addedChecks,
                            AttachmentLimits attachmentLimits) {
        this(settings, clock, addedChecks, EngineStart.atStartUp(), attachmentLimits);
    }

    private ValidationEngine(ValidationSettings settings, Clock clock, List<DocumentCheck> addedChecks,
                             EngineStart start) {
        this(settings, clock, addedChecks, start, AttachmentLimits.defaults());
    }

    private ValidationEngine(ValidationSettings settings, Clock clock, List<DocumentCheck> addedChecks,
                             EngineStart start, AttachmentLimits attachmentLimits) {
        this.settings = settings;
        InvoiceTerms terms = new InvoiceTerms();
        // Compiling the EN 16931 stylesheets is the slow part of start-up (seconds): done once, here or on first use.
        XsdCheck xsd = new XsdCheck(start.compileOnFirstUse());
        List<DocumentCheck> checks = new ArrayList<>(List.of(xsd,
                new En16931Check(start.compileOnFirstUse(), start.parallelWalks()),
                new NationalCheck(terms, clock, settings.issueDateTolerance())));
        checks.addAll(addedChecks);
        List<RuleSet> all = new ArrayList<>(XsdCheck.ruleSets());
        all.add(En16931Check.RULE_SET);
        all.add(NationalCheck.RULE_SET);
        this.ruleSets = List.copyOf(all);
        // the XSD check's parse is admissibility's too: a well-formed document is parsed once
        ValidationPipeline pipeline = new ValidationPipeline(new XmlAdmissibilityCheck(xsd), checks,
                new SaxonInvoiceFactsReader(terms), settings.runAllChecks());
        this.flowValidator = new FlowValidator(new FileAdmissibilityCheck(settings), new ArchiveUnpacker(settings),
                new FacturXReader(settings), pipeline, attachmentLimits);
    }

    public FlowVerdict validate(String fileName, Path content) throws IOException {
        return flowValidator.validate(fileName, content);
    }

    public FlowValidator flowValidator() {
        return flowValidator;
    }

    public AcceptancePolicy policy() {
        return policy;
    }

    /** The rule sets this engine applies, with their versions, for reports. */
    public List<RuleSet> ruleSets() {
        return ruleSets;
    }

    public ValidationSettings settings() {
        return settings;
    }
}
