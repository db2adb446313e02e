package org.achemine.validation.en16931;

import static org.assertj.core.api.Assertions.assertThat;

import com.helger.diagnostics.error.IError;
import com.helger.io.resource.inmemory.ReadableResourceByteArray;
import com.helger.phive.api.executor.IValidationExecutor;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.xml.schematron.ValidationExecutorSchematron;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import com.helger.schematron.svrl.DefaultSVRLErrorLevelDeterminator;
import com.helger.schematron.svrl.SVRLHelper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XdmNode;
import org.achemine.bench.InvoiceGenerator;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.Syntax;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * achemine's execution of the official EN 16931 1.3.16 rules gives exactly phive's findings (phive runs the
 * untouched official XSLT on the same Saxon-HE): the same failed asserts in the same order, each with the same
 * id, flag (as phive's error level) and location. On the 34 official examples, on broken variants of each of them
 * for each rule family (core, calculation, code lists, decimals, VAT categories, syntax and data-type rules), and
 * on invoices over 256 KB. On every file, the pattern walks run in parallel, and the rules with the path summary
 * (used from 64 KB), and the official wildcard patterns (in place of the same rules looked up by element name),
 * give the same findings as the sequential walk.
 */
class En16931AgreesWithPhiveTest {

    private static En16931Check achemine;
    private static ValidationExecutorSchematron phiveUbl;
    private static ValidationExecutorSchematron phiveCii;

    /** One way of breaking an invoice: a regular expression replaced once, and the rule family it targets. */
    private record Mutation(String family, Pattern find, String replacement) {

        static Mutation of(String family, String regex, String replacement) {
            return new Mutation(family, Pattern.compile(regex), replacement);
        }

        String apply(String xml) {
            Matcher matcher = find.matcher(xml);
            return matcher.find() ? matcher.replaceFirst(replacement) : null;
        }
    }

    private static final List<Mutation> UBL_MUTATIONS = List.of(
            Mutation.of("BR (core: type code missing)", "<cbc:InvoiceTypeCode>[^<]*</cbc:InvoiceTypeCode>", ""),
            Mutation.of("BR-CO (amount due)", "(<cbc:PayableAmount currencyID=\"[A-Z]+\">)[0-9.]+<", "$11.00<"),
            Mutation.of("BR-CO (line total)", "(<cbc:LineExtensionAmount currencyID=\"[A-Z]+\">)[0-9.]+<", "$17.00<"),
            Mutation.of("BR-CL (currency)", "<cbc:DocumentCurrencyCode>[A-Z]+<", "<cbc:DocumentCurrencyCode>EUX<"),
            Mutation.of("BR-CL (unit code)", "unitCode=\"[^\"]*\"", "unitCode=\"NOPE\""),
            Mutation.of("BR-DEC (decimals)", "(<cbc:TaxExclusiveAmount currencyID=\"[A-Z]+\">[0-9]+)(\\.[0-9]+)?<",
                    "$1.123<"),
            Mutation.of("BR-S/BR-Z (VAT category)", "(<cac:TaxCategory>\\s*<cbc:ID>)S<", "$1Z<"),
            Mutation.of("BR-S (VAT rate)", "(<cbc:Percent>)[0-9.]+<", "$113.7<"),
            Mutation.of("UBL-CR (element not used)", "<cbc:DocumentCurrencyCode>",
                    "<cbc:PricingCurrencyCode>EUR</cbc:PricingCurrencyCode><cbc:DocumentCurrencyCode>"),
            Mutation.of("UBL-SR (repeated element)", "(<cbc:IssueDate>[^<]*</cbc:IssueDate>)",
                    "$1<cbc:TaxPointDate>2020-01-01</cbc:TaxPointDate><cbc:TaxPointDate>2020-01-02</cbc:TaxPointDate>"),
            // a path-absence assert of the document element's rule whose path goes through the lines
            Mutation.of("UBL-CR (line element not used)",
                    "(<cac:(?:Invoice|CreditNote)Line>\\s*<cbc:ID>[^<]*</cbc:ID>)",
                    "$1<cbc:UUID>1</cbc:UUID>"),
            Mutation.of("UBL-DT (empty element)", "<cbc:IssueDate>[^<]*</cbc:IssueDate>", "<cbc:IssueDate/>"),
            // VAT category rules that read //cac:InvoiceLine once per document
            Mutation.of("BR-E (line VAT category)", "(<cac:ClassifiedTaxCategory>\\s*<cbc:ID>)S<", "$1E<"),
            // the selective walks (every pattern): rule elements where no schema puts them, beside comments and
            // processing instructions, found by name wherever they are
            Mutation.of("walks (rule elements in an extension)", "(<cbc:CustomizationID>)",
                    "<!-- c --><?pi x?><ext:UBLExtensions xmlns:ext=\"urn:oasis:names:specification:ubl:schema:xsd:"
                            + "CommonExtensionComponents-2\"><ext:UBLExtension><ext:ExtensionContent><cac:PostalAddress>"
                            + "<cbc:StreetName/></cac:PostalAddress><cbc:Amount currencyID=\"XXX\">1.234</cbc:Amount>"
                            + "</ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>$1"));

    private static final List<Mutation> CII_MUTATIONS = List.of(
            Mutation.of("BR (core: type code missing)", "<ram:TypeCode>[^<]*</ram:TypeCode>", ""),
            Mutation.of("BR-CO (grand total)", "(<ram:GrandTotalAmount[^>]*>)[0-9.]+<", "$11.00<"),
            Mutation.of("BR-CO (line total)", "(<ram:LineTotalAmount[^>]*>)[0-9.]+<", "$17.00<"),
            Mutation.of("BR-CL (currency)", "<ram:InvoiceCurrencyCode>[A-Z]+<", "<ram:InvoiceCurrencyCode>EUX<"),
            Mutation.of("BR-CL (unit code)", "unitCode=\"[^\"]*\"", "unitCode=\"NOPE\""),
            Mutation.of("BR-DEC (decimals)", "(<ram:TaxBasisTotalAmount[^>]*>[0-9]+)(\\.[0-9]+)?<", "$1.123<"),
            Mutation.of("BR-S/BR-Z (VAT category)", "<ram:CategoryCode>S<", "<ram:CategoryCode>Z<"),
            Mutation.of("BR-S (VAT rate)", "(<ram:RateApplicablePercent>)[0-9.]+<", "$113.7<"),
            Mutation.of("CII-SR (element not used)", "(<ram:GuidelineSpecifiedDocumentContextParameter>)",
                    "<ram:TestIndicator><udt:Indicator>true</udt:Indicator></ram:TestIndicator>$1"),
            Mutation.of("CII-DT (date format)", "format=\"102\"", "format=\"610\""),
            // path-absence asserts of a rule per line and of a wildcard rule (TradeTax)
            Mutation.of("CII-SR (line element not used)",
                    "(<ram:AssociatedDocumentLineDocument>\\s*<ram:LineID>[^<]*</ram:LineID>)",
                    "$1<ram:IncludedNote><ram:Subject>x</ram:Subject></ram:IncludedNote>"),
            Mutation.of("CII-SR (tax element not used)", "(<ram:ApplicableTradeTax>)",
                    "$1<ram:CalculatedRate>1</ram:CalculatedRate>"),
            Mutation.of("CII-SR (empty element)", "<ram:ID>[^<]+</ram:ID>", "<ram:ID></ram:ID>"),
            // line, tax and total rules that read the header's parties and currencies once per document
            Mutation.of("BR-S (seller VAT identifier)", "schemeID=\"VA\"", "schemeID=\"VX\""),
            Mutation.of("BR-53 (tax currency)", "(<ram:InvoiceCurrencyCode>)",
                    "<ram:TaxCurrencyCode>USD</ram:TaxCurrencyCode>$1"),
            // the selective walks (every pattern): a rule element where no schema puts it, beside comments and
            // processing instructions, found by name wherever it is
            Mutation.of("walks (rule element out of place)", "(<ram:GuidelineSpecifiedDocumentContextParameter>)",
                    "<!-- c --><?pi x?><ram:TaxTotalAmount currencyID=\"XXX\">1.234</ram:TaxTotalAmount>"
                            + "<ram:BilledQuantity unitCode=\"NOPE\">1</ram:BilledQuantity>$1"));

    @BeforeAll
    static void compileBothEngines() {
        achemine = new En16931Check(true, true);
        ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();
        EN16931Validation.initEN16931(registry);
        phiveUbl = schematronOf(registry.getOfID(EN16931Validation.VID_UBL_INVOICE_1316));
        phiveCii = schematronOf(registry.getOfID(EN16931Validation.VID_CII_1316));
    }

    @Test
    void theOfficialExamplesGivePhivesFindings() throws Exception {
        // given the 34 official examples
        Map<String, byte[]> examples = officialExamples();
        assertThat(examples).hasSize(34);

        // when / then
        for (Map.Entry<String, byte[]> example : examples.entrySet()) {
            assertSameFindings(example.getKey(), example.getValue());
            // and the wildcard rules were looked up by name: the examples hold only names the schemas declare
            assertThat(achemine.matchedByName(treeOf(example.getValue()), syntaxOf(example.getValue())))
                    .as("wildcard rules by name on %s", example.getKey()).isTrue();
        }
    }

    @Test
    void aNameTheSchemasDoNotDeclareIsMatchedByTheOfficialWildcardPatterns() throws Exception {
        // given a UBL example with a foreign amount of three decimals in an extension, and a CII example with an
        // undeclared ram:…ID with a scheme name: the wildcard rules (UBL-DT-01, CII-DT-…) match them, no name list does
        Map<String, byte[]> examples = officialExamples();
        String ubl = new String(examples.get("ubl-tc434-example1.xml"), StandardCharsets.UTF_8).replaceFirst(
                "(<cbc:CustomizationID>)", "<ext:UBLExtensions xmlns:ext=\"urn:oasis:names:specification:ubl:schema:"
                        + "xsd:CommonExtensionComponents-2\"><ext:UBLExtension><ext:ExtensionContent><x:FeeAmount "
                        + "xmlns:x=\"urn:example:foreign\">1.234</x:FeeAmount></ext:ExtensionContent></ext:UBLExtension>"
                        + "</ext:UBLExtensions>$1");
        String cii = new String(examples.get("CII_example1.xml"), StandardCharsets.UTF_8).replaceFirst(
                "(<ram:TypeCode>)", "<ram:UndeclaredID schemeName=\"x\">1</ram:UndeclaredID>$1");

        for (byte[] bytes : List.of(ubl.getBytes(StandardCharsets.UTF_8), cii.getBytes(StandardCharsets.UTF_8))) {
            // when
            boolean byName = achemine.matchedByName(treeOf(bytes), syntaxOf(bytes));
            List<String> findings = assertSameFindings("undeclared name", bytes);

            // then the official patterns ran, and the rule on the undeclared element fired as phive's did
            assertThat(byName).isFalse();
            assertThat(findings).anyMatch(f -> f.contains("FeeAmount") || f.contains("UndeclaredID"));
        }
    }

    @Test
    void brokenVariantsOfEachRuleFamilyGivePhivesFindings() throws Exception {
        // given each official example broken once per rule family, where the example has what the mutation changes
        List<String> familiesThatFired = new ArrayList<>();
        int mutants = 0;
        for (Map.Entry<String, byte[]> example : officialExamples().entrySet()) {
            String xml = new String(example.getValue(), StandardCharsets.UTF_8);
            Syntax syntax = syntaxOf(example.getValue());
            List<String> unbroken = failuresOf(example.getValue());
            for (Mutation mutation : syntax.isUbl() ? UBL_MUTATIONS : CII_MUTATIONS) {
                String broken = mutation.apply(xml);
                if (broken == null || broken.equals(xml)) {
                    continue;
                }
                mutants++;
                // when / then
                List<String> failures = assertSameFindings(example.getKey() + " / " + mutation.family(),
                        broken.getBytes(StandardCharsets.UTF_8));
                if (!failures.equals(unbroken)) {
                    familiesThatFired.add((syntax.isUbl() ? "UBL " : "CII ") + mutation.family());
                }
            }
        }

        // and every mutation changed the findings of at least one example (each family was really exercised)
        assertThat(mutants).isGreaterThan(200);
        List<String> expected = new ArrayList<>();
        UBL_MUTATIONS.forEach(m -> expected.add("UBL " + m.family()));
        CII_MUTATIONS.forEach(m -> expected.add("CII " + m.family()));
        assertThat(familiesThatFired).containsAll(expected);
    }

    @Test
    void invoicesOver256KbGivePhivesFindingsWalkedInParallelOrNot() throws Exception {
        // given generated invoices of 1,500 lines (UBL invoice, credit note, CII), valid and broken, and the
        // official example carrying a 3 MB attachment
        List<byte[]> large = new ArrayList<>();
        for (InvoiceGenerator.Kind kind : InvoiceGenerator.Kind.values()) {
            byte[] valid = InvoiceGenerator.generate(kind, 1500, 11);
            large.add(valid);
            String xml = new String(valid, StandardCharsets.UTF_8);
            for (Mutation mutation : kind == InvoiceGenerator.Kind.CII ? CII_MUTATIONS : UBL_MUTATIONS) {
                String broken = mutation.apply(xml);
                if (broken != null && !broken.equals(xml)) {
                    large.add(broken.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        large.add(officialExamples().get("FT G2G_TD01 con Allegato, Bonifico e Split Payment.xml"));

        // when / then
        for (int i = 0; i < large.size(); i++) {
            assertThat(large.get(i).length).isGreaterThan(256 * 1024);
            assertSameFindings("large invoice " + i, large.get(i));
        }
    }

    /**
     * Checks one file: achemine's sequential and parallel walks against phive; returns achemine's failures as text.
     */
    private static List<String> assertSameFindings(String name, byte[] bytes) throws Exception {
        Syntax syntax = syntaxOf(bytes);
        XdmNode tree = new ParsedInvoice(new InvoiceDocument(name, bytes), syntax).tree();
        List<SvrlCollector.Failure> sequential = achemine.failures(tree, syntax, false, false);
        List<SvrlCollector.Failure> parallel = achemine.failures(tree, syntax, true, false);
        List<SvrlCollector.Failure> summarised = achemine.failures(tree, syntax, false, true);
        List<SvrlCollector.Failure> officialPatterns = achemine.failures(tree, syntax, false, false, true);
        List<String> ours = sequential.stream().map(En16931AgreesWithPhiveTest::asPhiveReportsIt).toList();
        List<String> theirs = phive(syntax, name, bytes);
        assertThat(ours).as("achemine against phive on %s", name).isEqualTo(theirs);
        assertThat(parallel).as("parallel walks against the sequential walk on %s", name).isEqualTo(sequential);
        assertThat(summarised).as("path summary against the official path asserts on %s", name).isEqualTo(sequential);
        assertThat(officialPatterns).as("wildcard rules by name against the official patterns on %s", name)
                .isEqualTo(sequential);
        return ours;
    }

    private static XdmNode treeOf(byte[] bytes) throws Exception {
        return new ParsedInvoice(new InvoiceDocument("example", bytes), syntaxOf(bytes)).tree();
    }

    private static List<String> failuresOf(byte[] bytes) throws Exception {
        Syntax syntax = syntaxOf(bytes);
        XdmNode tree = new ParsedInvoice(new InvoiceDocument("original", bytes), syntax).tree();
        return achemine.failures(tree, syntax, false, false).stream().map(En16931AgreesWithPhiveTest::asPhiveReportsIt)
                .toList();
    }

    /** Id, flag as phive turns it into a level, and location through phive's own location beautifier. */
    private static String asPhiveReportsIt(SvrlCollector.Failure failure) {
        return failure.id() + " | " + DefaultSVRLErrorLevelDeterminator.getDefaultErrorLevelFromString(failure.flag())
                .getID() + " | " + SVRLHelper.getBeautifiedLocation(failure.location());
    }

    private static List<String> phive(Syntax syntax, String name, byte[] bytes) {
        ValidationExecutorSchematron executor = syntax.isUbl() ? phiveUbl : phiveCii;
        List<String> failures = new ArrayList<>();
        for (IError error : executor.applyValidation(
                ValidationSourceXML.create(new ReadableResourceByteArray(name, bytes)),
                IValidityDeterminator.createDefault(), Locale.ROOT).getErrorList()) {
            failures.add(error.getErrorID() + " | " + error.getErrorLevel().getID() + " | " + error.getErrorFieldName());
        }
        return failures;
    }

    private static ValidationExecutorSchematron schematronOf(IValidationExecutorSet<IValidationSourceXML> set) {
        for (IValidationExecutor<IValidationSourceXML> executor : set.executors()) {
            if (executor instanceof ValidationExecutorSchematron schematron) {
                return schematron;
            }
        }
        throw new IllegalStateException("No Schematron in phive's set " + set.getID());
    }

    private static Syntax syntaxOf(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        if (head.contains("CrossIndustryInvoice")) {
            return Syntax.CII_D16B;
        }
        return head.contains("CreditNote-2") ? Syntax.UBL_CREDIT_NOTE : Syntax.UBL_INVOICE;
    }

    /** The official examples (src/test/resources/en16931, EUPL-1.2, see NOTICE), by file name. */
    private static Map<String, byte[]> officialExamples() throws IOException, URISyntaxException {
        Path folder = Path.of(En16931AgreesWithPhiveTest.class.getResource("/en16931").toURI());
        Map<String, byte[]> examples = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml"))
                    .toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    examples.put(file.getFileName().toString(), in.readAllBytes());
                }
            }
        }
        return examples;
    }
}
