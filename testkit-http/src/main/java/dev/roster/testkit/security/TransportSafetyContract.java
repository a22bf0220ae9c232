package dev.roster.testkit.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.MemberCapabilities;
import dev.roster.NotFoundException;
import dev.roster.PageRequest;
import dev.roster.ProviderConfigurationException;
import dev.roster.RosterException;
import dev.roster.spi.InputRules;
import dev.roster.testkit.openapi.OpenApiValidation;
import dev.roster.testkit.simulator.OpenAiSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves an HTTP adapter keeps its credentials on the wire it was configured for: plain
 * {@code http://} is refused unless the host is this machine, and no redirect is followed. Two
 * WireMock servers run on 127.0.0.1: one answers every request with a 301, 302, 303, 307 or 308
 * whose {@code Location} points at the other, which must then receive nothing at all; the caller
 * gets a {@link ProviderConfigurationException} naming the redirect. And a 404 page that is not the
 * vendor's (a proxy's, a gateway's, a wrong base URI's) is never read as "no such invitation" or "no
 * such member": {@code find} does not answer empty nor {@code revoke} false; the outcome is unknown.
 * An adapter's test extends it:
 *
 * <pre>{@code
 * class OpenAiTransportSafetyTest extends TransportSafetyContract {
 *     protected InvitationProvider provider(URI root) {
 *         return InvitationProviders.load("openai", ProviderConfig.builder()
 *                 .baseUri(root + "/v1")
 *                 .credential(ProviderConfig.OPENAI_ADMIN_KEY, Secret.of("sk-admin-test"))
 *                 .build());
 *     }
 *
 *     protected Optional<OpenApiValidation> spec() {
 *         return Optional.of(OpenAiSimulator.specValidation());
 *     }
 * }
 * }</pre>
 *
 * <p>The requests the adapter sends are checked against the vendor's contract ({@link #spec()});
 * the redirects it meets break the contract on purpose, so only the requests are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TransportSafetyContract {

    private WireMockServer redirecting;
    private WireMockServer elsewhere;

    /**
     * The provider under test, as applications receive it ({@code InvitationProviders.load}),
     * with credentials, sending to the given root (append the API's base path, such as {@code /v1},
     * if the adapter needs one).
     *
     * @param root such as {@code http://127.0.0.1:41234}
     * @return the provider; closed by the caller
     * @throws ProviderConfigurationException if the root is not acceptable
     */
    protected abstract InvitationProvider provider(URI root);

    /**
     * The vendor's contract, to check every request the adapter sends against. Empty only for a vendor
     * that publishes none; a build that sets {@value VendorSimulator#REQUIRE_SPEC_PROPERTY} refuses
     * that.
     *
     * @return the validation, such as {@code OpenAiSimulator.specValidation()}
     */
    protected Optional<OpenApiValidation> spec() {
        return Optional.empty();
    }

    /**
     * A well-formed invitation id in the vendor's own format, for {@code find} and {@code revoke}:
     * {@code invite-1} by default; a vendor whose ids are numbers (GitHub) names one such as {@code 1}.
     *
     * @return the id
     */
    protected String sampleInvitationId() {
        return "invite-1";
    }

    /**
     * A well-formed member id in the vendor's own format, for {@code members().find} and
     * {@code members().remove} where the provider declares them: {@code user-1} by default.
     *
     * @return the id
     */
    protected String sampleMemberId() {
        return "user-1";
    }

    @BeforeAll
    void startServers() {
        if (spec().isEmpty() && Boolean.getBoolean(VendorSimulator.REQUIRE_SPEC_PROPERTY)) {
            throw new IllegalStateException(getClass().getSimpleName() + " checks its requests against no contract, but "
                    + "this build requires it (-D" + VendorSimulator.REQUIRE_SPEC_PROPERTY + "=true): override spec().");
        }
        redirecting = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        elsewhere = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        redirecting.start();
        elsewhere.start();
    }

    @AfterAll
    void stopServers() {
        if (redirecting != null) {
            redirecting.stop();
        }
        if (elsewhere != null) {
            elsewhere.stop();
        }
    }

    /**
     * Every request the adapter sent to the vendor, against the contract: only the requests, the
     * answers being redirects on purpose. (The other host must receive nothing at all, which
     * {@link #redirectIsNotFollowed} asserts.)
     */
    @AfterEach
    void requestsFollowTheSpec() {
        spec().ifPresent(validation -> {
            List<String> found = new ArrayList<>();
            redirecting.getAllServeEvents().forEach(event -> found.addAll(validation.violations(event.getRequest(), null)));
            validation.assertOnlyDeliberate(found, List.of());
        });
    }

    @BeforeEach
    void resetServers() {
        redirecting.resetAll();
        elsewhere.resetAll();
        elsewhere.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    static Stream<Arguments> redirects() {
        return Stream.of(301, 302, 303, 307, 308).flatMap(status -> Stream.of("list", "invite", "find", "revoke", "findByEmail")
                .map(operation -> Arguments.of(status, operation)));
    }

    /**
     * A redirect is not followed, whatever its status and whichever call meets it.
     *
     * @param status the redirect's status
     * @param operation the call that meets it
     */
    @ParameterizedTest(name = "HTTP {0} answering {1}")
    @MethodSource("redirects")
    @DisplayName("follows no redirect: the other host receives nothing, and the caller learns why")
    void redirectIsNotFollowed(int status, String operation) {
        String target = "http://127.0.0.1:" + elsewhere.port() + "/collect?token=stolen";
        redirecting.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Location", target)));

        Throwable thrown = null;
        try (InvitationProvider provider = provider(URI.create("http://127.0.0.1:" + redirecting.port()))) {
            call(operation).accept(provider);
        } catch (Throwable t) { // NOPMD: whatever it is, it is checked below, after where the request went
            thrown = t;
        }

        List<LoggedRequest> leaked = requests(elsewhere);
        if (!leaked.isEmpty()) {
            long withCredentials = leaked.stream().filter(r -> r.containsHeader("Authorization")).count();
            fail("The redirect was followed: the other host received " + leaked.size() + " request(s), " + withCredentials
                    + " carrying an Authorization header: " + describe(leaked) + ". Build the HTTP client to follow "
                    + "no redirect (OkHttp: followRedirects(false) and followSslRedirects(false); the JDK's: "
                    + "HttpClient.Redirect.NEVER) and Feign's Request.Options with followRedirects false.");
        }
        List<LoggedRequest> sent = requests(redirecting);
        assertEquals(1, sent.size(), "one " + operation + " call should send one request and neither follow nor retry a "
                + "redirect; sent: " + describe(sent));
        assertTrue(sent.get(0).containsHeader("Authorization"), "the adapter sent no Authorization header at all, so this "
                + "test proves nothing about where credentials go");
        assertTrue(thrown != null, operation + " should fail when the vendor answers HTTP " + status + ", but it returned");
        ProviderConfigurationException e = assertInstanceOf(ProviderConfigurationException.class, thrown,
                "a redirect means the base URI is not the endpoint itself: expected ProviderConfigurationException, got "
                        + thrown);
        String message = e.getMessage();
        assertTrue(message.toLowerCase(Locale.ROOT).contains("redirect"), "the message should say the vendor redirected: "
                + message);
        assertTrue(message.contains(status + ""), "the message should give the status " + status + ": " + message);
        assertTrue(message.contains("127.0.0.1:" + elsewhere.port()), "the message should say where the redirect pointed: "
                + message);
        assertFalse(message.contains("stolen"), "the message should leave out the redirect's query, which may hold a token: "
                + message);
        assertEquals(status, e.httpStatus().orElse(-1), "the exception should carry the HTTP status");
    }

    static Stream<String> absenceAnswers() {
        return Stream.of("find", "revoke", "members().find", "members().remove");
    }

    /**
     * A 404 that is not in the vendor's error format (a proxy's or a gateway's page, a wrong base URI)
     * says nothing about the invitation or the member: it must not be read as "no such one".
     *
     * @param operation the call whose "not found" would otherwise be an answer
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("absenceAnswers")
    @DisplayName("does not take a 404 page that is not the vendor's for \"no such one\": the outcome is unknown")
    void foreign404IsNotAbsence(String operation) {
        redirecting.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center>"
                        + "<hr><center>nginx</center></body></html>")));
        try (InvitationProvider provider = provider(URI.create("http://127.0.0.1:" + redirecting.port()))) {
            MemberCapabilities members = provider.info().capabilities().members();
            boolean member = operation.startsWith("members");
            assumeTrue(!member || (operation.endsWith("find") ? members.list() : members.remove()),
                    "the provider declares no " + operation);
            Object answer;
            try {
                answer = switch (operation) {
                    case "find" -> provider.find(sampleInvitationId());
                    case "revoke" -> provider.revoke(sampleInvitationId());
                    case "members().find" -> provider.members().find(sampleMemberId());
                    default -> provider.members().remove(sampleMemberId());
                };
            } catch (NotFoundException e) {
                throw new AssertionError(operation + " threw NotFoundException for a 404 page that is not the vendor's: "
                        + e.getMessage() + ". Only a 404 in the vendor's error format says there is no such one; map any "
                        + "other to HttpFailures.notFoundElsewhere (an unknown outcome)", e);
            } catch (RosterException e) {
                assertEquals(404, e.httpStatus().orElse(-1), "the exception should carry the HTTP status 404: " + e);
                return;
            }
            fail(operation + " answered " + answer + " to a 404 page that is not the vendor's (nginx's HTML), as if there "
                    + "were no such one. Such a 404 may come from a proxy or a wrong base URI: map it to an unknown outcome "
                    + "(HttpFailures.notFoundElsewhere), and read \"not found\" only from the vendor's own error format.");
        }
    }

    /**
     * Plain http to another machine is refused before any request, as it would send the credentials
     * unencrypted.
     *
     * @param root the refused root
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://api.example.com", "http://10.0.0.1:8080", "http://192.168.1.10", "http://localhost.evil.example",
        "http://127.0.0.1.nip.io", "http://0x7f000001", "http://[::ffff:a00:1]", "http://[fe80::1]"})
    @DisplayName("refuses plain http to any other machine, with a configuration error saying to use https")
    void plainHttpToAnotherMachineIsRefused(String root) {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> provider(URI.create(root)).close(), "plain http to " + root + " must be refused");
        assertTrue(e.getMessage().contains("https"), "the message should say to use https: " + e.getMessage());
    }

    /**
     * Plain http to this machine stays allowed, for simulators. Nothing is sent: the port is closed.
     *
     * @param root the accepted root
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://127.0.0.1:1", "http://localhost:1", "http://[::1]:1", "http://127.1.2.3:1"})
    @DisplayName("allows plain http to this machine, for simulators")
    void plainHttpToLoopbackIsAllowed(String root) {
        provider(URI.create(root)).close();
    }

    private Consumer<InvitationProvider> call(String operation) {
        switch (operation) {
            case "list":
                return p -> p.list(PageRequest.first(5));
            case "invite":
                return p -> p.invite(InvitationRequest.of("ada@example.com"));
            case "find":
                return p -> p.find(sampleInvitationId());
            case "revoke":
                return p -> p.revoke(sampleInvitationId());
            case "findByEmail":
                return p -> p.findByEmail("ada@example.com");
            default:
                throw new IllegalArgumentException(operation);
        }
    }

    private static List<LoggedRequest> requests(WireMockServer server) {
        return server.getAllServeEvents().stream().map(ServeEvent::getRequest).collect(Collectors.toList());
    }

    private static String describe(List<LoggedRequest> requests) {
        return requests.stream().map(r -> r.getMethod().getName() + " " + InputRules.quote(r.getUrl())
                + r.getHeaders().all().stream().map(HttpHeader::key).collect(Collectors.joining(",", " [", "]")))
                .collect(Collectors.joining("; "));
    }
}
