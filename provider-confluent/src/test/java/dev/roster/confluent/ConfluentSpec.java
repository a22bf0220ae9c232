package dev.roster.confluent;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.roster.testkit.OpenApiValidation;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Confluent's published IAM v2 contract, read from {@code ../shared/specs/} (never copied into this
 * project), and the testkit's {@link OpenApiValidation} over it: every test class of this module
 * checks its WireMock journal against it after each test, and a violation fails the test.
 */
final class ConfluentSpec {

    /** The contract file, in the shared specs folder beside the checkout (or {@code -Droster.specs.dir}). */
    static final Path FILE = OpenApiValidation.sharedSpec("confluent-iam-invitations.openapi.yaml");

    private static final OpenApiValidation VALIDATION = load();

    private ConfluentSpec() {}

    /**
     * Fails if any exchange the server saw breaks the contract, except the deliberate deviations
     * named: a stub test that reproduces how Confluent really differs from its spec (such as
     * {@code metadata: null}) names that deviation, and nothing else may differ.
     *
     * @param server the WireMock server whose journal to check
     * @param deliberate patterns a violation line may match because the test sends it on purpose
     */
    static void assertConforms(WireMockServer server, Pattern... deliberate) {
        List<Pattern> allowed = Arrays.asList(deliberate);
        List<String> violations = VALIDATION.violations(server);
        List<String> unexpected = violations.stream()
                .filter(line -> allowed.stream().noneMatch(p -> p.matcher(line).find()))
                .collect(Collectors.toList());
        if (!unexpected.isEmpty()) {
            throw new AssertionError(unexpected.size() + " exchange(s) broke Confluent's OpenAPI contract " + FILE
                    + ". Fix the adapter or the simulator/stub (whichever sent it), not the contract:\n  - "
                    + String.join("\n  - ", unexpected));
        }
        List<String> unused = allowed.stream().filter(p -> violations.stream().noneMatch(line -> p.matcher(line).find()))
                .map(Pattern::pattern).collect(Collectors.toList());
        if (!unused.isEmpty()) {
            throw new AssertionError("The test declared deliberate deviations from Confluent's contract that the traffic "
                    + "did not show: " + unused + ". Either the payload conforms after all (drop the declaration) or "
                    + "the validation no longer sees it. Violations found: " + violations);
        }
    }

    private static OpenApiValidation load() {
        // Confluent documents its error body once per operation, as "Failure"; statuses an operation
        // does not list (503 from a gateway, say) are checked against it too.
        return OpenApiValidation.builder(FILE).errorSchema("Failure").build();
    }
}
