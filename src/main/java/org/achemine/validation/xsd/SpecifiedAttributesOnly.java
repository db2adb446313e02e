package org.achemine.validation.xsd;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.ext.Attributes2;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Passes on what the schema validator read, minus the attributes the schema added by default: the tree built
 * from these events must be the document as written (rules such as CII-DT-045/046 fire on a defaulted
 * attribute that is not in the file). The parser's validator marks them: {@link Attributes2#isSpecified}.
 */
final class SpecifiedAttributesOnly extends XMLFilterImpl {

    SpecifiedAttributesOnly(ContentHandler next) {
        setContentHandler(next);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        Attributes written = atts;
        Attributes2 marked = (Attributes2) atts;
        for (int i = 0; i < atts.getLength(); i++) {
            if (!marked.isSpecified(i)) {
                written = specifiedOnly(marked);
                break;
            }
        }
        super.startElement(uri, localName, qName, written);
    }

    // Whitespace between elements stays text, as the plain parser gives it.
    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        super.characters(ch, start, length);
    }

    private static AttributesImpl specifiedOnly(Attributes2 atts) {
        AttributesImpl kept = new AttributesImpl();
        for (int i = 0; i < atts.getLength(); i++) {
            if (atts.isSpecified(i)) {
                kept.addAttribute(atts.getURI(i), atts.getLocalName(i), atts.getQName(i), atts.getType(i),
                        atts.getValue(i));
            }
        }
        return kept;
    }
}
