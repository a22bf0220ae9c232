package dev.roster.confluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderConfig;
import dev.roster.ProviderInfo;
import dev.roster.confluent.internal.ConfluentInvitationProvider;
import dev.roster.testkit.reliability.ReliabilityContract;
import dev.roster.testkit.simulator.ConfluentSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The random-fault soak can see what it promises to prevent: with core's lookup after an unknown
 * outcome made blind (the adapter's {@code findByEmail} always finds nothing), a create whose answer
 * was lost is sent again, and the simulator, accepting duplicates while faults are injected, holds
 * two invitations for that email. The soak must fail saying so.
 */
@DisplayName("The random-fault soak reports a duplicate invitation")
class FaultSoakSeesDuplicatesTest {

    private static final String RUN = "roster.confluent.run-blind-soak";

    @Test
    @DisplayName("when core's lookup after a lost answer finds nothing, the soak fails naming emails with 2 invitations")
    void blindLookupsLeaveDuplicates() throws Exception {
        Class<?> randomFaults = nestedGroup(BlindLookups.class, "RandomFaults");
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(RUN, "true")
                .selectors(selectNestedMethod(List.of(BlindLookups.class), randomFaults, "oneInvitationPerEmail"))
                .execute();

        assertThat(results.testEvents().started().count()).as("the soak ran").isEqualTo(1);
        List<String> failures = results.testEvents().failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage).orElse("?"))
                .toList();
        assertThat(failures).singleElement().satisfies(message -> assertThat(message)
                .contains("the vendor holds, for these emails, these many invitations")
                .containsPattern("=[2-9]"));
    }

    /** The contract's @Nested group of that name, wherever in the contract's superclasses it is declared. */
    private static Class<?> nestedGroup(Class<?> test, String name) {
        for (Class<?> type = test; type != null; type = type.getSuperclass()) {
            for (Class<?> nested : type.getDeclaredClasses()) {
                if (nested.getSimpleName().equals(name)) {
                    return nested;
                }
            }
        }
        throw new IllegalStateException(ReliabilityContract.class.getSimpleName() + " has no @Nested group " + name);
    }

    /** Keeps the blind soak from running as an ordinary test: it is meant to fail. */
    static final class OnlyWhenAskedFor implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(RUN).map(Boolean::parseBoolean).orElse(false)
                    ? ConditionEvaluationResult.enabled("run by FaultSoakSeesDuplicatesTest")
                    : ConditionEvaluationResult.disabled("a deliberately broken provider, run only by FaultSoakSeesDuplicatesTest");
        }
    }

    /** The reliability contract against the Confluent adapter whose findByEmail never finds anything. */
    @ExtendWith(OnlyWhenAskedFor.class)
    static class BlindLookups extends ReliabilityContract {

        @Override
        protected VendorSimulator newSimulator() {
            return new ConfluentSimulator().validatedAgainstSpec();
        }

        @Override
        protected String providerId() {
            return ConfluentCloud.ID;
        }

        @Override
        protected long[] soakSeeds() {
            return new long[] {20_261_202L};
        }

        @Override
        protected InvitationProvider load(ProviderConfig config) {
            return InvitationProviders.withPolicy(new Blind(ConfluentInvitationProvider.create(config)), config);
        }
    }

    /** Forwards everything but findByEmail, which finds nothing. */
    private static final class Blind implements InvitationProvider {
        private final InvitationProvider adapter;

        Blind(InvitationProvider adapter) {
            this.adapter = adapter;
        }

        @Override
        public ProviderInfo info() {
            return adapter.info();
        }

        @Override
        public Invitation invite(InvitationRequest request) {
            return adapter.invite(request);
        }

        @Override
        public Optional<Invitation> find(String invitationId) {
            return adapter.find(invitationId);
        }

        @Override
        public Page<Invitation> list(PageRequest request) {
            return adapter.list(request);
        }

        @Override
        public boolean revoke(String invitationId) {
            return adapter.revoke(invitationId);
        }

        @Override
        public Optional<Invitation> findByEmail(String email) {
            return Optional.empty();
        }

        @Override
        public void close() {
            adapter.close();
        }
    }
}
