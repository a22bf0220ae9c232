package dev.roster.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The examples are what users copy: they must use Roster as an application does, through the
 * public API alone. Display names: underscores become spaces (see archunit.properties).
 */
@AnalyzeClasses(packages = "dev.roster.examples", importOptions = ImportOption.DoNotIncludeTests.class)
class ExamplesArchitectureTest {

    @ArchTest
    static final ArchRule examples_use_no_internal_package = noClasses()
            .that().resideInAPackage("dev.roster.examples..")
            .should().dependOnClassesThat().resideInAPackage("..internal..")
            .because("internal packages are no one's API but their module's; an example that needs one shows users "
                    + "something they cannot do");

    @ArchTest
    static final ArchRule examples_use_only_the_public_API_and_the_JDK = classes()
            .that().resideInAPackage("dev.roster.examples..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.roster.examples..", "dev.roster",
                    "dev.roster.testkit", "java..")
            .because("an application sees InvitationProvider and its model (dev.roster), and the testkit's in-memory "
                    + "provider; never an adapter's classes, the adapters' SPI or core's policy");
}
