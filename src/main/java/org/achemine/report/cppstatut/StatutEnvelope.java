package org.achemine.report.cppstatut;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.achemine.chorus.statut.Emetteur;
import org.achemine.chorus.statut.Enveloppe;
import org.achemine.chorus.statut.EnveloppeUnitaire;
import org.achemine.chorus.statut.ParametreIndiv;
import org.achemine.chorus.statut.Parametres;
import org.achemine.chorus.statut.Partenaires;
import org.achemine.chorus.statut.Recepteur;
import org.achemine.xml.UtcDateTime;

/**
 * The envelope every CPPStatut we write opens with: {@code DtPrd} (the platform's UTC day of production) and
 * {@code IdFlx} (the flow's id), our platform code as {@code Emetteur}, the partner as {@code Recepteur}; and the
 * platform clock's instants as {@code xs:dateTime} in UTC.
 */
final class StatutEnvelope {

    /** Schema: {@code Emetteur/Id} and {@code Recepteur/Id} have 3 to 8 characters. */
    private static final Pattern PARTY_ID = Pattern.compile(".{3,8}");

    private final DatatypeFactory datatypes;

    StatutEnvelope() {
        try {
            datatypes = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("No XML datatype factory", e);
        }
    }

    /**
     * @throws IllegalArgumentException when a party's code is not 3 to 8 characters (a configuration error: the
     *                                  file would not validate, so it is refused before anything is written)
     */
    Enveloppe envelope(String flowId, String sender, String receiver, Instant producedAt) {
        Parametres parameters = new Parametres();
        parameters.getParametreIndiv().add(parameter("0001", "DtPrd",
                producedAt.atZone(ZoneOffset.UTC).toLocalDate().toString()));
        parameters.getParametreIndiv().add(parameter("0002", "IdFlx", flowId));
        Emetteur emetteur = new Emetteur();
        emetteur.setId(partyId(sender, "platform"));
        emetteur.setLibelle("achemine");
        Recepteur recepteur = new Recepteur();
        recepteur.setId(partyId(receiver, "partner"));
        Partenaires partners = new Partenaires();
        partners.setRecepteur(recepteur);
        partners.setEmetteur(emetteur);
        EnveloppeUnitaire unit = new EnveloppeUnitaire();
        unit.setNumOrdre(BigInteger.ONE);
        unit.setParametres(parameters);
        unit.setPartenaires(partners);
        Enveloppe envelope = new Enveloppe();
        envelope.getEnveloppeUnitaire().add(unit);
        return envelope;
    }

    /** The platform clock's instant as {@code xs:dateTime}, UTC to the millisecond. */
    XMLGregorianCalendar dateTime(Instant instant) {
        return UtcDateTime.of(instant);
    }

    DatatypeFactory datatypes() {
        return datatypes;
    }

    /** At most {@code max} characters, never cutting a surrogate pair in two. */
    static String cut(String text, int max) {
        return text.length() <= max ? text
                : text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }

    private static String partyId(String id, String what) {
        if (id == null || !PARTY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A CPPStatut " + what + " code has 3 to 8 characters: " + id);
        }
        return id;
    }

    private static ParametreIndiv parameter(String rank, String code, String value) {
        ParametreIndiv parameter = new ParametreIndiv();
        parameter.setNumOrdre(rank);
        parameter.setCode(code);
        parameter.setValeurparametre(value);
        return parameter;
    }
}
