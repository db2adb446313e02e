package org.achemine.testing;

import java.util.List;

/**
 * Test helper: a status file in Chorus Pro's format (CPPStatutPivot_V1_19, {@code CPPStatut} /
 * {@code CPPFactureStatuts}) as a recipient's or a supplier's software writes it, one
 * {@code CPPFactureStatutUnitaire} per {@link Unit}, each starting on a line of its own. Written as text so a
 * test can put in exactly the value it needs (a time without offset, a wrong debtor).
 */
public final class CppStatutFiles {

    /** The supplier SIRET of the sample invoices. */
    public static final String SAMPLE_SUPPLIER = "81234567600025";

    private CppStatutFiles() {
    }

    /**
     * One status update: null fields are left out. {@code producerId} goes into {@code Producteur@Id},
     * {@code reason} into {@code ComplementStatut}.
     */
    public record Unit(String supplierId, String debtorSiret, String status, String reason, String comment,
                       String declared, String producerId, String invoiceNumber, String invoiceDate, String mandateId) {

        /** A unit for a sample supplier's invoice, declared by {@code producerId}, with nothing optional. */
        public static Unit of(String debtorSiret, String invoiceNumber, String status, String declared, String producerId) {
            return new Unit(SAMPLE_SUPPLIER, debtorSiret, status, null, null, declared, producerId, invoiceNumber, null,
                    null);
        }

        public Unit withReason(String code, String text) {
            return new Unit(supplierId, debtorSiret, status, code, text, declared, producerId, invoiceNumber, invoiceDate,
                    mandateId);
        }

        public Unit withMandate(String id) {
            return new Unit(supplierId, debtorSiret, status, reason, comment, declared, producerId, invoiceNumber,
                    invoiceDate, id);
        }
    }

    /** The lines before the first unit: each unit then takes {@link #LINES_PER_UNIT} lines. */
    public static final int HEADER_LINES = 14;
    public static final int LINES_PER_UNIT = 3;

    /** A whole file from partner {@code emitter} to the platform ACH001. */
    public static String file(String emitter, List<Unit> units) {
        StringBuilder xml = new StringBuilder(header(emitter, units.size()));
        for (int i = 0; i < units.size(); i++) {
            xml.append(unit(i + 1, units.get(i)));
        }
        return xml.append(footer()).toString();
    }

    /** Lines 1 to {@link #HEADER_LINES}: the declaration, the envelope, and the opening of CPPFactureStatuts. */
    public static String header(String emitter, long count) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <CPPStatut Version="V1_19">
                  <Enveloppe>
                    <EnveloppeUnitaire NumOrdre="1">
                      <Parametres>
                        <ParametreIndiv NumOrdre="0001"><Code>DtPrd</Code><Valeurparametre>2026-11-24T18:00:00+01:00</Valeurparametre></ParametreIndiv>
                        <ParametreIndiv NumOrdre="0002"><Code>IdFlx</Code><Valeurparametre>%1$s-0001</Valeurparametre></ParametreIndiv>
                      </Parametres>
                      <Partenaires>
                        <Recepteur><Id>ACH001</Id></Recepteur><Emetteur><Id>%1$s</Id></Emetteur>
                      </Partenaires>
                    </EnveloppeUnitaire>
                  </Enveloppe>
                  <CPPFactureStatuts compteur="%2$d">
                """.formatted(emitter, count);
    }

    /** One unit on {@link #LINES_PER_UNIT} lines: opening, parties, status data. */
    public static String unit(long numOrdre, Unit unit) {
        StringBuilder data = new StringBuilder("<DonneesStatut>");
        data.append(element("IdStatut", unit.status())).append(element("ComplementStatut", unit.reason()))
                .append(element("Commentaire", unit.comment())).append(element("Horodatage", unit.declared()));
        if (unit.producerId() != null) {
            data.append("<Producteur Id=\"").append(unit.producerId()).append("\"/>");
        }
        data.append(element("IdFacture", unit.invoiceNumber())).append(element("DateFacture", unit.invoiceDate()))
                .append(element("IdMandatDP", unit.mandateId())).append("</DonneesStatut>");
        return "    <CPPFactureStatutUnitaire NumOrdre=\"" + numOrdre + "\">\n"
                + "      <Fournisseur><TypeIdentifiant>1</TypeIdentifiant><Identifiant>" + unit.supplierId()
                + "</Identifiant><RaisonSociale>Fournisseur</RaisonSociale></Fournisseur><Debiteur><TypeIdentifiant>1"
                + "</TypeIdentifiant><Identifiant>" + unit.debtorSiret() + "</Identifiant></Debiteur>\n"
                + "      " + data + "</CPPFactureStatutUnitaire>\n";
    }

    public static String footer() {
        return "  </CPPFactureStatuts>\n</CPPStatut>\n";
    }

    /** The line unit number {@code numOrdre} (from 1) starts on in a file written here. */
    public static int lineOf(int numOrdre) {
        return HEADER_LINES + 1 + (numOrdre - 1) * LINES_PER_UNIT;
    }

    private static String element(String name, String value) {
        return value == null ? "" : "<" + name + ">" + value + "</" + name + ">";
    }
}
