package org.achemine.validation.xsd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.achemine.xml.HardenedXml;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/** The path the tracker gives at each element: positions among same-named siblings, reset per parent. */
class ElementPathTrackerTest {

    @Test
    void givesEachElementItsPathWithItsPositionAmongSameNamedSiblings() throws Exception {
        // given a document with repeated siblings under two parents
        String xml = "<Invoice xmlns:cac='urn:cac' xmlns:cbc='urn:cbc'><cbc:ID/>"
                + "<cac:InvoiceLine><cbc:ID/><cac:Price/><cac:Price/></cac:InvoiceLine>"
                + "<cac:InvoiceLine><cbc:ID/><cac:Price/></cac:InvoiceLine></Invoice>";

        // when it is read through the tracker, then each element's path names its position past the first
        assertThat(pathsOf(xml)).containsExactly(
                "/Invoice", "/Invoice/cbc:ID",
                "/Invoice/cac:InvoiceLine", "/Invoice/cac:InvoiceLine/cbc:ID",
                "/Invoice/cac:InvoiceLine/cac:Price", "/Invoice/cac:InvoiceLine/cac:Price[2]",
                "/Invoice/cac:InvoiceLine[2]", "/Invoice/cac:InvoiceLine[2]/cbc:ID",
                "/Invoice/cac:InvoiceLine[2]/cac:Price");
    }

    @Test
    void countsSiblingsPastTheScannedNamesAndAfterThemToo() throws Exception {
        // given a parent with more distinct child names than the linear scan keeps, each name given twice
        StringBuilder xml = new StringBuilder("<r>");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 50; i++) {
                xml.append("<e").append(i).append("/>");
            }
        }
        xml.append("<after><e0/></after></r>");

        // when it is read through the tracker
        List<String> paths = pathsOf(xml.toString());

        // then the second of each name is [2], whether it was counted by the scan or by the map, and a new
        // parent starts its counts afresh
        assertThat(paths.get(1)).isEqualTo("/r/e0");
        assertThat(paths.get(50)).isEqualTo("/r/e49");
        assertThat(paths.get(51)).isEqualTo("/r/e0[2]");
        assertThat(paths.get(51 + 33)).isEqualTo("/r/e33[2]");
        assertThat(paths.get(100)).isEqualTo("/r/e49[2]");
        assertThat(paths.subList(101, 103)).containsExactly("/r/after", "/r/after/e0");
    }

    @Test
    void saysSlashBeforeTheRootAndKeepsTheElementUntilItsEndTag() throws Exception {
        // given a tracker over a hardened reader, and a handler that asks the path at end tags
        ElementPathTracker tracker = new ElementPathTracker(HardenedXml.newXmlReader());
        List<String> atEnd = new ArrayList<>();
        List<String> before = new ArrayList<>();
        tracker.setContentHandler(new DefaultHandler() {
            @Override
            public void startDocument() {
                before.add(tracker.currentPath());
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                atEnd.add(tracker.currentPath());
            }
        });

        // when a document is read
        tracker.parse(new InputSource(new ByteArrayInputStream("<a><b/><b/></a>".getBytes(StandardCharsets.UTF_8))));

        // then an end tag still points at its element (where "content incomplete" errors are raised)
        assertThat(before).containsExactly("/");
        assertThat(atEnd).containsExactly("/a/b", "/a/b[2]", "/a");
        assertThat(tracker.currentPath()).isEqualTo("/");
    }

    private static List<String> pathsOf(String xml) throws Exception {
        ElementPathTracker tracker = new ElementPathTracker(HardenedXml.newXmlReader());
        List<String> paths = new ArrayList<>();
        tracker.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                paths.add(tracker.currentPath());
            }
        });
        tracker.parse(new InputSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        return paths;
    }
}
