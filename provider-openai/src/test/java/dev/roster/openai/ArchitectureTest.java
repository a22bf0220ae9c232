package dev.roster.openai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The OpenAI adapter keeps to its place in the architecture")
class ArchitectureTest {

    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.roster.openai");

    @Test
    @DisplayName("does not depend on another provider")
    void noOtherProvider() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.roster.confluent..")
                .because("providers never see each other (ARCHITECTURE.md)")
                .check(ADAPTER);
    }

    @Test
    @DisplayName("uses no other module's internal packages, nor the testkit")
    void noInternals() {
        noClasses().should().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe("are in another module's internal package",
                                target -> target.getPackageName().contains(".internal")
                                        && !target.getPackageName().startsWith("dev.roster.openai")))
                .orShould().dependOnClassesThat().resideInAPackage("dev.roster.testkit..")
                .because("an adapter may use core's public API and SPI only")
                .check(ADAPTER);
    }

    @Test
    @DisplayName("depends on core's published API, provider-support, Feign, Jackson and the JDK only")
    void onlyAllowedDependencies() {
        classes().that().resideInAPackage("dev.roster.openai..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.roster.openai..", "dev.roster", "dev.roster.spi", "dev.roster.provider.support..",
                        "java..", "feign..", "com.fasterxml.jackson..")
                .because("an adapter is a thin translator over core's API (the testkit, WireMock and others are test-only)")
                .check(ADAPTER);
    }

    @Test
    @DisplayName("exposes only its factory publicly")
    void onlyTheFactoryIsPublic() {
        classes().that().arePublic().should().haveSimpleName("OpenAiProviderFactory")
                .because("everything else is an implementation detail behind InvitationProvider")
                .check(ADAPTER);
    }
}
