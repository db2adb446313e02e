package org.achemine.validation.admissibility;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the XML parser's reasons into French a supplier can act on, keeping the parser's own words in
 * brackets (they are what a developer searches for). Unknown reasons are passed on as they are.
 */
final class ParserMessages {

    private static final Map<Pattern, String> FRENCH = new LinkedHashMap<>();

    static {
        add("The element type \"(.+)\" must be terminated by the matching end-tag \"</(.+)>\"\\.",
                "la balise <$1> n'est pas fermée par la balise </$1> correspondante (balise mal fermée ou mal "
                        + "orthographiée, la casse compte)");
        add("XML document structures must start and end within the same entity\\.",
                "le document est tronqué : il se termine avant la fermeture de ses éléments");
        add("Premature end of file\\.", "le document est tronqué ou vide");
        add("The markup in the document following the root element must be well-formed\\.",
                "du contenu suit la fin de l'élément racine (un document XML n'a qu'un élément racine)");
        add("Content is not allowed in prolog\\.",
                "du texte précède le premier élément : le document ne commence pas par du XML");
        add("Content is not allowed in trailing section\\.", "du texte suit la fin de l'élément racine");
        add("An invalid XML character \\(Unicode: (0x[0-9a-fA-F]+)\\) was found in (?:the )?(.+)\\.",
                "caractère interdit en XML (Unicode $1)");
        add("The processing instruction target matching \"\\[xX\\]\\[mM\\]\\[lL\\]\" is not allowed\\.",
                "la déclaration <?xml ...?> doit être tout au début du document (rien ne doit la précéder)");
        add("Attribute \"(.+)\" was already specified for element \"(.+)\"\\.",
                "l'attribut $1 apparaît deux fois sur l'élément <$2>");
        add("The prefix \"(.+)\" for element \"(.+)\" is not bound\\.",
                "le préfixe « $1 » de l'élément <$2> n'est associé à aucun espace de noms (xmlns:$1 manquant)");
        add("The prefix \"(.+)\" for attribute \"(.+)\" associated with an element type \"(.+)\" is not bound\\.",
                "le préfixe « $1 » de l'attribut $2 n'est associé à aucun espace de noms (xmlns:$1 manquant)");
        add("The entity name must immediately follow the '&' in the entity reference\\.",
                "caractère « & » non échappé (écrivez &amp;)");
        add("The reference to entity \"(.+)\" must end with the ';' delimiter\\.",
                "caractère « & » non échappé (écrivez &amp;)");
        add("The value of attribute \"(.+)\" associated with an element type \"(.+)\" must not contain the '<' character\\.",
                "la valeur de l'attribut $1 de <$2> contient un « < » (écrivez &lt;)");
        add("Element type \"(.+)\" must be followed by either attribute specifications, \">\" or \"/>\"\\.",
                "la balise <$1> est mal formée (attendu des attributs, « > » ou « /> »)");
        add("The content of elements must consist of well-formed character data or markup\\.",
                "contenu d'élément mal formé (un « < » non échappé ?)");
        add("The markup declarations contained or pointed to by the document type declaration must be well-formed\\.",
                "déclaration DOCTYPE mal formée");
        // The JDK's StAX parser hands namespace errors back as raw message keys.
        add(".*#ElementPrefixUnbound\\?([^&]+)&(.+)",
                "le préfixe « $1 » de l'élément <$2> n'est associé à aucun espace de noms (xmlns:$1 manquant)");
        add(".*#AttributePrefixUnbound\\?([^&]+)&([^&]+)&(.+)",
                "le préfixe « $3 » de l'attribut $2 de l'élément <$1> n'est associé à aucun espace de noms "
                        + "(xmlns:$3 manquant)");
        add("The end-tag for element type \"(.+)\" must end with a '>' delimiter\\.",
                "la balise fermante </$1> n'est pas terminée par « > »");
        add("Open quote is expected for attribute \"(.+)\" associated with an  element type  \"(.+)\"\\.",
                "la valeur de l'attribut $1 de <$2> doit être entre guillemets");
    }

