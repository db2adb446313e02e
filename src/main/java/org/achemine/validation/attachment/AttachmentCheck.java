package org.achemine.validation.attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.achemine.validation.attachment.ContentSniffer.Sniffed;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.Location;
import org.achemine.validation.PartnerText;

/**
 * Whether an invoice's attachments are within the platform's limits: how many, how big each and all together,
 * a declared type that is accepted, content that is what the type says (its magic bytes), a plain file name.
 * Each refusal names the attachment (rank, file name, where it sits) and what to fix. Facts only: the acceptance
 * policy refuses on the fatal findings. Immutable and thread-safe.
 */
public final class AttachmentCheck {

    private final AttachmentLimits limits;
    private final ContentSniffer sniffer = new ContentSniffer();

    public AttachmentCheck(AttachmentLimits limits) {
        this.limits = limits;
    }

    public List<Finding> check(List<Attachment> attachments) {
        List<Finding> findings = new ArrayList<>();
        if (attachments.size() > limits.maxCount()) {
            findings.add(Finding.of(FindingCode.IRR_NB_PJ, Location.NONE, attachments.size(), limits.maxCount()));
        }
        long total = 0;
        for (Attachment attachment : attachments) {
            total += attachment.size();
            findings.addAll(checkOne(attachment));
        }
        if (total > limits.maxTotalSize()) {
            findings.add(Finding.of(FindingCode.IRR_TAILLE_PJ_TOTALE, Location.NONE, total, limits.maxTotalSize()));
        }
        return findings;
    }

    private List<Finding> checkOne(Attachment attachment) {
        List<Finding> findings = new ArrayList<>();
        String label = label(attachment);
        Location location = Location.path(attachment.where());
        String badName = nameProblem(attachment.fileName());
        if (badName != null) {
            findings.add(Finding.of(FindingCode.IRR_NOM_PJ, location, label, badName, limits.maxNameLength()));
        }
        if (attachment.size() > limits.maxSize()) {
            findings.add(Finding.of(FindingCode.IRR_TAILLE_PJ, location, label, attachment.size(), limits.maxSize()));
            return findings; // not decoded: its content is not judged
        }
        if (!attachment.decoded()) {
            findings.add(Finding.of(FindingCode.IRR_PJ_ILLISIBLE, location, label,
                    PartnerText.shown(String.valueOf(attachment.undecodable()), 120)));
            return findings;
        }
        if (attachment.content().length == 0) {
            findings.add(Finding.of(FindingCode.IRR_VID_PJ, location, label));
            return findings;
        }
        if (!limits.allows(attachment.declaredType())) {
            findings.add(Finding.of(FindingCode.IRR_EXT_DOC, location, label,
                    attachment.declaredType() == null ? "absent (aucun mimeCode)"
                            : PartnerText.shown(attachment.declaredType(), 80),
                    String.join(", ", limits.allowedTypes())));
            return findings;
        }
        Sniffed real = sniffer.sniff(attachment.content());
        Set<Sniffed> expected = ContentSniffer.expectedFor(attachment.declaredType());
        if (real == Sniffed.EXECUTABLE || !expected.isEmpty() && !expected.contains(real)) {
            findings.add(contentMismatch(attachment, label, location, real, expected));
        }
        return findings;
    }

    /**
     * Plain text under another accepted type is mislabelled, not dangerous (the official EN 16931 examples embed
     * a line of text declared application/pdf): a warning, the invoice goes on as sent. Active text (script,
     * markup), a program or other bytes under a wrong type stay refused.
     */
    private Finding contentMismatch(Attachment attachment, String label, Location location, Sniffed real,
                                    Set<Sniffed> expected) {
        String declared = PartnerText.shown(attachment.declaredType(), 80);
        if (real != Sniffed.TEXT) {
            return Finding.of(FindingCode.IRR_PJ_CONTENU, location, label, declared, real.label());
        }
        String active = ActiveText.sign(attachment);
        if (active != null) {
            return Finding.of(FindingCode.IRR_PJ_CONTENU, location, label, declared,
                    Sniffed.TEXT.label() + " actif (" + active + ")");
        }
        return Finding.of(FindingCode.ADM_PJ_CONTENU_TEXTE, location, label, declared,
                String.join(" ou ", expected.stream().map(Sniffed::label).sorted().toList()), textTypes());
    }

    /** The accepted types that hold text, for the supplier who meant to send text. */
    private String textTypes() {
        List<String> text = limits.allowedTypes().stream()
                .filter(type -> ContentSniffer.expectedFor(type).contains(Sniffed.TEXT)).toList();
        return text.isEmpty() ? "aucun type texte n'est accepté : convertissez-le en PDF"
                : "« " + String.join(" », « ", text) + " »";
    }

    /** Why a file name is refused, or null: we deliver it as a file, so nothing a file system would read as a path. */
    private String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "elle n'a pas de nom (attribut filename absent ou vide)";
        }
        if (name.length() > limits.maxNameLength()) {
            return "il fait " + name.length() + " caractères";
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf(':') >= 0) {
            return "il contient un chemin ou un séparateur (« / », « \\ » ou « : »)";
        }
        if (name.codePoints().anyMatch(c -> c < 0x20 || c >= 0x7F && c < 0xA0 || isBidiControl(c))) {
            return "il contient un caractère de contrôle (ou d'inversion du sens d'écriture, qui déguise l'extension)";
        }
        if (name.startsWith(".")) {
            return "il commence par un point (fichier caché, « .. »)";
        }
        return null;
    }

    private static boolean isBidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    /** {@code n°2 « bl.pdf »}, or {@code n°2 (sans nom)}: a name shown safely, whatever it holds. */
    static String label(Attachment attachment) {
        String name = attachment.fileName() == null || attachment.fileName().isBlank() ? "(sans nom)"
                : "« " + PartnerText.shown(attachment.fileName(), 80) + " »";
        String description = attachment.description() == null ? ""
                : ", « " + PartnerText.shown(attachment.description(), 60) + " »";
        return "n°" + attachment.rank() + " " + name + " (" + attachment.where() + description + ")";
    }
}
