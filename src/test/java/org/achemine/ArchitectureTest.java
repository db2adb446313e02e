package org.achemine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules that code review alone would let slip. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.achemine");
    }

    @Test
    void xmlParsersAreMadeOnlyInTheHardenedFactory() {
        xmlOnlyThroughTheHardenedFactory().check(classes);
    }

    @Test
    void theXmlRuleCatchesEveryParserAndTransformerEntryPoint() {
        // given a class outside org.achemine.xml reaching XML through every door it could
        JavaClasses everyDoor = new ClassFileImporter().importClasses(EveryXmlDoor.class);

        // then each door is one violation: none passes unseen
        assertThat(xmlOnlyThroughTheHardenedFactory().evaluate(everyDoor).getFailureReport().getDetails())
                .hasSize(EveryXmlDoor.DOORS);
    }

    /** Static factories of the JDK's XML APIs: each makes a parser, transformer or XPath engine of its own. */
    private static final Set<String> XML_FACTORIES = Set.of("javax.xml.parsers.SAXParserFactory",
            "javax.xml.parsers.DocumentBuilderFactory", "javax.xml.stream.XMLInputFactory",
            "javax.xml.validation.SchemaFactory", "javax.xml.transform.TransformerFactory",
            "javax.xml.transform.sax.SAXTransformerFactory", "javax.xml.xpath.XPathFactory",
            "org.xml.sax.helpers.XMLReaderFactory");
    private static final Set<String> FACTORY_METHODS = Set.of("newInstance", "newDefaultInstance", "newNSInstance",
            "newDefaultNSInstance", "newFactory", "newDefaultFactory", "createXMLReader");
    /** Sources JAXB would parse with a parser of its own; a hardened XMLStreamReader is the way in. */
    private static final Set<String> UNMARSHAL_SOURCES = Set.of("java.io.File", "java.io.InputStream", "java.io.Reader",
            "java.net.URL", "org.xml.sax.InputSource", "javax.xml.transform.Source");

    private static ArchRule xmlOnlyThroughTheHardenedFactory() {
        DescribedPredicate<JavaCall<?>> entryPoint = new DescribedPredicate<>(
                "make an XML parser, transformer, XPath engine or Saxon processor, or unmarshal unparsed bytes") {
            @Override
            public boolean test(JavaCall<?> call) {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                List<String> parameters = call.getTarget().getRawParameterTypes().stream().map(JavaClass::getName).toList();
                return XML_FACTORIES.contains(owner) && FACTORY_METHODS.contains(name)
                        || owner.startsWith("net.sf.saxon.") && name.equals(JavaConstructor.CONSTRUCTOR_NAME)
                            && (owner.equals("net.sf.saxon.s9api.Processor") || owner.equals("net.sf.saxon.Configuration")
                                || owner.endsWith("TransformerFactoryImpl"))
                        || owner.equals("net.sf.saxon.Configuration") && name.equals("newConfiguration")
                        || owner.equals("jakarta.xml.bind.Unmarshaller") && name.equals("unmarshal")
                            && !parameters.isEmpty() && UNMARSHAL_SOURCES.contains(parameters.get(0));
            }
        };
        return noClasses().that().resideOutsideOfPackage("org.achemine.xml..")
                .should().callCodeUnitWhere(entryPoint)
                .because("XML from partners is parsed only through org.achemine.xml.HardenedXml");
    }

    @Test
    void validationNeedsNeitherSpringNorCamel() {
        noClasses().that().resideInAPackage("org.achemine.validation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..")
                .because("the offline validate command runs validation without an application context")
                .check(classes);
    }

    @Test
    void camelStaysInTheRoutes() {
        noClasses().that().resideOutsideOfPackages("org.achemine.intake..", "org.achemine.delivery..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
                .because("routes are declarative; logic lives in plain classes taking our own types")
                .check(classes);
    }

    @Test
    void timeComesFromThePlatformClock() {
        noClasses().that().doNotHaveFullyQualifiedName("org.achemine.config.ClockConfiguration")
                // the machine's clock on purpose: Spring Batch's execution times, file modification times, and
                // the offline validate command (no platform, the machine's now is the deposit time), and the
                // time stamped in a command's error log (a log for the operator, not a platform record)
                .and().doNotHaveFullyQualifiedName("org.achemine.routing.RoutingTrigger")
                .and().doNotHaveFullyQualifiedName("org.achemine.directory.DirectoryDrops")
                .and().doNotHaveFullyQualifiedName("org.achemine.validation.engine.ValidationEngine")
                .and().doNotHaveFullyQualifiedName("org.achemine.validation.national.NationalCheck")
                .and().doNotHaveFullyQualifiedName("org.achemine.cli.CompteRenduReport")
                .and().doNotHaveFullyQualifiedName("org.achemine.cli.CommandFailures")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("every date the platform records comes from the one Clock bean, which tests and CI shift"
                        + " (achemine.clock.offset); a date from the machine's clock would not move with it")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.achemine.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Every door to XML the rule must close; not production code (test classes are not imported above). */
    @SuppressWarnings("unused")
    static class EveryXmlDoor {

        static final int DOORS = 16;

        void open(java.io.InputStream in) throws Exception {
            javax.xml.parsers.SAXParserFactory.newInstance();
            javax.xml.parsers.SAXParserFactory.newDefaultInstance();
            javax.xml.parsers.DocumentBuilderFactory.newInstance();
            javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance();
            javax.xml.stream.XMLInputFactory.newFactory();
            javax.xml.stream.XMLInputFactory.newDefaultFactory();
            javax.xml.validation.SchemaFactory.newDefaultInstance();
            javax.xml.transform.TransformerFactory.newInstance();
            javax.xml.transform.TransformerFactory.newDefaultInstance();
            javax.xml.xpath.XPathFactory.newInstance();
            new net.sf.saxon.s9api.Processor();
            new net.sf.saxon.s9api.Processor(false);
            new net.sf.saxon.Configuration();
            net.sf.saxon.Configuration.newConfiguration();
            new net.sf.saxon.TransformerFactoryImpl();
            jakarta.xml.bind.JAXBContext.newInstance(Object.class).createUnmarshaller().unmarshal(in);
        }
    }
}
