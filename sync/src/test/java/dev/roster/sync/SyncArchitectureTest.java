package dev.roster.sync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sync engine keeps to its place in the architecture")
class SyncArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importUrl(RosterSync.class.getProtectionDomain().getCodeSource().getLocation());

    private static final Pattern VENDOR = Pattern.compile("openai|confluent|github|testkit");

    @Test
    @DisplayName("depends on the JDK and core's public packages only (not core's internals)")
    void onlyCorePublicApi() {
        classes().that().resideInAPackage("dev.roster.sync..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.roster.sync..", "dev.roster", "dev.roster.spi",
                        "java..")
                .because("sync depends on roster-core's published API alone (ARCHITECTURE.md)")
                .check(ENGINE);
    }

    @Test
    @DisplayName("names no vendor: no vendor's classes, and no vendor in a class name")
    void namesNoVendor() {
        noClasses().should().dependOnClassesThat(DescribedPredicate.describe("belong to a vendor or the testkit",
                        (JavaClass target) -> VENDOR.matcher(target.getPackageName()).find()))
                .orShould(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("be named after a vendor") {
                    @Override
                    public void check(JavaClass item, com.tngtech.archunit.lang.ConditionEvents events) {
                        if (VENDOR.matcher(item.getName().toLowerCase(Locale.ROOT)).find()) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(item,
                                    item.getName() + " is named after a vendor"));
                        }
                    }
                })
                .because("a vendor-specific branch in sync means the abstraction lacks something (ARCHITECTURE.md)")
                .check(ENGINE);
    }
}
