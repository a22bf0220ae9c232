package dev.roster.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.roster.testkit", importOptions = ImportOption.DoNotIncludeTests.class)
class TestkitArchitectureTest {

    @ArchTest
    static final ArchRule usesOnlyCoreJUnitWireMockAndJackson = classes()
            .that().resideInAPackage("dev.roster.testkit..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "dev.roster", "dev.roster.spi", "dev.roster.testkit..",
                    "org.junit..", "org.opentest4j..", "org.apiguardian..",
                    "com.github.tomakehurst.wiremock..", "com.fasterxml.jackson..", "com.atlassian.oai..",
                    "io.swagger..")
            .because("the testkit may depend on core, JUnit 5, WireMock and Jackson only (ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule neverSeesAProvider = noClasses()
            .that().resideInAPackage("dev.roster.testkit..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.roster.openai..", "dev.roster.confluent..")
            .because("nothing depends on a provider module: simulators speak HTTP, not the adapters' classes");

    @ArchTest
    static final ArchRule leavesCoreInternalsAlone = noClasses()
            .that().resideInAPackage("dev.roster.testkit..")
            .should().dependOnClassesThat().resideInAPackage("dev.roster.internal..")
            .because("core's internal package is not part of its API");
}
