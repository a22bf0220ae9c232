package dev.roster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency picture of ARCHITECTURE.md, for roster-core's own classes (tests excluded).
 * Display names: underscores become spaces (see archunit.properties). {@link CoreArchitectureRulesTest}
 * proves the rules catch what they are meant to.
 */
@AnalyzeClasses(packages = "dev.roster", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    /** Core's own packages: the API, the adapters' SPI, and the policy. */
    static final String[] CORE_PACKAGES = {"dev.roster", "dev.roster.spi..", "dev.roster.internal.."};

    @ArchTest
    static final ArchRule core_depends_only_on_the_JDK_and_itself = classes()
            .that().resideInAPackage("dev.roster..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(concat(CORE_PACKAGES, "java..", "org.slf4j.."))
            .because("roster-core depends on the JDK alone (plus slf4j-api if it ever logs), and on none of the other "
                    + "dev.roster modules: never Feign, Jackson, a vendor SDK, a provider or the testkit");

    @ArchTest
    static final ArchRule core_never_sees_a_provider_or_the_testkit = noClasses()
            .that().resideInAnyPackage(CORE_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage("dev.roster.openai..", "dev.roster.confluent..",
                    "dev.roster.testkit..", "dev.roster.examples..")
            .because("dependency arrows point from providers and the testkit to core, never back");

    static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
