package org.achemine.report;

import java.time.Instant;
import javax.xml.datatype.XMLGregorianCalendar;
import java.util.Optional;
import org.achemine.report.xml.ConstatType;
import org.achemine.report.xml.EmplacementType;
import org.achemine.report.xml.EmpreinteType;
import org.achemine.report.xml.EtatFlux;
import org.achemine.report.xml.FluxType;
import org.achemine.report.xml.Gravite;
import org.achemine.report.xml.NomControle;
import org.achemine.report.xml.ObjectFactory;
import org.achemine.report.xml.StatutFluxType;
import org.achemine.validation.Finding;
import org.achemine.validation.PartnerText;
import org.achemine.validation.FlowState;
import org.achemine.validation.Location;
import org.achemine.xml.UtcDateTime;

/** The parts every report shares: the flow block, the flow status, findings, UTC date-times. */
final class ReportParts {

    private final ObjectFactory factory = new ObjectFactory();

    /** The {@code Flux} block: what was received; syntax and interface code when known (else null). */
    FluxType flux(ReportedFlow flow, String chorusSyntax, String interfaceCode) {
        FluxType flux = factory.createFluxType();
        flux.setIdFlux(flow.flowId());
        flux.setNomFichier(xmlSafe(flow.originalName()));
        flux.setPartenaire(flow.partner());
        if (flow.sha256() != null) { // null: refused unread (link, oversized file), nothing to fingerprint
            EmpreinteType digest = factory.createEmpreinteType();
            digest.setAlgorithme("SHA-256");
            digest.setValue(flow.sha256());
            flux.setEmpreinte(digest);
        }
        flux.setTaille(flow.size());
        flux.setDateHeureReception(dateTime(flow.receivedAt()));
        flux.setSyntaxe(chorusSyntax);
        flux.setCodeInterface(interfaceCode);
        if (flow.environment().isQualification()) { // production's reports stay as they were
            flux.setEnvironnement(flow.environment().label());
        }
        return flux;
    }

    StatutFluxType status(FlowState state) {
        StatutFluxType status = factory.createStatutFluxType();
        status.setCode(state.statusCode());
        status.setEtat(EtatFlux.fromValue(state.name()));
        status.setLibelle(state.label());
        return status;
    }

    /** UTC to the millisecond, written {@code yyyy-MM-ddTHH:mm:ss.SSSZ} ({@link UtcDateTime}). */
    XMLGregorianCalendar dateTime(Instant instant) {
        return UtcDateTime.of(instant);
    }

    /** One finding as a {@code Constat}: code, severity, source, messages, rule text, location. */
    ConstatType constat(Finding finding) {
        ConstatType constat = factory.createConstatType();
        constat.setCode(finding.code());
        constat.setGravite(Gravite.fromValue(finding.severity().token()));
        constat.setSource(NomControle.fromValue(finding.source().token()));
        constat.setMessage(findingText(finding.message()));
        constat.setMessageEn(findingText(finding.messageEn()));
        constat.setTexteRegle(findingText(finding.ruleText()));
        location(finding.location()).ifPresent(constat::setEmplacement);
        return constat;
    }

    Optional<EmplacementType> location(Location location) {
        if (location == null || (location.line() <= 0 && location.column() <= 0 && location.path() == null)) {
            return Optional.empty();
        }
        EmplacementType where = factory.createEmplacementType();
        if (location.line() > 0) {
            where.setLigne(location.line());
        }
        if (location.column() > 0) {
            where.setColonne(location.column());
        }
        where.setChemin(location.path());
        return Optional.of(where);
    }

    /**
     * A finding's text as XML text, whole: messages quote what the partner wrote (a value, an entry name), and the
     * schema check sees the tree's events, not the bytes, so a control character would otherwise be published.
     */
    private static String findingText(String text) {
        return text == null ? null : PartnerText.shown(text, Integer.MAX_VALUE);
    }

    /** A partner's file or entry name as XML text: see {@link PartnerText} (controls, bidi, length). */
    static String xmlSafe(String name) {
        return PartnerText.shown(name);
    }
}
