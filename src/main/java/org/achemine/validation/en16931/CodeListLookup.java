package org.achemine.validation.en16931;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.sf.saxon.expr.XPathContext;
import net.sf.saxon.lib.ExtensionFunctionCall;
import net.sf.saxon.lib.ExtensionFunctionDefinition;
import net.sf.saxon.om.Sequence;
import net.sf.saxon.om.StructuredQName;
import net.sf.saxon.trans.XPathException;
import net.sf.saxon.value.BooleanValue;
import net.sf.saxon.value.SequenceType;

/**
 * {@code codes:listed($value, ' A B C ')}: the official code-list test {@code contains(' A B C ', concat(' ', $value,
 * ' '))} answered from a hash set of the list's codes, built once per list, instead of a scan of the list's text
 * for every coded value (the unit code list alone is 16 KB). Exact: a value that is empty or holds a space, which
 * a set cannot answer like {@code contains}, is given to {@code contains} itself. The stylesheet rewrite
 * ({@code trim-svrl.xsl}) calls it in place of the official expression.
 */
final class CodeListLookup extends ExtensionFunctionDefinition {

    static final String NAMESPACE = "urn:achemine:en16931:code-lists";
    private static final StructuredQName NAME = new StructuredQName("codes", NAMESPACE, "listed");

    /** The codes of each list, keyed by the list's text as the stylesheet writes it (a few dozen lists). */
    private final ConcurrentMap<String, Set<String>> codesByList = new ConcurrentHashMap<>();

    @Override
    public StructuredQName getFunctionQName() {
        return NAME;
    }

    @Override
    public SequenceType[] getArgumentTypes() {
        return new SequenceType[] {SequenceType.SINGLE_STRING, SequenceType.SINGLE_STRING};
    }

    @Override
    public SequenceType getResultType(SequenceType[] suppliedArgumentTypes) {
        return SequenceType.SINGLE_BOOLEAN;
    }

    @Override
    public ExtensionFunctionCall makeCallExpression() {
        return new ExtensionFunctionCall() {
            @Override
            public Sequence call(XPathContext context, Sequence[] arguments) throws XPathException {
                String value = arguments[0].head().getStringValue();
                String list = arguments[1].head().getStringValue();
                return BooleanValue.get(listed(value, list));
            }
        };
    }

    boolean listed(String value, String list) {
        if (value.isEmpty() || value.indexOf(' ') >= 0) {
            return list.contains(" " + value + " ");
        }
        return codesByList.computeIfAbsent(list, CodeListLookup::codes).contains(value);
    }

    /** Each code between two spaces: exactly the values {@code contains(list, ' value ')} finds. */
    private static Set<String> codes(String list) {
        Set<String> codes = new HashSet<>();
        String[] tokens = list.split(" ", -1);
        for (int i = 1; i < tokens.length - 1; i++) {
            if (!tokens[i].isEmpty()) {
                codes.add(tokens[i]);
            }
        }
        return Set.copyOf(codes);
    }
}
