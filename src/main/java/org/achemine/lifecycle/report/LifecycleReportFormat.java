package org.achemine.lifecycle.report;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URL;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.lifecycle.StatusReason;
import org.achemine.lifecycle.xml.CPPFactureStatutUnitaireType;
import org.achemine.lifecycle.xml.CPPFactureStatutsType;
import org.achemine.lifecycle.xml.CPPStatutType;
import org.achemine.lifecycle.xml.DebiteurType;
import org.achemine.lifecycle.xml.DonneesStatutType;
import org.achemine.lifecycle.xml.EnveloppeType;
import org.achemine.lifecycle.xml.FournisseurType;
import org.achemine.lifecycle.xml.ObjectFactory;
import org.achemine.lifecycle.xml.PartenaireType;
import org.achemine.lifecycle.xml.Producteur;
import org.achemine.xml.HardenedXml;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The status flow format ({@code schemas/lifecycle/statuts-facture.xsd}, CPPStatut modelled) written by
 * achemine: lifecycle reports to suppliers and the notice that goes with an invoice delivered again.
 * A lifecycle report can list 100,000 changes, so it is streamed: the envelope is written by hand and
 * each {@code CPPFactureStatutUnitaire} is marshalled from the generated classes as a fragment; the
 * finished file is then validated against the schema, streaming too, before anyone may publish it, so an
 * invalid report is never written. Thread-safe.
 */
public final class LifecycleReportFormat {

    public static final String SCHEMA_RESOURCE = "/schemas/lifecycle/statuts-facture.xsd";
    static final String NS = "urn:achemine:statuts-facture:1";

    private static final Pattern MOTIF = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");
    private static final Pattern INVOICE_ID = Pattern.compile("[A-Z0-9]{6}[0-9]{4}[0-9]{15}-[0-9]{1,4}");

    private final JAXBContext context;
    private final Schema schema;
    private final DatatypeFactory datatypes;
    private final ObjectFactory factory = new ObjectFactory();
    private final XMLOutputFactory outputs = XMLOutputFactory.newFactory();

    public LifecycleReportFormat() {
        try {
            this.context = JAXBContext.newInstance(ObjectFactory.class);
            this.schema = loadSchema();
            this.datatypes = DatatypeFactory.newInstance();
        } catch (JAXBException | SAXException | IOException | DatatypeConfigurationException e) {
            throw new IllegalStateException("Cannot prepare the status flow format", e);
        }
    }

    /** Who sends and who receives a status flow, its id and production time. */
    public record Envelope(String sender, String receiver, String flowId, Instant producedAt) {
    }

    /** Feeds the lines of a report, in order, to the consumer it is given. */
    public interface Lines {
        void forEach(Consumer<StatusLine> line) throws IOException;
    }

