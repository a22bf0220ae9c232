package dev.roster.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The command line stays on core's public API and names no vendor outside the demo's wiring. */
class ArchitectureTest {

    private static final JavaClasses EVERYTHING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.roster");

    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.roster.cli");

    @Test
    @DisplayName("nothing outside the cli depends on it")
    void nothingDependsOnCli() {
        noClasses().that().resideOutsideOfPackage("dev.roster.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.roster.cli..")
                .check(EVERYTHING);
    }

    @Test
    @DisplayName("the cli uses only core's public API: no ..internal..")
    void onlyPublicCore() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.roster..internal..").check(CLI);
    }

    @Test
    @DisplayName("the commands name no vendor: adapters and simulators only in the demo/sandbox wiring")
    void namesNoVendor() {
        noClasses().that().resideOutsideOfPackage("dev.roster.cli.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.roster.openai..", "dev.roster.confluent..",
                        "dev.roster.testkit..")
                .check(CLI);
        noClasses().that().resideInAPackage("dev.roster.cli.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.roster.openai..", "dev.roster.confluent..")
                .because("even the demo reaches vendors through InvitationProviders, as users do")
                .check(CLI);
    }

    @Test
    @DisplayName("the cli never uses provider-support, the adapters' internal Feign plumbing")
    void noProviderSupport() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.roster.provider.support..")
                .because("roster-provider-support is internal to the adapters (ARCHITECTURE.md); the cli reaches vendors through "
                        + "InvitationProviders")
                .check(CLI);
    }
}
