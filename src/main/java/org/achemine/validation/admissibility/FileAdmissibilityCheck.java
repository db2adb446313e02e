package org.achemine.validation.admissibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.FlowKind;
import org.achemine.validation.Location;
import org.achemine.validation.PartnerText;
import org.achemine.validation.ValidationSettings;

/**
 * Admissibility of a flow file as a whole, before any parsing: empty (IRR_VIDE_F), over the size limit
 * (IRR_TAILLE_F, decided from the size alone, never reading the file), bad name (IRR_NOM_F), unsupported
 * extension or content not matching it (IRR_TYPE_F, from the first bytes). Immutable and thread-safe.
 */
public final class FileAdmissibilityCheck {

    /** Longest file name taken, in characters (file systems and the CR's nomFichier stay comfortable). */
    static final int MAX_NAME_LENGTH = 200;

    // Characters Windows refuses in names, plus both path separators: partners' systems must be able to keep the name.
    private static final String FORBIDDEN_CHARACTERS = "/\\:*?\"<>|";

    private final ValidationSettings settings;

    public FileAdmissibilityCheck(ValidationSettings settings) {
        this.settings = settings;
    }

    /**
     * @param fileName the flow's file name as dropped by the partner
     * @param size     its size in bytes
     * @param content  where its bytes are; at most its first {@value FileSignature#HEAD_SIZE} bytes are read
     */
    public FileAdmission admit(String fileName, long size, Path content) throws IOException {
        return admit(fileName, size, () -> FileSignature.detect(FileSignature.head(content)));
    }

    /**
     * The same for a file already read whole (an XML flow within {@link #isWithinSize}: read once, for its admission
     * and its validation).
     */
    public FileAdmission admit(String fileName, byte[] content) {
        try {
            return admit(fileName, content.length, () -> FileSignature.detect(content, FileSignature.HEAD_SIZE));
        } catch (IOException impossible) {
            throw new UncheckedIOException("nothing is read from a file already in memory", impossible);
        }
    }

    /** Whether a file of this size is neither empty nor over the limit: one that may be read whole. */
    public boolean isWithinSize(long size) {
        return size > 0 && size <= settings.maxFileSize();
    }

    /** The signature of the file's first bytes, read only when the admission comes to it. */
    @FunctionalInterface
    private interface Signature {
        FileSignature read() throws IOException;
    }

    private FileAdmission admit(String fileName, long size, Signature signature) throws IOException {
        List<Finding> findings = new ArrayList<>();
        Optional<String> badName = nameProblem(fileName);
        badName.ifPresent(reason -> findings.add(Finding.of(FindingCode.IRR_NOM_F, Location.NONE, reason)));
        FlowKind kind = kindOf(fileName);
        if (size == 0) {
            findings.add(Finding.of(FindingCode.IRR_VIDE_F, Location.NONE));
            return new FileAdmission(kind, findings);
        }
        if (size > settings.maxFileSize()) {
            findings.add(Finding.of(FindingCode.IRR_TAILLE_F, Location.NONE, size, settings.maxFileSize()));
            return new FileAdmission(kind, findings);
        }
        if (!hasExtension(fileName)) {
            // Already refused by the name policy: there is no announced type to compare the content with.
            return new FileAdmission(FlowKind.UNSUPPORTED, findings);
        }
        FileSignature found = signature.read();
        typeProblem(fileName, kind, found)
                .ifPresent(what -> findings.add(Finding.of(FindingCode.IRR_TYPE_F, Location.NONE, what)));
        return new FileAdmission(kind, findings);
    }

    /** The flow kind announced by the name's extension (case-insensitive), UNSUPPORTED for any other. */
    public static FlowKind kindOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            return FlowKind.XML;
        }
        if (name.endsWith(".pdf")) {
            return FlowKind.PDF;
        }
        if (name.endsWith(".zip")) {
            return FlowKind.ZIP;
        }
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return FlowKind.TAR_GZ;
        }
        return FlowKind.UNSUPPORTED;
    }

    /** Names Windows reserves for devices, with or without an extension; names stay portable (README). */
    private static final Pattern WINDOWS_RESERVED = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])\\s*");

    static Optional<String> nameProblem(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return Optional.of("le nom est vide");
        }
        int length = fileName.codePointCount(0, fileName.length());
        if (length > MAX_NAME_LENGTH) {
            return Optional.of("le nom fait " + length + " caractères, la limite est de " + MAX_NAME_LENGTH);
        }
        if (fileName.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("le nom contient un caractère de contrôle (invisible)");
        }
        if (fileName.codePoints().anyMatch(PartnerText::isBidiControl)) {
            return Optional.of("le nom contient un caractère qui inverse le sens d'écriture (U+202E ou semblable) :"
                    + " il s'afficherait autrement qu'il n'est");
        }
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.indexOf('.')) : fileName;
        if (WINDOWS_RESERVED.matcher(stem).matches()) {
            return Optional.of("« " + stem + " » est un nom réservé par Windows (CON, PRN, AUX, NUL, COM1 à COM9,"
                    + " LPT1 à LPT9), quelle que soit l'extension : le fichier ne pourrait y être ni créé ni ouvert");
        }
        for (char c : FORBIDDEN_CHARACTERS.toCharArray()) {
            if (fileName.indexOf(c) >= 0) {
                return Optional.of("le nom contient le caractère interdit « " + c + " » (interdits : "
                        + String.join(" ", FORBIDDEN_CHARACTERS.split("")) + ")");
            }
        }
        if (fileName.startsWith(".")) {
            return Optional.of("le nom commence par un point (fichier caché)");
        }
        if (!hasExtension(fileName)) {
            return Optional.of("le nom n'a pas d'extension (attendu .xml, .pdf, .zip, .tar.gz ou .tgz)");
        }
        if (fileName.endsWith(" ") || fileName.endsWith(".")) {
            return Optional.of("le nom se termine par une espace ou un point, que Windows retire");
        }
        return Optional.empty();
    }

    private static boolean hasExtension(String fileName) {
        if (fileName == null) {
            return false;
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && dot < fileName.length() - 1;
    }

    private static Optional<String> typeProblem(String fileName, FlowKind kind, FileSignature found) {
        String extension = extensionOf(fileName);
        switch (kind) {
            case XML:
                // UTF-16/32 content is XML in an encoding we refuse: the XML check reports it precisely (IRR_ENCODAGE).
                return found == FileSignature.XML || found == FileSignature.XML_WIDE ? Optional.empty()
                        : Optional.of("le fichier « " + extension + " » ne contient pas du XML mais : "
                                + found.description());
            case PDF:
                return found == FileSignature.PDF ? Optional.empty()
                        : Optional.of("le fichier « " + extension + " » n'est pas un PDF (contenu trouvé : "
                                + found.description() + ")");
            case ZIP:
                return found == FileSignature.ZIP ? Optional.empty()
                        : Optional.of("le fichier « " + extension + " » n'est pas une archive ZIP (contenu trouvé : "
                                + found.description() + ")");
            case TAR_GZ:
                return found == FileSignature.GZIP ? Optional.empty()
                        : Optional.of("le fichier « " + extension + " » n'est pas une archive tar compressée gzip "
                                + "(contenu trouvé : " + found.description() + ")");
            default:
                return Optional.of("extension « " + extension + " » non acceptée (contenu trouvé : "
                        + found.description() + ")");
        }
    }

    private static String extensionOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tar.gz")) {
            return fileName.substring(fileName.length() - 7);
        }
        return fileName.substring(fileName.lastIndexOf('.'));
    }
}
