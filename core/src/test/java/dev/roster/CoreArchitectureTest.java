package dev.roster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency picture of ARCHITECTURE.md, for roster-core's own classes (tests excluded).
 * Display names: underscores become spaces (see archunit.properties).
 */
@AnalyzeClasses(packages = "dev.roster", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule core_depends_only_on_the_JDK_and_itself = classes()
            .that().resideInAPackage("dev.roster..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.roster..", "org.slf4j..")
            .because("roster-core depends on the JDK alone (plus slf4j-api if it ever logs): never Feign, Jackson or a vendor SDK");

    @ArchTest
    static final ArchRule core_never_sees_a_provider_or_the_testkit = noClasses()
            .that().resideInAPackage("dev.roster..")
            .and().resideOutsideOfPackages("dev.roster.testkit..", "dev.roster.provider..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.roster.testkit..", "dev.roster.provider..")
            .because("dependency arrows point from providers and the testkit to core, never back");
}
