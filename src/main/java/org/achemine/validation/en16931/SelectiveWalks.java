package org.achemine.validation.en16931;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.saxon.om.NamespaceUri;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import org.achemine.xml.HardenedXml;

/**
 * Which elements each pattern walk of a compiled Schematron needs to visit. The official walk applies its mode's
 * templates to every element and attribute of the document ({@code apply-templates select="@*|*"} in every rule and
 * in the catch-all), and Saxon-HE looks up a rule for each of them. A rule can only fire on an element that has the
 * name of its match pattern's last step, so the walk can visit, in document order, only the elements bearing one of
 * those names ({@link NamedElements}), each rule no longer walking its children. Each
 * element is then offered the same templates, in the same order, as in the official walk; the others (every
 * attribute, most elements) only ever reached the catch-all, which writes nothing.
 *
 * <p>A mode is rewritten only when the stylesheet has the shape the Schematron skeleton gives it, checked here: every
 * template of the mode is the empty {@code text()} template, the {@code @*|node()} catch-all whose only content is
 * the walk, or a rule whose last instruction is the walk; nothing else applies templates in that mode but the root
 * template (on {@code /}); and every branch of every rule's match pattern (after the wildcard rules' rewrite by name,
 * {@link WildcardIndex}) ends with a step naming an element: a prefixed name or a {@code Q{ns}local}. A mode with a
 * wildcard, attribute or other last step keeps its official walk.
 */
final class SelectiveWalks {

    private static final String WALK = "@*|*";
    private static final Pattern ELEMENT_NAME = Pattern.compile(
            "^(?:child::)?(?:([A-Za-z_][\\w.\\-]*):([A-Za-z_][\\w.\\-]*)|Q\\{([^{}]*)\\}([A-Za-z_][\\w.\\-]*))$");

    private SelectiveWalks() {
    }

    /**
     * Pattern mode (as the stylesheet writes it) → the names of the elements its walk must visit, as
     * {@code Q{ns}local}, separated by spaces, for each mode that can be rewritten.
     *
     * @param wildcardRewrites official match pattern → the patterns replacing it ({@link WildcardIndex}), or none
     */
    static Map<String, String> of(XdmNode stylesheet, Map<String, List<String>> wildcardRewrites)
            throws SaxonApiException {
        Processor processor = HardenedXml.processor();
        XPathCompiler xpath = processor.newXPathCompiler();
        xpath.declareNamespace("xsl", "http://www.w3.org/1999/XSL/Transform");
        Map<String, List<XdmNode>> templates = new LinkedHashMap<>();
        for (XdmItem template : xpath.evaluate("/xsl:stylesheet/xsl:template[@mode]", stylesheet)) {
            templates.computeIfAbsent(((XdmNode) template).attribute("mode"), m -> new ArrayList<>())
                    .add((XdmNode) template);
        }
        Map<String, Integer> walksPerMode = new LinkedHashMap<>();
        for (XdmItem mode : xpath.evaluate("//xsl:apply-templates/@mode", stylesheet)) {
            walksPerMode.merge(mode.getStringValue(), 1, Integer::sum);
        }
        Map<String, String> walks = new LinkedHashMap<>();
        for (QName mode : En16931Check.patternModes(processor, stylesheet)) {
            String name = mode.getLocalName();
            String select = select(templates.getOrDefault(name, List.of()), name,
                    walksPerMode.getOrDefault(name, 0), wildcardRewrites);
            if (select != null) {
                walks.put(name, select);
            }
        }
        return walks;
    }

    /** The elements the mode's rules can match, or null when the mode does not have the skeleton's shape. */
    private static String select(List<XdmNode> templates, String mode, int walksInMode,
            Map<String, List<String>> wildcardRewrites) {
        Set<String> names = new LinkedHashSet<>();
        int textTemplates = 0;
        int catchAlls = 0;
        int walking = 0;
        for (XdmNode template : templates) {
            String match = template.attribute("match");
            List<XdmNode> children = new ArrayList<>();
            template.children().forEach(child -> {
                if (child.getNodeKind() == XdmNodeKind.ELEMENT) {
                    children.add(child);
                }
            });
            boolean endsWithWalk = !children.isEmpty() && isWalk(children.get(children.size() - 1), mode);
            if ("text()".equals(match)) {
                if (!children.isEmpty()) {
                    return null;
                }
                textTemplates++;
            } else if ("@*|node()".equals(match)) {
                if (children.size() != 1 || !endsWithWalk) {
                    return null;
                }
                catchAlls++;
                walking++;
            } else {
                if (!endsWithWalk || match == null) {
                    return null;
                }
                walking++;
                for (String pattern : wildcardRewrites.getOrDefault(match, List.of(match))) {
                    for (String branch : branches(pattern)) {
                        String element = elementName(lastStep(branch), template);
                        if (element == null) {
                            return null;
                        }
                        names.add(element);
                    }
                }
            }
        }
        // the rules' and the catch-all's walks, and the root template's start on /: nothing else walks this mode
        if (textTemplates != 1 || catchAlls != 1 || walksInMode != walking + 1 || names.isEmpty()) {
            return null;
        }
        return String.join(" ", names);
    }

    private static boolean isWalk(XdmNode instruction, String mode) {
        return "apply-templates".equals(instruction.getNodeName().getLocalName())
                && "http://www.w3.org/1999/XSL/Transform".equals(instruction.getNodeName().getNamespace())
                && mode.equals(instruction.attribute("mode")) && WALK.equals(instruction.attribute("select"))
                && !instruction.children().iterator().hasNext();
    }

    /** The pattern's branches: split at each | outside predicates, parentheses, braces and string literals. */
    static List<String> branches(String pattern) {
        List<String> branches = new ArrayList<>();
        int start = 0;
        for (int bar : topLevel(pattern, '|')) {
            branches.add(pattern.substring(start, bar).trim());
            start = bar + 1;
        }
        branches.add(pattern.substring(start).trim());
        return branches;
    }

    /** The branch's last step without its predicates: what follows the last / outside brackets, up to a [. */
    static String lastStep(String branch) {
        List<Integer> slashes = topLevel(branch, '/');
        int stepStart = slashes.isEmpty() ? 0 : slashes.get(slashes.size() - 1) + 1;
        int stepEnd = topLevel(branch, '[').stream().filter(at -> at > stepStart).findFirst().orElse(branch.length());
        return branch.substring(stepStart, stepEnd).trim();
    }

    /** Where the character stands outside predicates, parentheses, braces and string literals (an opening one too). */
    private static List<Integer> topLevel(String text, char wanted) {
        List<Integer> positions = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
                continue;
            }
            if (c == wanted && depth == 0) {
                positions.add(i);
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(' || c == '{') {
                depth++;
            } else if (c == ']' || c == ')' || c == '}') {
                depth--;
            }
        }
        return positions;
    }

    /** The step's element name as Q{ns}local, or null when the step does not name one element. */
    private static String elementName(String step, XdmNode template) {
        Matcher name = ELEMENT_NAME.matcher(step);
        if (!name.matches()) {
            return null;
        }
        if (name.group(3) != null) {
            return "Q{" + name.group(3) + "}" + name.group(4);
        }
        NamespaceUri uri = template.getUnderlyingNode().getAllNamespaces().getURIForPrefix(name.group(1), false);
        return uri == null ? null : "Q{" + uri + "}" + name.group(2);
    }
}
