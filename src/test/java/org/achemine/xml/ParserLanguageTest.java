package org.achemine.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.achemine.validation.Finding;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.Syntax;
import org.achemine.validation.admissibility.XmlAdmissibilityCheck;
import org.achemine.validation.xsd.XsdCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser's and the schema validator's reasons do not change with the machine's language: on a JVM in
 * French or German they are still the base English ones, which our French messages rewrite.
 */
class ParserLanguageTest {

    private Locale machine;

    @BeforeEach
    void remember() {
        machine = Locale.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(machine);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr-FR", "de-DE", "ja-JP"})
    void notWellFormedReasonIsOursOnAnyJvmLanguage(String language) throws Exception {
        // given a JVM in another language
        Locale.setDefault(Locale.forLanguageTag(language));
        byte[] bytes = Files.readAllBytes(Path.of("samples/invalid/not-well-formed.xml"));

        // when the admissibility check refuses a badly closed tag
        Finding finding = new XmlAdmissibilityCheck().check(new InvoiceDocument("f.xml", bytes)).result().findings()
                .get(0);

        // then the reason is our French, with the parser's English words in brackets
        assertThat(finding.code()).isEqualTo("IRR_SYNTAX");
        assertThat(finding.message()).contains("n'est pas fermée par la balise").contains("must be terminated");
        assertThat(finding.messageEn()).contains("must be terminated by the matching end-tag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr-FR", "de-DE", "ja-JP"})
    void schemaReasonIsOursOnAnyJvmLanguage(String language) throws Exception {
        // given a JVM in another language
        Locale.setDefault(Locale.forLanguageTag(language));
        byte[] bytes = Files.readAllBytes(Path.of("samples/invalid/xsd-error.xml"));

        // when the schema check reports a bad date
        List<Finding> findings = new XsdCheck().check(new ParsedInvoice(new InvoiceDocument("f.xml", bytes),
                Syntax.UBL_INVOICE)).findings();

        // then the reason is our French rewrite of the validator's English
        assertThat(findings.get(0).message()).contains("n'est pas une valeur valide de type date")
                .endsWith("(cvc-datatype-valid.1.2.1)");
        assertThat(findings.get(0).messageEn()).contains("is not a valid value for 'date'");
    }
}
