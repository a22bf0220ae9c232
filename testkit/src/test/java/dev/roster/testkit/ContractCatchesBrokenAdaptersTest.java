package dev.roster.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

@DisplayName("The contract catches broken adapters")
class ContractCatchesBrokenAdaptersTest {

    private static EngineExecutionResults runContractAgainst(Class<?> variant) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(BrokenAdapters.RUN_VARIANTS, "true")
                .selectors(selectClass(variant))
                .execute();
    }

    static Stream<Class<?>> correctAdapters() {
        return Stream.of(BrokenAdapters.Correct.class, BrokenAdapters.RevokesAccepted.class,
                InMemoryInvitationProviderContractTest.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correctAdapters")
    @DisplayName("a correct adapter with VendorControl and newProvider() passes every contract test, none skipped")
    void correctAdapterPasses(Class<?> adapter) {
        EngineExecutionResults results = runContractAgainst(adapter);

        assertThat(results.testEvents().failed().stream().map(ContractCatchesBrokenAdaptersTest::describe))
                .as("contract failures of %s", adapter.getSimpleName()).isEmpty();
        assertThat(Stream.concat(results.testEvents().skipped().stream(), results.testEvents().aborted().stream())
                .map(ContractCatchesBrokenAdaptersTest::describe))
                .as("contract tests skipped or aborted for %s", adapter.getSimpleName()).isEmpty();
        assertThat(results.containerEvents().skipped().count()).as("contract groups skipped").isZero();
        assertThat(results.testEvents().succeeded().count()).as("contract tests passed").isGreaterThan(50);
    }

    @Test
    @DisplayName("names each page size it walks, the maximum by its number")
    void pageSizesNamed() {
        Events walks = runContractAgainst(BrokenAdapters.Correct.class).testEvents().succeeded();

        List<String> names = walks.stream().filter(event -> methodName(event).filter("walksEveryPage"::equals).isPresent())
                .map(event -> event.getTestDescriptor().getDisplayName()).collect(Collectors.toList());
        assertThat(names).containsExactly("pages of 1", "pages of 2", "pages of 3", "pages of 100, the provider's maximum");
    }

    static Stream<Arguments> brokenAdapters() {
        return Stream.of(
                arguments(BrokenAdapters.IgnoresCursor.class, "walksEveryPage"),
                arguments(BrokenAdapters.DropsLastItemOfPage.class, "walksEveryPage"),
                arguments(BrokenAdapters.CursorAfterLastPage.class, "walksEveryPage"),
                arguments(BrokenAdapters.RevokeDoesNothing.class, "revokesPending"),
                arguments(BrokenAdapters.LosesConcurrentInvites.class, "eightThreads"),
                arguments(BrokenAdapters.MatchesEmailsCaseSensitively.class, "caseInsensitive"),
                arguments(BrokenAdapters.FindsOldestByEmail.class, "findByEmailPrefersPending"),
                arguments(BrokenAdapters.FindsOldestByEmail.class, "reinviteAfterExpiry"),
                arguments(BrokenAdapters.ReportsAcceptedAsPending.class, "accepted"),
                arguments(BrokenAdapters.ListsEverythingPending.class, "revokedAgrees"),
                arguments(BrokenAdapters.ListsEverythingPending.class, "acceptedAgrees"),
                arguments(BrokenAdapters.ListsEverythingPending.class, "expiredAgrees"),
                arguments(BrokenAdapters.ReadsSecondsAsMillis.class, "timestamps"),
                arguments(BrokenAdapters.ThrowsForUnknownId.class, "unknownIdIsEmpty"),
                arguments(BrokenAdapters.ThrowsOnSecondRevoke.class, "revokeTwice"),
                arguments(BrokenAdapters.RefusesToRevokeExpired.class, "revokeExpired"),
                arguments(BrokenAdapters.DeclaresRevokeAcceptedButRefuses.class, "revokeAccepted"),
                arguments(BrokenAdapters.WorksAfterClose.class, "refusesCallsAfterClose"),
                arguments(BrokenAdapters.ClosesOnlyOnce.class, "closeTwice"),
                arguments(BrokenAdapters.DuplicatesInvites.class, "sameInvitation"),
                arguments(BrokenAdapters.ForgetsRole.class, "carriesRole"),
                arguments(BrokenAdapters.SkipsCorePolicy.class, "malformedEmails"),
                arguments(BrokenAdapters.SkipsCorePolicy.class, "malformedIds"),
                arguments(BrokenAdapters.PendingIsAMember.class, "acceptMakesMember"),
                arguments(BrokenAdapters.PendingIsAMember.class, "pendingOnly"),
                arguments(BrokenAdapters.RemoveAlwaysTrue.class, "removeThenGone"),
                arguments(BrokenAdapters.RemoveAlwaysTrue.class, "unknownMember"));
    }

    @ParameterizedTest(name = "{0} fails {1}")
    @MethodSource("brokenAdapters")
    @DisplayName("a broken adapter fails the contract test written for its fault, saying what to check")
    void brokenAdapterFails(Class<?> variant, String expectedFailure) {
        EngineExecutionResults results = runContractAgainst(variant);

        List<Event> failures = results.testEvents().failed().stream()
                .filter(event -> methodName(event).filter(expectedFailure::equals).isPresent())
                .collect(Collectors.toList());
        assertThat(failures).as("failures of contract test %s for %s (all failures: %s)", expectedFailure,
                variant.getSimpleName(), results.testEvents().failed().stream().map(ContractCatchesBrokenAdaptersTest::describe)
                        .collect(Collectors.toList())).isNotEmpty();
        assertThat(failures.stream().map(ContractCatchesBrokenAdaptersTest::describe))
                .as("the failure messages of %s", expectedFailure)
                .allSatisfy(message -> assertThat(message).contains("The adapter: ").contains("If this fails, check "));
    }

    /** The contract method a test event belongs to; a dynamic test's is its factory's. */
    private static Optional<String> methodName(Event event) {
        Optional<TestDescriptor> descriptor = Optional.of(event.getTestDescriptor());
        while (descriptor.isPresent()) {
            Optional<String> name = descriptor.get().getSource()
                    .filter(org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance)
                    .map(source -> ((org.junit.platform.engine.support.descriptor.MethodSource) source).getMethodName());
            if (name.isPresent()) {
                return name;
            }
            descriptor = descriptor.get().getParent();
        }
        return Optional.empty();
    }

    private static String describe(Event event) {
        return event.getTestDescriptor().getDisplayName() + ": " + event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage)
                .or(() -> event.getPayload(String.class)).orElse("?");
    }
}
