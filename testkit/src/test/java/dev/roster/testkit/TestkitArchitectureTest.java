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
    static final ArchRule usesOnlyCoreAndJUnit = classes()
            .that().resideInAPackage("dev.roster.testkit")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "dev.roster", "dev.roster.spi", "dev.roster.testkit",
                    "org.junit..", "org.opentest4j..", "org.apiguardian..", "com.tngtech.archunit..")
            .because("an application that only wants InMemoryInvitationProvider must not pull a web server or a JSON "
                    + "library: WireMock and Jackson belong to roster-testkit-http (ArchUnit is optional, for "
                    + "AdapterArchitectureContract)");

    @ArchTest
    static final ArchRule leavesCoreInternalsAlone = noClasses()
            .that().resideInAPackage("dev.roster.testkit..")
            .should().dependOnClassesThat().resideInAPackage("dev.roster.internal..")
            .because("core's internal package is not part of its API");
}
