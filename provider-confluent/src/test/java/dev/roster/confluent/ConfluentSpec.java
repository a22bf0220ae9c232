package dev.roster.confluent;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.roster.testkit.openapi.OpenApiValidation;
import dev.roster.testkit.simulator.ConfluentSimulator;
import java.util.List;

/**
 * Confluent's published IAM v2 contract, read from the specs folder the build names (never copied
 * into this project; unchecked when none is named, see the testkit's {@code VendorSpecs}), and the testkit's {@link OpenApiValidation} over it, for the plain WireMock stub tests
 * ({@link ConfluentStub}); simulators check themselves ({@code validatedAgainstSpec()}).
 */
final class ConfluentSpec {

    private static final OpenApiValidation VALIDATION = ConfluentSimulator.specValidation();

    private ConfluentSpec() {}

    /**
     * Fails if any exchange the server saw breaks the contract, except the deliberate deviations
     * named: a stub test that reproduces how Confluent really differs from its spec (such as
     * {@code metadata: null}) names that deviation, and nothing else may differ; a named deviation
     * that does not occur fails too.
     *
     * @param server the WireMock server whose journal to check
     * @param deliberate the violations the test provokes on purpose
     */
    static void assertConforms(WireMockServer server, List<OpenApiValidation.Deviation> deliberate) {
        VALIDATION.assertNoViolations(server.getAllServeEvents(), deliberate);
    }
}