    private ParserMessages() {
    }

    private static void add(String english, String french) {
        FRENCH.put(Pattern.compile(english), french);
    }

    /** A reason in French (the parser's words kept in brackets) and as the parser said it, for the English message. */
    record Readable(String french, String original) {
    }

    /** The parser's message without its "ParseError at [row,col]" wrapper, in French when known. */
    static Readable readable(String parserMessage) {
        String reason = parserMessage == null ? "raison inconnue" : parserMessage;
        int marker = reason.indexOf("Message: ");
        if (marker >= 0) {
            reason = reason.substring(marker + "Message: ".length());
        }
        reason = reason.strip();
        for (Map.Entry<Pattern, String> translation : FRENCH.entrySet()) {
            Matcher match = translation.getKey().matcher(reason);
            if (match.matches()) {
                return new Readable(expand(match, translation.getValue()) + " [" + reason + "]", reason);
            }
        }
        return new Readable(reason, reason);
    }

    /** The JDK's processing limits, by the property its message names, in French. */
    private static final Map<String, String> LIMITS = new LinkedHashMap<>();

    static {
        LIMITS.put("entityExpansionLimit", "le document demande plus d'expansions d'entités que le lecteur n'en admet");
        LIMITS.put("elementAttributeLimit", "un élément porte plus d'attributs que le lecteur n'en admet");
        LIMITS.put("maxXMLNameLimit", "un nom d'élément ou d'attribut est plus long que le lecteur ne l'admet");
        LIMITS.put("maxElementDepth", "les éléments sont imbriqués plus profondément que le lecteur ne l'admet");
        LIMITS.put("totalEntitySizeLimit", "la taille cumulée des entités dépasse ce que le lecteur admet");
        LIMITS.put("maxGeneralEntitySizeLimit", "une entité, ou le document lui-même (un nom ou une valeur démesurés),"
                + " dépasse la taille que le lecteur admet");
        LIMITS.put("maxParameterEntitySizeLimit", "une entité paramètre dépasse la taille que le lecteur admet");
        LIMITS.put("maxOccurLimit", "un schéma demande plus d'occurrences que le lecteur n'en admet");
        LIMITS.put("attributes", "un élément porte plus d'attributs que le lecteur n'en admet");
        LIMITS.put("entity expansions", "le document demande plus d'expansions d'entités que le lecteur n'en admet");
    }

    private static final Pattern JDK_LIMIT = Pattern.compile("JAXP\\d{8}|limit imposed by|limit set by|exceeds the limit");
    private static final Pattern LIMIT_VALUE = Pattern.compile(
            "(?:exceeds? the \"([0-9][0-9,.\\s]*)\" limit|limit \"([0-9][0-9,.\\s]*)\"|\"([0-9][0-9,.\\s]*)\" is the limit"
                    + "|more than \"([0-9][0-9,.\\s]*)\")");

    /**
     * When the parser stopped at one of the JDK's processing limits: our own French sentence naming the limit
     * and its value, never the JDK's text (« JAXP00010002 … limit imposed by the JDK »), which is for developers
     * and sometimes names the wrong thing (the document entity « [xml] » for a megabyte-long element name).
     */
    static Optional<String> parserLimit(String parserMessage) {
        if (parserMessage == null || !JDK_LIMIT.matcher(parserMessage).find()) {
            return Optional.empty();
        }
        String what = LIMITS.entrySet().stream().filter(e -> parserMessage.contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("le document dépasse une limite de traitement du lecteur XML");
        Matcher value = LIMIT_VALUE.matcher(parserMessage);
        if (value.find()) {
            for (int group = 1; group <= value.groupCount(); group++) {
                if (value.group(group) != null) {
                    return Optional.of(what + " (limite : " + value.group(group).replaceAll("[^0-9]", "") + ")");
                }
            }
        }
        return Optional.of(what);
    }

    private static String expand(Matcher match, String template) {
        String text = template;
        for (int group = match.groupCount(); group >= 1; group--) {
            text = text.replace("$" + group, match.group(group));
        }
        return text;
    }
}
