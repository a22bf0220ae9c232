package dev.roster.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.jupiter.api.Test;

@DisplayName("The contract catches broken adapters")
class ContractCatchesBrokenAdaptersTest {

    private static EngineExecutionResults runContractAgainst(Class<?> variant) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(BrokenAdapters.RUN_VARIANTS, "true")
                .selectors(selectClass(variant))
                .execute();
    }

    @Test
    @DisplayName("a correct adapter fails no contract test")
    void correctAdapterPasses() {
        EngineExecutionResults results = runContractAgainst(BrokenAdapters.Correct.class);

        List<String> failures = results.testEvents().failed().stream().map(ContractCatchesBrokenAdaptersTest::describe)
                .collect(Collectors.toList());
        assertThat(failures).as("contract failures of the correct adapter").isEmpty();
        assertThat(results.testEvents().succeeded().count()).as("contract tests passed").isGreaterThan(30);
    }

    static Stream<Arguments> brokenAdapters() {
        return Stream.of(
                arguments(BrokenAdapters.IgnoresCursor.class, "walksEveryPage"),
                arguments(BrokenAdapters.DropsLastItemOfPage.class, "walksEveryPage"),
                arguments(BrokenAdapters.RevokeDoesNothing.class, "revokesPending"),
                arguments(BrokenAdapters.LosesConcurrentInvites.class, "eightThreads"),
                arguments(BrokenAdapters.MatchesEmailsCaseSensitively.class, "caseInsensitive"),
                arguments(BrokenAdapters.ReportsAcceptedAsPending.class, "accepted"),
                arguments(BrokenAdapters.ThrowsForUnknownId.class, "unknownIdIsEmpty"),
                arguments(BrokenAdapters.DuplicatesInvites.class, "sameInvitation"),
                arguments(BrokenAdapters.ForgetsRole.class, "carriesRole"),
                arguments(BrokenAdapters.SkipsCorePolicy.class, "malformedEmails"),
                arguments(BrokenAdapters.SkipsCorePolicy.class, "malformedIds"));
    }

    @ParameterizedTest(name = "{0} fails {1}")
    @org.junit.jupiter.params.provider.MethodSource("brokenAdapters")
    @DisplayName("a broken adapter fails the contract test written for its fault")
    void brokenAdapterFails(Class<?> variant, String expectedFailure) {
        EngineExecutionResults results = runContractAgainst(variant);

        List<String> failedMethods = results.testEvents().failed().stream()
                .map(event -> event.getTestDescriptor().getSource())
                .flatMap(Optional::stream)
                .filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getMethodName())
                .collect(Collectors.toList());
        assertThat(failedMethods).as("contract tests failed by %s", variant.getSimpleName()).contains(expectedFailure);
    }

    private static String describe(Event event) {
        return event.getTestDescriptor().getDisplayName() + ": " + event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("?");
    }
}
