package org.achemine.report.cppstatut;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.achemine.chorus.statut.CPPFactureStatutUnitaire;
import org.achemine.chorus.statut.CPPFactureStatuts;
import org.achemine.chorus.statut.CPPStatut;
import org.achemine.chorus.statut.Debiteur;
import org.achemine.chorus.statut.Enveloppe;
import org.achemine.chorus.statut.Fournisseur;
import org.achemine.chorus.statut.Producteur;
import org.achemine.validation.PartnerText;

/**
 * Writes invoice statuses as {@code CPPStatut} / {@code CPPFactureStatuts} (the lifecycle flow family
 * FEN1200A, FACTS §1.2): to suppliers (lifecycle reports), with a re-delivered invoice (the status notice), and
 * for any other caller (the answer to a recipient's status file). A file can list 100,000 statuses, so it can be
 * streamed: the envelope is marshalled, each {@code CPPFactureStatutUnitaire} is marshalled as a fragment, and the
 * finished file is then validated against AIFE's schema, streaming too, before anyone may publish it. A small one
 * is marshalled whole with the schema set. Thread-safe.
 *
 * <p>Limits of the schema: {@code Debiteur/Identifiant} is a SIRET (14 characters; the caller says what to put
 * when the invoice names none), {@code CodeService} at most 100 characters (cut there), {@code CodePays} 2;
 * texts a partner wrote are made XML-safe ({@link PartnerText}).
 */
public final class FactureStatutWriter {

    /** The lifecycle flow's interface code (FACTS §1.2); file name {@code FEN1200A_<platform>_<flowId>.xml}. */
    public static final String INTERFACE_CODE = "FEN1200A";

    private static final int MAX_SERVICE_CODE = 100;
    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final StatutSchema schema;
    private final StatutEnvelope envelopes = new StatutEnvelope();
    private final XMLOutputFactory outputs = XMLOutputFactory.newFactory();

    public FactureStatutWriter(StatutSchema schema) {
        this.schema = schema;
    }

    /** Who sends a status flow (our platform code), who receives it (a partner code), its id and production time. */
    public record Envelope(String sender, String receiver, String flowId, Instant producedAt) {

        /** {@code FEN1200A_<sender>_<flowId>.xml}: Chorus's {@code <interface>_<application>_<flowId>} shape. */
        public String fileName() {
            return FluxStatut.fileName(INTERFACE_CODE, sender, flowId);
        }
    }

    /** Feeds the statuses of a file, in order, to the consumer it is given. */
    public interface Statuses {
        void forEach(Consumer<FactureStatut> status) throws IOException;
    }

