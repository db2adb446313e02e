package org.achemine.validation.xsd;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the schema validator's messages readable by a supplier: namespaces shortened to the usual prefixes
 * (cbc:, cac:, ram:...), the "cvc-..." key moved to the end in brackets, and the frequent cases said in
 * French. The English text stays available for the report's English message. The JDK's validator writes in
 * the JVM's language (it ignores Xerces' locale property): on a French-speaking JVM its own French passes
 * through, with the same key handling.
 */
public final class SchemaMessages {

    /** A message in French and English, both ending with the validator's key, e.g. "(cvc-complex-type.2.4.a)". */
    public record Readable(String french, String english) {
    }

    private static final int MAX_LIST = 300;

    // "cvc-x.y: text" in English, "cvc-x.y : text" in the French the JDK uses on a French-speaking JVM.
    private static final Pattern KEY = Pattern.compile("^((?:cvc|src)-[A-Za-z0-9.\\-]+)\\s*:\\s*(.*)$", Pattern.DOTALL);

    private static final Map<String, String> PREFIXES = Map.of(
            "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2", "cbc",
            "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2", "cac",
            "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2", "ext",
            "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", "",
            "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", "",
            "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100", "ram",
            "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100", "udt",
            "urn:un:unece:uncefact:data:standard:QualifiedDataType:100", "qdt",
            "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100", "rsm");

    private static final Map<Pattern, String> FRENCH = new LinkedHashMap<>();

    static {
        add("Invalid content was found starting with element '(.+?)'\\. One of '(.+)' is expected\\.",
                "l'élément $1 n'est pas attendu à cet endroit : attendu l'un de $2 (ordre ou nom d'élément faux)");
        add("The content of element '(.+?)' is not complete\\. One of '(.+)' is expected\\.",
                "le contenu de l'élément $1 est incomplet : il manque l'un de $2");
        add("Invalid content was found starting with element '(.+?)'\\. No child element( '.+')? is expected at this point\\.",
                "l'élément $1 est en trop : aucun élément n'est attendu à cet endroit");
        add("'(.*)' is not a valid value for '(.+)'\\.", "« $1 » n'est pas une valeur valide de type $2");
        add("The value '(.*)' of element '(.+)' is not valid\\.", "la valeur « $1 » de l'élément $2 n'est pas valide");
        add("The value '(.*)' of attribute '(.+)' on element '(.+)' is not valid with respect to its type, '(.+)'\\.",
                "la valeur « $1 » de l'attribut $2 de l'élément $3 n'est pas valide (type $4)");
        add("Attribute '(.+)' is not allowed to appear in element '(.+)'\\.",
                "l'attribut $1 n'est pas permis sur l'élément $2");
        add("Attribute '(.+)' must appear on element '(.+)'\\.", "l'attribut $1 est obligatoire sur l'élément $2");
        add("Element '(.+)' cannot have character \\[children\\], because the type's content type is element-only\\.",
                "l'élément $1 ne peut pas contenir de texte, seulement des éléments");
        add("Element '(.+)' must have no character or element information item \\[children\\], because the type's content type is empty\\.",
                "l'élément $1 doit être vide");
        add("Value '(.*)' is not facet-valid with respect to enumeration '\\[(.*)\\]'\\. It must be a value from the enumeration\\.",
                "la valeur « $1 » n'est pas dans la liste des valeurs autorisées ($2)");
        add("Value '(.*)' is not facet-valid with respect to pattern '(.*)' for type '(.*)'\\.",
                "la valeur « $1 » ne respecte pas le format attendu ($2)");
        add("Value '(.*)' with length = '(\\d+)' is not facet-valid with respect to minLength '(\\d+)' for type '(.*)'\\.",
                "la valeur « $1 » est trop courte : au moins $3 caractères");
        add("Value '(.*)' with length = '(\\d+)' is not facet-valid with respect to maxLength '(\\d+)' for type '(.*)'\\.",
                "la valeur « $1 » est trop longue : au plus $3 caractères");
        add("Element '(.+)' must have no element \\[children\\], and the value must be valid\\.",
                "la valeur de l'élément $1 n'est pas valide");
        add("Cannot find the declaration of element '(.+)'\\.", "l'élément $1 n'est pas déclaré par le schéma");
    }

    private SchemaMessages() {
    }

    private static void add(String english, String french) {
        FRENCH.put(Pattern.compile(english, Pattern.DOTALL), french);
    }

    /** The validator's key ("cvc-complex-type.2.4.a"), or "" when the message has none. */
    static String key(String validatorMessage) {
        Matcher keyed = KEY.matcher(validatorMessage == null ? "" : validatorMessage.strip());
        return keyed.matches() ? keyed.group(1) : "";
    }

    public static Readable readable(String validatorMessage) {
        String text = validatorMessage == null ? "" : validatorMessage.strip();
        String key = null;
        Matcher keyed = KEY.matcher(text);
        if (keyed.matches()) {
            key = keyed.group(1);
            text = keyed.group(2);
        }
        String english = shortenNamespaces(text);
        String french = english;
        for (Map.Entry<Pattern, String> translation : FRENCH.entrySet()) {
            Matcher match = translation.getKey().matcher(english);
            if (match.matches()) {
                french = expand(match, translation.getValue());
                break;
            }
        }
        String suffix = key == null ? "" : " (" + key + ")";
        return new Readable(french + suffix, english + suffix);
    }

    /** {"urn:...CommonBasicComponents-2":ID, ...} becomes cbc:ID, ... */
    private static String shortenNamespaces(String text) {
        String shorter = text;
        for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
            String replacement = prefix.getValue().isEmpty() ? "" : prefix.getValue() + ":";
            shorter = shorter.replace("\"" + prefix.getKey() + "\":", replacement);
        }
        // Braces around the list of expected elements add nothing once namespaces are prefixes.
        return shorter.replaceAll("'\\{(.*?)\\}'", "'$1'");
    }

    private static String expand(Matcher match, String template) {
        String text = template;
        for (int group = match.groupCount(); group >= 1; group--) {
            String value = match.group(group) == null ? "" : match.group(group);
            if (value.length() > MAX_LIST) {
                value = value.substring(0, MAX_LIST) + "…";
            }
            text = text.replace("$" + group, value);
        }
        return text;
    }
}
