package org.achemine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
        noClasses().that().resideOutsideOfPackage("org.achemine.xml..")
                .should().callMethod(javax.xml.parsers.SAXParserFactory.class, "newInstance")
                .orShould().callMethod(javax.xml.parsers.DocumentBuilderFactory.class, "newInstance")
                .orShould().callMethod(javax.xml.stream.XMLInputFactory.class, "newFactory")
                .orShould().callMethod(javax.xml.stream.XMLInputFactory.class, "newInstance")
                .orShould().callMethod(javax.xml.validation.SchemaFactory.class, "newInstance", String.class)
                .orShould().callConstructor(net.sf.saxon.s9api.Processor.class, boolean.class)
                .because("XML from partners is parsed only through org.achemine.xml.HardenedXml")
                .check(classes);
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
                // the offline validate command (no platform, the machine's now is the deposit time)
                .and().doNotHaveFullyQualifiedName("org.achemine.routing.RoutingTrigger")
                .and().doNotHaveFullyQualifiedName("org.achemine.directory.DirectoryInboxFlow")
                .and().doNotHaveFullyQualifiedName("org.achemine.validation.engine.ValidationEngine")
                .and().doNotHaveFullyQualifiedName("org.achemine.validation.national.NationalCheck")
                .and().doNotHaveFullyQualifiedName("org.achemine.cli.CompteRenduReport")
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
}
