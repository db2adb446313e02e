package org.achemine.validation.xsd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.achemine.validation.CheckResult;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.Syntax;
import org.achemine.xml.HardenedXml;
import org.junit.jupiter.api.Test;

/**
 * The XSD check lends each thread's reader and validator to one document after another: a document must get the
 * findings and the tree a fresh pair gives it, whatever the documents before it did (a fatal error midway, schema
 * errors, another syntax).
 */
class XsdCheckReuseTest {

    private static final XsdCheck REUSED = new XsdCheck();

    @Test
    void aDocumentGetsTheFindingsOfAFreshValidatorWhateverCameBefore() throws Exception {
        // given valid and invalid documents of both syntaxes, one cut off midway (a fatal error stops its parse)
        byte[] valid = resource("/en16931/ubl-tc434-example1.xml");
        byte[] cii = resource("/en16931/CII_example1.xml");
        byte[] xsdErrors = Files.readAllBytes(Path.of("samples/invalid/xsd-error.xml"));
        byte[] cutOff = java.util.Arrays.copyOf(valid, valid.length / 2);
        List<ParsedInvoice> sequence = List.of(
                invoice("cut-off.xml", cutOff, Syntax.UBL_INVOICE),
                invoice("valid.xml", valid, Syntax.UBL_INVOICE),
                invoice("xsd-error.xml", xsdErrors, Syntax.UBL_INVOICE),
                invoice("cii.xml", cii, Syntax.CII_D16B),
                invoice("cut-off-again.xml", cutOff, Syntax.UBL_INVOICE),
                invoice("valid-again.xml", valid, Syntax.UBL_INVOICE),
                invoice("cii-again.xml", cii, Syntax.CII_D16B));

        // when each is checked in turn by the one check, then by a check of its own
        List<CheckResult> reused = new ArrayList<>();
        for (ParsedInvoice invoice : sequence) {
            reused.add(REUSED.check(invoice));
        }

        // then findings (codes, messages, locations, order) and outcomes are the same, and so is each tree
        XsdCheck fresh = new XsdCheck();
        for (int i = 0; i < sequence.size(); i++) {
            ParsedInvoice again = invoice(sequence.get(i).name(), sequence.get(i).bytes(), sequence.get(i).syntax());
            CheckResult alone = fresh.check(again);
            assertThat(reused.get(i).findings()).as(sequence.get(i).name()).isEqualTo(alone.findings());
            assertThat(reused.get(i).outcome()).isEqualTo(alone.outcome());
        }
        assertThat(reused.get(0).findings()).isNotEmpty();
        assertThat(reused.get(1).findings()).isEmpty();
        assertThat(reused.get(2).findings()).isNotEmpty();
        assertThat(sequence.get(5).tree().toString()).isEqualTo(HardenedXml.buildTree(valid, "valid.xml").toString());
    }

    private static ParsedInvoice invoice(String name, byte[] bytes, Syntax syntax) {
        return new ParsedInvoice(new InvoiceDocument(name, bytes), syntax);
    }

    private static byte[] resource(String path) throws Exception {
        try (InputStream in = XsdCheckReuseTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
