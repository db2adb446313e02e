package org.achemine.validation.xsd;

import javax.xml.validation.TypeInfoProvider;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Passes on what the schema validator read, minus the attributes the schema added by default: the tree built
 * from these events must be the document as written (rules such as CII-DT-045/046 fire on a defaulted
 * attribute that is not in the file). One per validation.
 */
final class SpecifiedAttributesOnly extends XMLFilterImpl {

    private final TypeInfoProvider types;

    SpecifiedAttributesOnly(ContentHandler next, TypeInfoProvider types) {
        this.types = types;
        setContentHandler(next);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        Attributes written = atts;
        for (int i = 0; i < atts.getLength(); i++) {
            if (!types.isSpecified(i)) {
                written = specifiedOnly(atts);
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

    private AttributesImpl specifiedOnly(Attributes atts) {
        AttributesImpl kept = new AttributesImpl();
        for (int i = 0; i < atts.getLength(); i++) {
            if (types.isSpecified(i)) {
                kept.addAttribute(atts.getURI(i), atts.getLocalName(i), atts.getQName(i), atts.getType(i),
                        atts.getValue(i));
            }
        }
        return kept;
    }
}
