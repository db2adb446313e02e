package org.achemine.validation.admissibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.Location;
import org.achemine.validation.PartnerText;
import org.achemine.xml.HardenedXml;
import org.xml.sax.SAXParseException;

/**
 * The admissibility of an XML file read as a stream, for files too large to hold (status files): the same
 * findings as {@link XmlAdmissibilityCheck}, split in two. The prolog (signature, BOM, declared encoding and
 * version) is judged from the file's first bytes; well-formedness, a DOCTYPE, bytes that are not UTF-8 and the
 * parser's limits are judged from the one streamed parse's fatal error ({@link HardenedXml}'s reader refuses a
 * DOCTYPE before reading anything in it).
 */
public final class StreamedXmlAdmissibility {

    /** How much of the file {@link #prolog} needs: the signature and the XML declaration. */
    public static final int HEAD_SIZE = FileSignature.HEAD_SIZE;

    private static final Pattern NOT_UTF8 = Pattern.compile("Invalid byte \\d+ of \\d+-byte UTF-8 sequence\\.?");

    private StreamedXmlAdmissibility() {
    }

    /**
     * Findings about the prolog, from at most {@link #HEAD_SIZE} first bytes: a fatal one means the file is not
     * to be parsed; a UTF-8 BOM is a warning.
     */
    public static List<Finding> prolog(byte[] head) {
        List<Finding> findings = new ArrayList<>();
        FileSignature signature = FileSignature.detect(head);
        if (signature == FileSignature.XML_WIDE) {
            return List.of(Finding.of(FindingCode.IRR_ENCODAGE, Location.NONE, XmlAdmissibilityCheck.wideEncoding(head)));
        }
        if (signature != FileSignature.XML && signature != FileSignature.UNKNOWN) {
            return List.of(Finding.of(FindingCode.IRR_TYPE_F, Location.NONE,
                    "le document ne contient pas du XML mais : " + signature.description()));
        }
        int offset = 0;
        if (XmlAdmissibilityCheck.startsWith(head, XmlAdmissibilityCheck.UTF8_BOM)) {
            findings.add(Finding.of(FindingCode.ADM_BOM_UTF8, Location.at(1, 1)));
            offset = XmlAdmissibilityCheck.UTF8_BOM.length;
        }
        Optional<String> declared = XmlAdmissibilityCheck.declaredEncoding(head, offset);
        if (declared.isPresent() && !declared.get().equalsIgnoreCase("UTF-8")) {
            findings.add(Finding.of(FindingCode.IRR_ENCODAGE, Location.at(1, 1),
                    "le document déclare l'encodage « " + declared.get() + " »"));
            return findings;
        }
        Optional<String> version = XmlAdmissibilityCheck.declaredVersion(head, offset);
        if (version.isPresent() && !version.get().equals("1.0")) {
            findings.add(Finding.of(FindingCode.IRR_VERSION_XML, Location.at(1, 1), PartnerText.shown(version.get(), 20)));
        }
        return findings;
    }

    /** The finding for the fatal error that stopped a streamed parse by a {@link HardenedXml} reader. */
    public static Finding parseFailure(SAXParseException fatal) {
        Location where = fatal.getLineNumber() > 0 ? Location.at(fatal.getLineNumber(), Math.max(fatal.getColumnNumber(), 0))
                : Location.NONE;
        String message = fatal.getMessage() == null ? "" : fatal.getMessage().strip();
        if (message.contains("DOCTYPE")) {
            return Finding.of(FindingCode.IRR_DTD, where);
        }
        if (NOT_UTF8.matcher(message).matches()) {
            return Finding.of(FindingCode.IRR_ENCODAGE, where, "octet invalide en UTF-8 à la ligne " + where.line()
                    + ", colonne " + where.column() + " ; un fichier enregistré en ISO-8859-1 ou Windows-1252 produit"
                    + " typiquement cette erreur sur les lettres accentuées");
        }
        Optional<String> limit = ParserMessages.parserLimit(message);
        if (limit.isPresent()) {
            return Finding.of(FindingCode.IRR_LIMITE_XML, where, limit.get());
        }
        return XmlAdmissibilityCheck.syntaxFinding(where, ParserMessages.readable(message));
    }

    /** A structure limit no status file needs, checked on each element as it streams by (IRR_LIMITE_XML). */
    public static Optional<Finding> attributeTooLong(String element, String attribute, int length, Location where) {
        if (length <= HardenedXml.MAX_ATTRIBUTE_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(FindingCode.IRR_LIMITE_XML, where, "l'attribut « " + attribute + " » de l'élément « "
                + element + " » fait " + length + " caractères, la limite est de " + HardenedXml.MAX_ATTRIBUTE_LENGTH));
    }
}
