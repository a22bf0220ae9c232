package dev.roster.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.roster.spi.InvitationProviderFactory;
import dev.roster.testkit.AdapterArchitectureContract;
import dev.roster.testkit.architecture.bad.BadFactory;
import dev.roster.testkit.architecture.bad.PublicHelper;
import dev.roster.testkit.architecture.good.GoodFactory;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

@DisplayName("The architecture contract")
class AdapterArchitectureContractTest {

    /** Run only through the engine below: the fixtures are test classes, which the contract's default import leaves out. */
    abstract static class OnFixture extends AdapterArchitectureContract {
        @Override
        protected JavaClasses adapterClasses() {
            return new ClassFileImporter().importPackages(factory().getPackageName());
        }
    }

    static final class Good extends OnFixture {
        @Override
        protected Class<? extends InvitationProviderFactory> factory() {
            return GoodFactory.class;
        }
    }

    static final class Bad extends OnFixture {
        @Override
        protected Class<? extends InvitationProviderFactory> factory() {
            return BadFactory.class;
        }
    }

    private static EngineExecutionResults run(Class<?> test) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(test)).execute();
    }

    @Test
    @DisplayName("passes an adapter that sees core's API only and makes only its factory public")
    void passesAWellKeptAdapter() {
        EngineExecutionResults results = run(Good.class);
        assertThat(results.testEvents().failed().count()).as("failures").isZero();
        assertThat(results.testEvents().succeeded().count()).as("rules checked").isEqualTo(3);
    }

    @Test
    @DisplayName("fails each rule an adapter breaks, naming the class and what to check")
    void failsEachBrokenRule() {
        List<String> failures = run(Bad.class).testEvents().failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage).orElse(""))
                .collect(Collectors.toList());

        assertThat(failures).hasSize(3);
        assertThat(failures).anySatisfy(message -> assertThat(message)
                .contains("dev.roster.testkit.InMemoryInvitationProvider").contains("if this fails, check the imports"));
        assertThat(failures).anySatisfy(message -> assertThat(message)
                .contains("org.assertj").contains("declare it in libraries()"));
        assertThat(failures).anySatisfy(message -> assertThat(message)
                .contains(PublicHelper.class.getName() + " is public").contains("publicClasses()"));
    }
}
