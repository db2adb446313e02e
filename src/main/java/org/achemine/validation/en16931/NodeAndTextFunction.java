package org.achemine.validation.en16931;

import net.sf.saxon.expr.XPathContext;
import net.sf.saxon.lib.ExtensionFunctionCall;
import net.sf.saxon.lib.ExtensionFunctionDefinition;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.om.Sequence;
import net.sf.saxon.om.StructuredQName;
import net.sf.saxon.trans.XPathException;
import net.sf.saxon.value.SequenceType;

/**
 * A Saxon extension function taking a node and a string the stylesheet writes (paths, names): the declaration Saxon
 * asks of every extension function, written once for {@link PathSummary},
 * {@link PathPresence} and {@link NamedElements}.
 */
abstract class NodeAndTextFunction extends ExtensionFunctionDefinition {

    private final StructuredQName name;
    private final SequenceType resultType;

    NodeAndTextFunction(StructuredQName name, SequenceType resultType) {
        this.name = name;
        this.resultType = resultType;
    }

    /** The function's answer for {@code node} and the stylesheet's {@code text}. */
    abstract Sequence call(XPathContext context, NodeInfo node, String text) throws XPathException;

    @Override
    public final StructuredQName getFunctionQName() {
        return name;
    }

    @Override
    public final SequenceType[] getArgumentTypes() {
        return new SequenceType[] {SequenceType.SINGLE_NODE, SequenceType.SINGLE_STRING};
    }

    @Override
    public final SequenceType getResultType(SequenceType[] suppliedArgumentTypes) {
        return resultType;
    }

    @Override
    public final ExtensionFunctionCall makeCallExpression() {
        return new ExtensionFunctionCall() {
            @Override
            public Sequence call(XPathContext context, Sequence[] arguments) throws XPathException {
                return NodeAndTextFunction.this.call(context, (NodeInfo) arguments[0].head(),
                        arguments[1].head().getStringValue());
            }
        };
    }
}
