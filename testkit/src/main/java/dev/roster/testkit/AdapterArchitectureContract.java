package dev.roster.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.roster.spi.InvitationProviderFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The architecture contract: an adapter is a leaf that sees core's published API and nothing else of
 * Roster's. An adapter's test extends it in a few lines:
 *
 * <pre>{@code
 * @DisplayName("The Acme adapter keeps to its place in the architecture")
 * class AcmeArchitectureTest extends AdapterArchitectureContract {
 *     @Override
 *     protected Class<? extends InvitationProviderFactory> factory() {
 *         return AcmeProviderFactory.class;
 *     }
 * }
 * }</pre>
 *
 * <p>The adapter is every class, tests excluded, in the factory's package and below. Its rules: it
 * depends on no Roster package but core's API ({@code dev.roster}), its SPI ({@code dev.roster.spi})
 * and {@code dev.roster.provider.support} (so never another provider, core's internals, the testkit,
 * sync or the command line); on no library but the JDK and {@link #libraries()} (Feign and Jackson by
 * default); and outside its {@code internal} packages (which its module descriptor does not export) it
 * makes public only {@link #publicClasses()} (the factory by default), so that everything else can
 * change without breaking anyone.
 *
 * <p>It needs ArchUnit ({@code com.tngtech.archunit:archunit}), an optional dependency of this module:
 * a test that extends it declares ArchUnit itself, with {@code test} scope.
 */
public abstract class AdapterArchitectureContract {

    private JavaClasses adapter;

    /** For subclasses. */
    protected AdapterArchitectureContract() {}

    /**
     * The adapter's {@link InvitationProviderFactory}: its package is the adapter's root.
     *
     * @return the factory class, such as {@code AcmeProviderFactory.class}
     */
    protected abstract Class<? extends InvitationProviderFactory> factory();

    /**
     * The packages of the libraries the adapter may use besides the JDK, core and provider-support, in
     * ArchUnit's notation.
     *
     * @return {@code feign..} and {@code com.fasterxml.jackson..} by default
     */
    protected Set<String> libraries() {
        return Set.of("feign..", "com.fasterxml.jackson..");
    }

    /**
     * The adapter's public classes: what applications may name. Everything else is an implementation
     * detail behind {@code InvitationProvider}.
     *
     * @return the factory by default
     */
    protected Set<Class<?>> publicClasses() {
        return Set.of(factory());
    }

    /**
     * The classes checked: by default every class of the factory's package and below, tests excluded.
     *
     * @return the adapter's classes
     */
    protected JavaClasses adapterClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root());
    }

    @Test
    @DisplayName("sees no part of Roster but core's API, its SPI and provider-support")
    void seesOnlyCoreApi() {
        noClasses().that().resideInAPackage(root() + "..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "are in another Roster module than core's API, its SPI or provider-support",
                        target -> target.getPackageName().startsWith("dev.roster.")
                                && !target.getPackageName().equals("dev.roster.spi")
                                && !target.getPackageName().startsWith("dev.roster.provider.support")
                                && !target.getPackageName().startsWith(root())))
                .because("providers never see each other, core's internals, the testkit, sync or the command line; if this "
                        + "fails, check the imports of the classes named: code two adapters share belongs in core's API or "
                        + "provider-support")
                .check(adapter());
    }

    @Test
    @DisplayName("depends on no library but the JDK and the ones it declares")
    void usesOnlyItsLibraries() {
        List<String> allowed = new ArrayList<>(List.of(root() + "..", "dev.roster", "dev.roster.spi",
                "dev.roster.provider.support..", "java.."));
        allowed.addAll(libraries());
        classes().that().resideInAPackage(root() + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                .because("an adapter is a thin translator over core's API; if this fails, check whether the library named "
                        + "is a test dependency that leaked into main code, or declare it in libraries()")
                .check(adapter());
    }

    @Test
    @DisplayName("makes public only what applications may name")
    void publicOnlyWhatItMeans() {
        Set<String> names = new HashSet<>();
        publicClasses().forEach(type -> names.add(type.getName()));
        classes().that().resideInAPackage(root() + "..").and().resideOutsideOfPackage("..internal..").and().arePublic()
                .should(new ArchCondition<JavaClass>(
                        "be one of " + new TreeSet<>(names)) {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (!names.contains(type.getName())) {
                            events.add(SimpleConditionEvent.violated(type,
                                    type.getName() + " is public"));
                        }
                    }
                })
                .because("everything else is an implementation detail behind InvitationProvider; if this fails, make the "
                        + "class package-private, or name it in publicClasses() if applications really need it")
                .check(adapter());
    }

    private String root() {
        return factory().getPackageName();
    }

    /**
     * The classes of {@link #adapterClasses()}, imported once per test instance, for a subclass's own rules.
     *
     * @return the adapter's classes
     */
    protected final JavaClasses adapter() {
        if (adapter == null) {
            adapter = adapterClasses();
        }
        return adapter;
    }
}
