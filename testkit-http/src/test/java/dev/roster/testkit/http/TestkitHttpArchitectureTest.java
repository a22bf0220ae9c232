package dev.roster.testkit.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.roster.testkit", importOptions = ImportOption.DoNotIncludeTests.class)
class TestkitHttpArchitectureTest {

    private static final String[] HTTP_PACKAGES = {
        "dev.roster.testkit.simulator", "dev.roster.testkit.openapi", "dev.roster.testkit.reliability",
        "dev.roster.testkit.security"
    };

    @ArchTest
    static final ArchRule usesOnlyCoreJUnitWireMockAndJackson = classes()
            .that().resideInAnyPackage(HTTP_PACKAGES)
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "dev.roster", "dev.roster.spi", "dev.roster.testkit..",
                    "org.junit..", "org.opentest4j..", "org.apiguardian..",
                    "com.github.tomakehurst.wiremock..", "com.fasterxml.jackson..", "com.atlassian.oai..",
                    "io.swagger..")
            .because("the testkit may depend on core, JUnit 5, WireMock and Jackson only (ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule neverSeesAProvider = noClasses()
            .that().resideInAPackage("dev.roster.testkit..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.roster.openai..", "dev.roster.confluent..", "dev.roster.github..", "dev.roster.provider..")
            .because("nothing depends on a provider module: simulators speak HTTP, not the adapters' classes");

    @ArchTest
    static final ArchRule simulatorsAndSpecChecksNeedNoContract = noClasses()
            .that().resideInAnyPackage("dev.roster.testkit.simulator", "dev.roster.testkit.openapi")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.roster.testkit.reliability", "dev.roster.testkit.security")
            .because("the simulators and the OpenAPI checks are the ground the contracts stand on, not the other way");

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("dev.roster.testkit.(*)..")
            .should().beFreeOfCycles()
            .because("each package has one job; a cycle would make them one package again");
}
