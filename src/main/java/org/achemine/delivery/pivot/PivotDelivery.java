package org.achemine.delivery.pivot;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import org.achemine.validation.attachment.Attachment;
import org.achemine.validation.attachment.InvoiceAttachments;
import org.achemine.delivery.Delivery;
import org.achemine.delivery.DeliveryWriter;
import org.achemine.delivery.OriginalDelivery;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.Syntax;
import org.achemine.validation.ValidationSettings;
import org.achemine.validation.facturx.FacturXContent;
import org.achemine.validation.facturx.FacturXReader;
import org.achemine.validation.national.InvoiceTerms;
import org.achemine.validation.national.SaxonInvoiceFactsReader;
import org.achemine.xml.HardenedXml;

/**
 * Delivers an invoice as Chorus Pro's {@code CPPFacturePivot} (interface FEN0036A, one invoice per file):
 * its facts read from the UBL or CII (for a Factur-X deposit, the CII inside the PDF), the document itself attached
 * as {@code PJ} (type 01, base64; a Factur-X's PDF as {@code application/pdf}), the documents it carries
 * (attachments of the XML, a Factur-X PDF's other embedded files) after it as {@code PJ} type 02, named
 * {@code FEN0036A_<platform code>_<IdFlx>.xml}. A pivot that does not validate against AIFE's schema is
 * never returned, so never published.
 */
public final class PivotDelivery implements DeliveryWriter {

    private static final int MAX_ATTACHMENT_NAME = 50;

    /** The platform's date of the deposit of the flow an invoice came in ({@code DateReception}). */
    @FunctionalInterface
    public interface ReceptionDates {
        LocalDate receivedOn(String flowId);
    }

    private final String platformCode;
    private final Clock clock;
    private final ZoneId zone;
    private final ReceptionDates receptionDates;
    private final PivotIds ids;
    private final PivotFactsReader reader = new PivotFactsReader(new SaxonInvoiceFactsReader(new InvoiceTerms()));
    private final PivotMapping mapping = new PivotMapping();
    private final PivotSchema schema;
    private final FacturXReader facturX;
    // validated at intake within the limits of the day: read back whatever the limits are now
    private final InvoiceAttachments carried = new InvoiceAttachments(Integer.MAX_VALUE);

    public PivotDelivery(String platformCode, Clock clock, ZoneId zone, ReceptionDates receptionDates,
                         PivotSchema schema) {
        this(platformCode, clock, zone, receptionDates, schema, new FacturXReader(ValidationSettings.defaults()));
    }

    /**
     * @param zone the zone of the platform's calendar, for the dates it records ({@code DtPrd}, {@code DateReception})
     */
    public PivotDelivery(String platformCode, Clock clock, ZoneId zone, ReceptionDates receptionDates,
                         PivotSchema schema, FacturXReader facturX) {
        this.facturX = facturX;
        this.platformCode = platformCode;
        this.clock = clock;
        this.zone = zone;
        this.receptionDates = receptionDates;
        this.ids = new PivotIds(platformCode);
        this.schema = schema;
    }

    @Override
    public String fileName(Delivery delivery) {
        return ids.fileName(delivery);
    }

    @Override
    public byte[] content(Delivery delivery, InvoiceDocument original) throws IOException {
        if (delivery.recipientPartner() == null) {
            throw new IllegalArgumentException("A pivot goes to a recipient partner; none serves " + delivery.recipientSiret());
        }
        PivotFacts facts;
        FacturXContent pdf = FacturXReader.isPdf(original.bytes()) ? readFacturX(original) : null;
        InvoiceDocument invoice = pdf == null ? original : new InvoiceDocument(original.name(), pdf.invoice().xml());
        // a completion's documents come after the invoice's own (ADR 0023)
        List<Attachment> attachments = new ArrayList<>(carried.of(invoice.bytes(),
                pdf == null ? List.of() : pdf.otherFiles()));
        attachments.addAll(delivery.completionDocuments());
        for (Attachment attachment : attachments) {
            if (!attachment.decoded()) {
                throw new IOException("Attachment " + attachment.rank() + " of the archived invoice " + original.name()
                        + " cannot be read again: " + attachment.undecodable());
            }
        }
        try {
            facts = reader.read(parse(invoice));
        } catch (SaxonApiException e) {
            throw new IOException("Cannot read the archived invoice " + original.name() + ": " + e.getMessage(), e);
        }
        String flowId = delivery.invoiceId().substring(0, 25);
        PivotContext context = new PivotContext(ids.flowId(delivery), LocalDate.now(clock.withZone(zone)), platformCode,
                delivery.recipientPartner().code(), delivery.recipientPartner().name(), delivery.recipientSiret(),
                PivotIds.idCpro(delivery.invoiceId()), delivery.resend(), receptionDates.receivedOn(flowId),
                OriginalDelivery.safeName(original.name(), MAX_ATTACHMENT_NAME), original.bytes(), attachments);
        return schema.write(mapping.map(facts, context));
    }

    /** A Factur-X deposit's CII and other files (it passed validation at intake). */
    private FacturXContent readFacturX(InvoiceDocument original) throws IOException {
        FacturXContent read = facturX.read(original.bytes());
        if (read.refused()) {
            throw new IOException("Cannot read the archived Factur-X " + original.name() + ": " + read.refusal());
        }
        return read;
    }

    /** The archived document passed validation: its root names a syntax we read. */
    private static ParsedInvoice parse(InvoiceDocument original) throws SaxonApiException, IOException {
        XdmNode tree = HardenedXml.buildTree(original.bytes(), original.name());
        XdmNode root = null;
        for (XdmNode child : tree.children()) {
            if (child.getNodeKind() == XdmNodeKind.ELEMENT) {
                root = child;
                break;
            }
        }
        Syntax syntax = root == null ? null
                : Syntax.of(root.getNodeName().getNamespace(), root.getNodeName().getLocalName()).orElse(null);
        if (syntax == null) {
            throw new IOException("Not an invoice syntax we map: " + original.name());
        }
        ParsedInvoice parsed = new ParsedInvoice(original, syntax);
        parsed.useTree(tree);
        return parsed;
    }
}