    /**
     * Writes a status flow of {@code count} statuses to {@code file} (created or truncated), forced to disk, then
     * checks it against the official schema.
     *
     * @throws IOException when the statuses fed are not {@code count} (the rows moved meanwhile), or the file is
     *                     not valid; the file is then left for the caller to discard
     */
    public void write(Path file, Envelope envelope, int count, Statuses statuses) throws IOException {
        // made first: parties the schema cannot carry are refused before the file is even created
        Enveloppe enveloppe = envelopes.envelope(envelope.flowId(), envelope.sender(), envelope.receiver(),
                envelope.producedAt());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            XMLStreamWriter xml = outputs.createXMLStreamWriter(out, "UTF-8");
            Marshaller marshaller = schema.fragmentMarshaller(); // not thread-safe: one per file
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("CPPStatut");
            xml.writeAttribute("Version", FluxStatutWriter.VERSION);
            xml.writeCharacters("\n  ");
            marshaller.marshal(enveloppe, xml);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("CPPFactureStatuts");
            xml.writeAttribute("compteur", Integer.toString(count));
            int[] written = {0};
            statuses.forEach(status -> {
                written[0]++;
                try {
                    xml.writeCharacters("\n    ");
                    marshaller.marshal(unit(written[0], status), xml);
                } catch (XMLStreamException | JAXBException e) {
                    throw new IllegalStateException("Cannot write status " + written[0] + " (" + status.invoiceId()
                            + ") to " + file, e);
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
                throw new IOException("The status flow " + envelope.flowId() + " was to list " + count
                        + " statuses, " + written[0] + " were found: they moved meanwhile, retried later");
            }
        } catch (XMLStreamException | JAXBException | IllegalStateException e) {
            throw new IOException("Cannot write the status flow " + file + ": " + e.getMessage(), e);
        }
        schema.validate(file);
    }

    /** A status flow of one status, marshalled whole with the schema set. */
    public byte[] single(Envelope envelope, FactureStatut status) throws IOException {
        CPPFactureStatuts statuses = new CPPFactureStatuts();
        statuses.setCompteur(BigInteger.ONE);
        statuses.getCPPFactureStatutUnitaire().add(unit(1, status));
        CPPStatut statut = new CPPStatut();
        statut.setVersion(FluxStatutWriter.VERSION);
        statut.setEnveloppe(envelopes.envelope(envelope.flowId(), envelope.sender(), envelope.receiver(),
                envelope.producedAt()));
        statut.setCPPFactureStatuts(statuses);
        return schema.write(statut);
    }

    private CPPFactureStatutUnitaire unit(int rank, FactureStatut status) {
        Fournisseur supplier = new Fournisseur();
        supplier.setTypeIdentifiant(BigInteger.valueOf(status.supplier().type()));
        supplier.setIdentifiant(PartnerText.shown(status.supplier().id()));
        supplier.setRaisonSociale(PartnerText.shown(status.supplier().name()));
        if (status.supplier().country() != null && COUNTRY.matcher(status.supplier().country()).matches()) {
            supplier.setCodePays(status.supplier().country());
        }
        Debiteur debtor = new Debiteur();
        debtor.setTypeIdentifiant(BigInteger.ONE);
        if (!SIRET.matcher(status.debtor().siret()).matches()) {
            throw new IllegalArgumentException("Debiteur/Identifiant is a SIRET (14 digits): " + status.debtor().siret());
        }
        debtor.setIdentifiant(status.debtor().siret());
        if (status.debtor().name() != null) {
            debtor.setNom(PartnerText.shown(status.debtor().name()));
        }
        if (status.debtor().serviceCode() != null && !status.debtor().serviceCode().isBlank()) {
            debtor.setCodeService(StatutEnvelope.cut(PartnerText.shown(status.debtor().serviceCode()), MAX_SERVICE_CODE));
        }
        CPPFactureStatutUnitaire.DonneesStatut data = new CPPFactureStatutUnitaire.DonneesStatut();
        data.setIdStatut(status.status());
        if (status.complement() != null) {
            data.setComplementStatut(PartnerText.shown(status.complement()));
        }
        if (status.comment() != null && !status.comment().isBlank()) {
            data.setCommentaire(PartnerText.shown(status.comment(), 2000));
        }
        data.setHorodatage(envelopes.dateTime(status.recordedAt()));
        if (status.producer() != null) {
            Producteur producer = new Producteur();
            producer.setId(status.producer());
            data.setProducteur(producer);
        }
        data.setIdFacture(PartnerText.shown(status.invoiceId()));
        if (status.invoiceDate() != null) {
            data.setDateFacture(envelopes.datatypes().newXMLGregorianCalendarDate(status.invoiceDate().getYear(),
                    status.invoiceDate().getMonthValue(), status.invoiceDate().getDayOfMonth(),
                    DatatypeConstants.FIELD_UNDEFINED));
        }
        if (status.mandateId() != null) {
            data.setIdMandatDP(PartnerText.shown(status.mandateId()));
        }
        CPPFactureStatutUnitaire unit = new CPPFactureStatutUnitaire();
        unit.setNumOrdre(BigInteger.valueOf(rank));
        unit.setFournisseur(supplier);
        unit.setDebiteur(debtor);
        unit.setDonneesStatut(data);
        return unit;
    }
}
