package dev.roster.confluent;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roster.InvitationProvider;
import dev.roster.ProviderConfig;
import dev.roster.RetryPolicy;
import dev.roster.Secret;
import dev.roster.testkit.openapi.OpenApiValidation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A plain WireMock server on 127.0.0.1 for stub tests, one per test class
 * ({@code @RegisterExtension static final}). After each test it checks every exchange against
 * Confluent's spec ({@link ConfluentSpec}); a test that reproduces one of Confluent's known
 * deviations from its spec names it with {@link #deliberately}, and nothing else may deviate.
 */
final class ConfluentStub implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    static final String KEY = "STUBKEY7XQ2LMN4P";
    static final String SECRET = "stub+Secret/with=chars";

    private final List<OpenApiValidation.Deviation> deliberate = new ArrayList<>();
    private WireMockServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.resetAll();
        deliberate.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ConfluentSpec.assertConforms(server, List.copyOf(deliberate));
    }

    WireMockServer server() {
        return server;
    }

    String root() {
        return "http://127.0.0.1:" + server.port();
    }

    /**
     * Declares that this test sends something off-spec on purpose, because Confluent does.
     *
     * @param violation a regular expression found in the violation's line
     * @param why the real-world behaviour reproduced, for the reader and the failure message
     */
    void deliberately(String violation, String why) {
        deliberate.add(OpenApiValidation.deliberate(violation, why));
    }

    /** Settings for the stub: its URI, the stub credentials, no retries. */
    ProviderConfig config() {
        return ProviderConfig.builder()
                .baseUri(root())
                .credential(ProviderConfig.CONFLUENT_CLOUD_API_KEY, Secret.of(KEY))
                .credential(ProviderConfig.CONFLUENT_CLOUD_API_SECRET, Secret.of(SECRET))
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    /** The bare adapter, as the factory creates it (no core policy). */
    InvitationProvider adapter() {
        return new ConfluentProviderFactory().create(config());
    }

    List<LoggedRequest> requests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }
}
