package dev.roster.confluent;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("provider-confluent stays a leaf: it sees core's API and its own code, no other provider")
class ConfluentArchitectureTest {

    private static final JavaClasses CONFLUENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.roster.confluent");

    @Test
    @DisplayName("does not depend on the OpenAI provider")
    void notOnOpenAi() {
        noClasses().that().resideInAPackage("dev.roster.confluent..")
                .should().dependOnClassesThat().resideInAPackage("dev.roster.openai..")
                .because("providers never see each other; shared code belongs in core")
                .check(CONFLUENT);
    }

    @Test
    @DisplayName("does not depend on anyone else's internal packages, core's included")
    void notOnOthersInternals() {
        noClasses().that().resideInAPackage("dev.roster.confluent..")
                .should().dependOnClassesThat(resideInAPackage("..internal..").and(not(resideInAPackage("dev.roster.confluent.."))))
                .because("internal packages are no one's API but their module's")
                .check(CONFLUENT);
    }

    @Test
    @DisplayName("depends on core's published API, provider-support, Feign, Jackson and the JDK only")
    void onlyAllowedDependencies() {
        classes().that().resideInAPackage("dev.roster.confluent..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.roster.confluent..", "dev.roster", "dev.roster.spi", "dev.roster.provider.support..",
                        "java..", "feign..", "com.fasterxml.jackson..")
                .because("an adapter is a thin translator over core's API (the testkit, WireMock and others are test-only)")
                .check(CONFLUENT);
    }

    @Test
    @DisplayName("keeps its internals to itself: only the factory reaches into dev.roster.confluent.internal")
    void internalsStayInternal() {
        noClasses().that().resideInAPackage("dev.roster.confluent").and().doNotHaveSimpleName("ConfluentProviderFactory")
                .should().dependOnClassesThat().resideInAPackage("dev.roster.confluent.internal..")
                .check(CONFLUENT);
    }
}