    /**
     * Writes a lifecycle report of {@code count} changes to {@code file} (created or truncated), forced to
     * disk, then checks it against the schema.
     *
     * @throws IOException when the lines fed are not {@code count} (the rows moved meanwhile), or the file
     *                     is not valid; the file is then left for the caller to discard
     */
    public void write(Path file, Envelope envelope, int count, Lines lines) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            XMLStreamWriter xml = outputs.createXMLStreamWriter(out, "UTF-8");
            Marshaller marshaller = fragmentMarshaller();
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NS);
            xml.writeCharacters("\n");
            xml.writeStartElement(NS, "CPPStatut");
            xml.writeDefaultNamespace(NS);
            xml.writeAttribute("Version", "1.0");
            xml.writeCharacters("\n  ");
            marshaller.marshal(new JAXBElement<>(new QName(NS, "Enveloppe"), EnveloppeType.class,
                    envelope(envelope)), xml);
            xml.writeCharacters("\n  ");
            xml.writeStartElement(NS, "CPPFactureStatuts");
            xml.writeAttribute("compteur", Integer.toString(count));
            int[] written = {0};
            lines.forEach(line -> {
                written[0]++;
                try {
                    xml.writeCharacters("\n    ");
                    marshaller.marshal(new JAXBElement<>(new QName(NS, "CPPFactureStatutUnitaire"),
                            CPPFactureStatutUnitaireType.class, unit(written[0], line)), xml);
                } catch (XMLStreamException | JAXBException e) {
                    throw new IllegalStateException("Cannot write status change " + line.invoiceId() + "/"
                            + line.seq() + " to " + file, e);
                }
            });
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
            out.flush();
            channel.force(true);
            if (written[0] != count) {
                throw new IOException("The report " + envelope.flowId() + " was to list " + count
                        + " status changes, " + written[0] + " were found: changes moved meanwhile, retried later");
            }
        } catch (XMLStreamException | JAXBException | IllegalStateException e) {
            throw new IOException("Cannot write the lifecycle report " + file + ": " + e.getMessage(), e);
        }
        validate(file);
    }

    /** A small status flow (one change), marshalled whole with the schema set. */
    public byte[] single(Envelope envelope, StatusLine line) throws IOException {
        CPPStatutType statut = factory.createCPPStatutType();
        statut.setVersion("1.0");
        statut.setEnveloppe(envelope(envelope));
        CPPFactureStatutsType statuts = factory.createCPPFactureStatutsType();
        statuts.setCompteur(BigInteger.ONE);
        statuts.getCPPFactureStatutUnitaire().add(unit(1, line));
        statut.setCPPFactureStatuts(statuts);
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setSchema(schema);
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(factory.createCPPStatut(statut), out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IOException("The status notice " + envelope.flowId() + " is not valid against "
                    + "statuts-facture.xsd: " + e, e);
        }
    }

    /** Streams the file through the schema; the file's own content may load nothing. */
    public void validate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            InputSource input = new InputSource(in);
            input.setSystemId(file.toUri().toString());
            HardenedXml.harden(schema.newValidator()).validate(new SAXSource(HardenedXml.newXmlReader(), input));
        } catch (SAXException e) {
            throw new IOException("The lifecycle report " + file + " is not valid against statuts-facture.xsd: "
                    + e.getMessage(), e);
        }
    }

    private Marshaller fragmentMarshaller() throws JAXBException {
        Marshaller marshaller = context.createMarshaller(); // not thread-safe: one per report
        marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
        return marshaller;
    }

    private EnveloppeType envelope(Envelope envelope) {
        EnveloppeType type = factory.createEnveloppeType();
        type.setEmetteur(partner(envelope.sender()));
        type.setRecepteur(partner(envelope.receiver()));
        type.setIdFlux(envelope.flowId());
        type.setDateProduction(dateTime(envelope.producedAt()));
        return type;
    }

    private PartenaireType partner(String id) {
        PartenaireType partner = factory.createPartenaireType();
        partner.setId(id);
        return partner;
    }

    private CPPFactureStatutUnitaireType unit(int rank, StatusLine line) {
        CPPFactureStatutUnitaireType unit = factory.createCPPFactureStatutUnitaireType();
        unit.setNumOrdre(BigInteger.valueOf(rank));
        // Only identifiers the schema can carry without guessing: a supplier id of another type than SIRET
        // is not typed in our records, and a buyer id that is not a SIRET never reached a recipient.
        if (line.supplierId() != null && SIRET.matcher(line.supplierId()).matches()) {
            FournisseurType supplier = factory.createFournisseurType();
            supplier.setTypeIdentifiant("1");
            supplier.setIdentifiant(line.supplierId());
            unit.setFournisseur(supplier);
        }
        if (line.recipientSiret() != null && SIRET.matcher(line.recipientSiret()).matches()) {
            DebiteurType recipient = factory.createDebiteurType();
            recipient.setTypeIdentifiant("1");
            recipient.setIdentifiant(line.recipientSiret());
            recipient.setCodeService(text(line.serviceCode(), 100));
            unit.setDebiteur(recipient);
        }
        InvoiceStatus status = InvoiceStatus.ofCode(line.status());
        DonneesStatutType data = factory.createDonneesStatutType();
        data.setIdStatut(status.code());
        data.setLibelleStatut(status.label());
        data.setCodeCycleDeVie(line.reformCode());
        if (line.reasonCode() != null && MOTIF.matcher(line.reasonCode()).matches()) {
            data.setMotif(line.reasonCode());
            data.setCodeMotifReforme(reformReason(line.reasonCode()));
        }
        data.setCommentaire(text(line.message(), 2000));
        data.setHorodatage(dateTime(line.changedAt()));
        if (line.declaredAt() != null && !line.declaredAt().equals(line.changedAt())) {
            data.setHorodatageDeclare(dateTime(line.declaredAt()));
        }
        data.setProducteur(Producteur.fromValue(line.actor()));
        data.setIdFacture(text(line.invoiceNumber(), 200));
        if (line.issueDate() != null) {
            data.setDateFacture(date(line.issueDate()));
        }
        if (INVOICE_ID.matcher(line.invoiceId()).matches()) {
            data.setIdTechnique(line.invoiceId());
        }
        unit.setDonneesStatut(data);
        return unit;
    }

    /** The reform reason code of a catalogue reason; routing's finding codes have none. */
    private static String reformReason(String reasonCode) {
        for (StatusReason reason : StatusReason.values()) {
            if (reason.name().equals(reasonCode)) {
                return reason.reformCode();
            }
        }
        return null;
    }

    private static String text(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }

    private XMLGregorianCalendar dateTime(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return datatypes.newXMLGregorianCalendar(calendar);
    }

    private XMLGregorianCalendar date(LocalDate date) {
        return datatypes.newXMLGregorianCalendarDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }

    private static Schema loadSchema() throws SAXException, IOException {
        URL resource = LifecycleReportFormat.class.getResource(SCHEMA_RESOURCE);
        if (resource == null) {
            throw new IOException("Status flow schema not found on the class path: " + SCHEMA_RESOURCE);
        }
        try (InputStream in = resource.openStream()) {
            return HardenedXml.newSchemaFactory().newSchema(new StreamSource(in, resource.toExternalForm()));
        }
    }
}
