package dev.roster.testkit.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.roster.AuthenticationException;
import dev.roster.ConflictException;
import dev.roster.InvalidRequestException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.Member;
import dev.roster.NotFoundException;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.PermissionDeniedException;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import dev.roster.ProviderUnavailableException;
import dev.roster.QuotaExceededException;
import dev.roster.RateLimitedException;
import dev.roster.RetryPolicy;
import dev.roster.RosterException;
import dev.roster.Secret;
import dev.roster.spi.HttpEndpoints;
import dev.roster.testkit.simulator.OpenAiSimulator;
import dev.roster.testkit.simulator.SimulatedFault;
import dev.roster.testkit.simulator.VendorSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Proves an adapter never shows its credentials: one test runs a full scenario (invite, find,
 * list, stream, findByEmail, revoke, lifecycle conflicts, every fault the simulator can inject, a
 * vendor answering 3xx/400/401/402/403/404/409/422/429/5xx and non-JSON bodies that echo the
 * credentials back, connection refused, timeouts, and misconfiguration: a missing credential,
 * plain http to another host, credentials in the base URI) with the adapter's HTTP wire log at
 * {@code FULL} and every {@link System.Logger} at {@code ALL}, through {@link CapturingLoggerFinder}.
 * It keeps every log record, the full stack trace of every exception (causes and suppressed) and
 * the {@code toString} of every configuration, provider, request, result and exception it touched,
 * then searches them all for every form of every credential. It also walks each exception's object
 * graph (fields, private ones included, causes, suppressed and their public accessors, such as an
 * HTTP client exception's request and its headers; see {@code ReachableText}): a credential must not
 * be reachable, not only unprinted. The echoing vendor repeats the credentials in every form a JSON
 * or HTTP library may write them ({@code \}{@code u002B}, lower-case percent-encoding, form encoding,
 * double JSON escaping...) in error bodies, 2xx bodies and headers, and the scenario includes
 * connection failures, timeouts and unreadable 2xx bodies.
 *
 * <p>A simulator {@link VendorSimulator#validatedAgainst checking its traffic against the vendor's
 * contract} is checked as the scenario resets it; the requests sent to the vendor that echoes the
 * credentials are checked against the same contract (its answers break it on purpose).
 *
 * <p>The adapter's test module registers {@link CapturingLoggerFinder} (see there), and extends
 * this class:
 *
 * <pre>{@code
 * class OpenAiSecretLeakTest extends SecretLeakContract {
 *     static final String KEY = "sk-admin-LEAKCANARY-...";
 *     @RegisterExtension
 *     static final OpenAiSimulator openai = new OpenAiSimulator(KEY).validatedAgainstSpec();
 *
 *     protected String providerId() { return "openai"; }
 *     protected VendorSimulator simulator() { return openai; }
 *     protected ProviderConfig config(URI root, ProviderConfig credentials) {
 *         return credentials.toBuilder().baseUri(root + "/v1").property("openai.httpLogLevel", "FULL").build();
 *     }
 *     protected ProviderConfig credentials() { ... the admin key ... }
 *     protected Map<String, String> secretForms(ProviderConfig credentials) { ... name -> value ... }
 * }
 * }</pre>
 */
public abstract class SecretLeakContract {

    private static final String WRONG = "Wr0ngCanary";

    /**
     * The provider id to load.
     *
     * @return such as {@code "openai"}
     */
    protected abstract String providerId();

    /**
     * The running simulator, expecting {@link #credentials()}.
     *
     * @return the simulator
     */
    protected abstract VendorSimulator simulator();

    /**
     * The credentials the simulator expects: distinctive fake values that cannot appear by chance.
     *
     * @return a configuration holding only the credentials
     */
    protected abstract ProviderConfig credentials();

    /**
     * A full configuration: the given credentials, the base URI for a vendor at {@code root} (append
     * the API's base path if the adapter needs one), and the adapter's HTTP log at {@code FULL}.
     *
     * @param root the vendor's root, such as the simulator's {@link VendorSimulator#rootUri()}
     * @param credentials the credentials to use
     * @return the configuration
     */
    protected abstract ProviderConfig config(URI root, ProviderConfig credentials);

    /**
     * Every form of the credentials that must never appear, by a name for the failure message: the
     * credentials themselves and what the adapter derives from them (a Basic header's Base64, for
     * example). Every escaped form a JSON or HTTP library may write (percent- and form-encoded,
     * JSON-escaped in its several ways) is added by the contract, which also echoes them all.
     *
     * @param credentials the credentials in use
     * @return the forms, each at least 8 characters
     */
    protected abstract Map<String, String> secretForms(ProviderConfig credentials);

    /**
     * The failures the adapter never raises by design, so the scenario cannot expect to meet them:
     * none by default. GitHub's adapter names none here but {@link NotFoundException}: a 404 there is
     * a wrong organization (a configuration error) or no such invitation (empty, false).
     *
     * @return the exception types the scenario need not meet
     */
    protected Set<Class<? extends RosterException>> failuresNeverRaised() {
        return Set.of();
    }

    /** Everything the scenario saw, by where it came from. */
    private final Map<String, String> evidence = new LinkedHashMap<>();
    private final Set<Class<?>> failuresSeen = new LinkedHashSet<>();
    private int step;

    /**
     * The whole scenario, then the search.
     *
     * @throws Exception if a server cannot start
     */
    @Test
    @DisplayName("no credential appears in any log line, exception, message or toString, whatever happens")
    void noSecretLeaks() throws Exception {
        assertTrue(CapturingLoggerFinder.installed(), "CapturingLoggerFinder is not the JVM's System.LoggerFinder, so log "
                + "records would go unseen: register it in src/test/resources/META-INF/services/java.lang.System$LoggerFinder");
        CapturingLoggerFinder.start();
        try {
            runScenario();
        } finally {
            CapturingLoggerFinder.stop();
        }
        search();
    }

    private void runScenario() throws Exception {
        ProviderConfig credentials = credentials();
        ProviderConfig wrong = wrongCredentials(credentials);
        VendorSimulator simulator = simulator();
        simulator.reset();

        happyPathAndLifecycle(simulator, credentials);
        simulatedFaults(simulator, credentials);
        wrongCredentialsRefused(simulator, wrong);
        WireMockServer echo = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        echo.start();
        try {
            echoingVendor(echo, credentials);
        } finally {
            echo.stop();
        }
        unreachableAndMisconfigured(credentials);
    }

    private void search() {
        ProviderConfig credentials = credentials();
        ProviderConfig wrong = wrongCredentials(credentials);
        List<String> logs = CapturingLoggerFinder.records();
        for (int i = 0; i < logs.size(); i++) {
            evidence.put("log record " + (i + 1), logs.get(i));
        }
        String allLogs = String.join("\n", logs);
        assertTrue(allLogs.contains("---> POST") && allLogs.contains("<--- HTTP/1.1 2") && allLogs.contains("leak-ada@example.com"),
                "the HTTP wire log at FULL should show requests, responses and bodies through System.Logger; it did not, so "
                        + "the search below would prove little. Does config() set the adapter's log level property to FULL?");
        for (Class<?> expected : List.of(InvalidRequestException.class, AuthenticationException.class,
                PermissionDeniedException.class, NotFoundException.class, ConflictException.class, RateLimitedException.class,
                QuotaExceededException.class, ProviderUnavailableException.class, ProviderConfigurationException.class)) {
            if (failuresNeverRaised().contains(expected)) {
                continue;
            }
            assertTrue(failuresSeen.stream().anyMatch(expected::isAssignableFrom), "the scenario should have met a "
                    + expected.getSimpleName() + "; it met " + failuresSeen.stream().map(Class::getSimpleName).toList());
        }

        Map<String, String> forms = new LinkedHashMap<>();
        addForms(forms, secretForms(credentials), "");
        addForms(forms, secretForms(wrong), " (the wrong credentials)");
        List<String> leaks = new ArrayList<>();
        forms.forEach((name, form) -> evidence.forEach((where, text) -> {
            int at = text.indexOf(form);
            if (at >= 0) {
                String around = text.substring(Math.max(0, at - 80), Math.min(text.length(), at + form.length() + 40))
                        .replace(form, "<" + name + ">");
                leaks.add(name + " in " + where + ": ..." + around + "...");
            }
        }));
        if (!leaks.isEmpty()) {
            Map<String, Long> situations = leaks.stream().map(l -> l.substring(0, l.indexOf(": ...")).replaceAll("step \\d+ ", "")
                    .replaceAll("log record \\d+", "a log record")).collect(Collectors.groupingBy(l -> l, LinkedHashMap::new,
                            Collectors.counting()));
            fail(leaks.size() + " leak(s) in " + evidence.size() + " records searched, in these situations:\n"
                    + situations.entrySet().stream().map(e -> e.getValue() + " × " + e.getKey()).collect(Collectors.joining("\n"))
                    + "\nThe first of them:\n" + leaks.stream().limit(20).collect(Collectors.joining("\n")));
        }
    }

    // ---------------------------------------------------------------------------------------
    // The scenario

    private InvitationProvider load(ProviderConfig config) {
        evidence.put("config " + (++step), String.valueOf(config));
        InvitationProvider provider = attempt("load " + providerId(), () -> InvitationProviders.load(providerId(), config));
        if (provider != null) {
            evidence.put("provider " + step, String.valueOf(provider));
        }
        return provider;
    }

    private void happyPathAndLifecycle(VendorSimulator simulator, ProviderConfig credentials) {
        try (InvitationProvider provider = load(config(simulator.rootUri(), credentials).toBuilder()
                .retryPolicy(RetryPolicy.none()).build())) {
            InvitationRequest adaRequest = InvitationRequest.of("leak-ada@example.com");
            evidence.put("request ada", adaRequest.toString());
            Invitation ada = attempt("invite", () -> provider.invite(adaRequest));
            attempt("invite again (idempotent)", () -> provider.invite(adaRequest));
            attempt("find", () -> provider.find(ada.id()));
            PageRequest first = PageRequest.first(1);
            evidence.put("page request", first.toString());
            Page<Invitation> page = attempt("list", () -> provider.list(first));
            attempt("invite bob", () -> provider.invite(InvitationRequest.of("leak-bob@example.com")));
            page.nextCursor().ifPresent(cursor -> attempt("list next", () -> provider.list(PageRequest.after(1, cursor))));
            attempt("stream", () -> provider.stream().collect(Collectors.toList()));
            attempt("findByEmail", () -> provider.findByEmail("LEAK-ADA@example.com"));
            attempt("revoke", () -> provider.revoke(ada.id()));
            attempt("find revoked", () -> provider.find(ada.id()));
            attempt("find unknown", () -> provider.find("invite-unknown-0"));
            attempt("revoke unknown", () -> provider.revoke("invite-unknown-0"));
            attempt("hostile id", () -> provider.find("../admin"));
            Invitation grace = attempt("invite grace", () -> provider.invite(InvitationRequest.of("leak-grace@example.com")));
            simulator.accept(grace.id());
            attempt("revoke accepted", () -> provider.revoke(grace.id()));
            attempt("invite a member", () -> provider.invite(InvitationRequest.of("leak-grace@example.com")));
            attempt("members list", () -> provider.members().list(PageRequest.first(1)));
            attempt("members stream", () -> provider.members().stream().collect(Collectors.toList()));
            Optional<Member> member = attempt("members findByEmail", () -> provider.members().findByEmail("LEAK-GRACE@example.com"));
            // Where members cannot be found by email (GitHub), the simulator names the member the address became.
            String memberId = (member == null ? Optional.<Member>empty() : member).map(Member::id)
                    .or(() -> simulator.memberId("leak-grace@example.com")).orElse("user-unknown-0");
            attempt("members find", () -> provider.members().find(memberId));
            attempt("members find unknown", () -> provider.members().find("user-unknown-0"));
            attempt("members hostile id", () -> provider.members().remove("../admin"));
            attempt("offboard an invitee", () -> provider.offboard("leak-bob@example.com"));
            attempt("offboard a member", () -> provider.offboard("leak-grace@example.com"));
            attempt("members remove gone", () -> provider.members().remove(memberId));
        }
    }

    private void simulatedFaults(VendorSimulator simulator, ProviderConfig credentials) {
        ProviderConfig retrying = config(simulator.rootUri(), credentials).toBuilder()
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO))
                .readTimeout(Duration.ofMillis(300))
                .build();
        try (InvitationProvider provider = load(retrying)) {
            for (SimulatedFault fault : SimulatedFault.values()) {
                simulator.reset();
                simulator.retryAfter(Duration.ofSeconds(5)).slowResponseDelay(Duration.ofSeconds(2));
                simulator.failNext(2, fault);
                attempt("list with " + fault, () -> provider.list(PageRequest.first(5)));
                simulator.reset();
                simulator.retryAfter(Duration.ofSeconds(5)).slowResponseDelay(Duration.ofSeconds(2));
                simulator.failNext(1, fault, "POST");
                attempt("invite with " + fault, () -> provider.invite(InvitationRequest.of("leak-fault@example.com")));
                simulator.failNext(2, fault);
                attempt("members list with " + fault, () -> provider.members().list(PageRequest.first(5)));
                simulator.failNext(2, fault);
                attempt("offboard with " + fault, () -> provider.offboard("leak-fault@example.com"));
            }
            simulator.reset();
        }
    }

    private void wrongCredentialsRefused(VendorSimulator simulator, ProviderConfig wrong) {
        try (InvitationProvider provider = load(config(simulator.rootUri(), wrong).toBuilder()
                .retryPolicy(RetryPolicy.none()).build())) {
            if (provider != null) {
                attempt("list with wrong credentials", () -> provider.list(PageRequest.first(5)));
                attempt("invite with wrong credentials", () -> provider.invite(InvitationRequest.of("leak-eve@example.com")));
            }
        }
    }

    /** A vendor (or a proxy in front of it) that answers every status with the credentials echoed everywhere. */
    private void echoingVendor(WireMockServer echo, ProviderConfig credentials) {
        List<String> every = secretForms(credentials).values().stream()
                .flatMap(value -> CredentialForms.of(value).values().stream()).distinct().collect(Collectors.toList());
        String echoed = String.join(" ", every);
        String echoedPath = String.join("/", every);
        String json = "{\"error\":{\"message\":\"Incorrect API key provided: " + echoed + "\",\"type\":\"invalid_request_error\","
                + "\"param\":\"" + echoed + "\",\"code\":\"" + echoed + "\"},"
                + "\"errors\":[{\"id\":\"" + echoed + "\",\"status\":\"400\",\"code\":\"" + echoed + "\",\"title\":\"" + echoed
                + "\",\"detail\":\"Authorization: Basic " + echoed + "\",\"source\":{\"parameter\":\"" + echoed + "\"}}]}";
        String html = echoed + " <html><body>Proxy error. You sent Authorization: " + echoed + "</body></html>";
        URI root = URI.create("http://127.0.0.1:" + echo.port());
        try (InvitationProvider provider = load(config(root, credentials).toBuilder().retryPolicy(RetryPolicy.none()).build())) {
            for (int status : new int[] {301, 302, 400, 401, 402, 403, 404, 409, 422, 429, 500, 502, 503}) {
                for (String body : List.of(json, html)) {
                    requestsFollowSpec(echo);
                    echo.resetAll();
                    echo.stubFor(any(anyUrl()).willReturn(echoHeaders(aResponse().withStatus(status), echoed, "http://127.0.0.1:"
                            + echo.port() + "/" + echoedPath + "?token=" + echoedPath).withBody(body)));
                    runEveryOperation(provider, "HTTP " + status + (body == json ? " JSON" : " HTML") + " echoing the credentials");
                }
            }
            for (String body : List.of(html, echoed, "{\"data\": [\"" + echoed + "\"", json)) {
                requestsFollowSpec(echo);
                echo.resetAll();
                echo.stubFor(any(anyUrl()).willReturn(echoHeaders(aResponse().withStatus(200), echoed, null).withBody(body)));
                runEveryOperation(provider, "HTTP 200 with an unreadable body echoing the credentials");
            }
            for (String body : List.of("{}", "{\"data\":null,\"error\":\"" + echoed + "\"}", "null", "")) {
                requestsFollowSpec(echo);
                echo.resetAll();
                echo.stubFor(any(anyUrl()).willReturn(echoHeaders(aResponse().withStatus(200), echoed, null).withBody(body)));
                runEveryOperation(provider, "HTTP 200 with a structurally wrong body, headers echoing the credentials");
            }
            requestsFollowSpec(echo);
            echo.resetAll();
            echo.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            runEveryOperation(provider, "connection reset");
            requestsFollowSpec(echo);
            echo.resetAll();
            echo.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
            runEveryOperation(provider, "garbage then close");
            requestsFollowSpec(echo);
        }
        try (InvitationProvider provider = load(config(root, credentials).toBuilder().retryPolicy(RetryPolicy.none())
                .readTimeout(Duration.ofMillis(150)).build())) {
            echo.resetAll();
            echo.stubFor(any(anyUrl()).willReturn(echoHeaders(aResponse().withStatus(200), echoed, null).withBody(json)
                    .withFixedDelay(1_000)));
            runEveryOperation(provider, "timeout");
            requestsFollowSpec(echo);
        }
    }

    /**
     * The requests the adapter sent to the echoing vendor, against the contract the simulator checks
     * (if any): only the requests, as the answers break the contract on purpose.
     */
    private void requestsFollowSpec(WireMockServer echo) {
        simulator().validation().ifPresent(spec -> spec.assertOnlyDeliberate(echo.getAllServeEvents().stream()
                .flatMap(event -> spec.violations(event.getRequest(), null).stream()).collect(Collectors.toList()), List.of()));
    }

    private static ResponseDefinitionBuilder echoHeaders(ResponseDefinitionBuilder response, String echoed, String location) {
        ResponseDefinitionBuilder out = response.withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", echoed).withHeader("X-Request-Id", echoed)
                .withHeader("Retry-After", echoed).withHeader("retry-after-ms", echoed)
                .withHeader("WWW-Authenticate", "Basic realm=\"" + echoed + "\"")
                .withHeader("Set-Cookie", "session=" + echoed);
        return location == null ? out : out.withHeader("Location", location);
    }

    private void runEveryOperation(InvitationProvider provider, String situation) {
        attempt("invite, " + situation, () -> provider.invite(InvitationRequest.of("leak-echo@example.com")));
        attempt("find, " + situation, () -> provider.find("invite-echo-1"));
        attempt("list, " + situation, () -> provider.list(PageRequest.first(5)));
        attempt("findByEmail, " + situation, () -> provider.findByEmail("leak-echo@example.com"));
        attempt("revoke, " + situation, () -> provider.revoke("invite-echo-1"));
        attempt("members find, " + situation, () -> provider.members().find("user-echo-1"));
        attempt("members list, " + situation, () -> provider.members().list(PageRequest.first(5)));
        attempt("members findByEmail, " + situation, () -> provider.members().findByEmail("leak-echo@example.com"));
        attempt("members remove, " + situation, () -> provider.members().remove("user-echo-1"));
        attempt("offboard, " + situation, () -> provider.offboard("leak-echo@example.com"));
    }

    private void unreachableAndMisconfigured(ProviderConfig credentials) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        try (InvitationProvider provider = load(config(URI.create("http://127.0.0.1:" + closedPort), credentials).toBuilder()
                .retryPolicy(RetryPolicy.none()).build())) {
            attempt("list, connection refused", () -> provider.list(PageRequest.first(5)));
            attempt("invite, connection refused", () -> provider.invite(InvitationRequest.of("leak-nobody@example.com")));
        }
        attempt("plain http to another host", () -> closing(load(config(URI.create("http://vendor.example"), credentials))));
        for (String name : ProviderConfig.KNOWN_CREDENTIALS) {
            Optional<Secret> present = credentials.credential(name);
            if (present.isPresent()) {
                ProviderConfig.Builder without = ProviderConfig.builder();
                for (String other : ProviderConfig.KNOWN_CREDENTIALS) {
                    if (!other.equals(name)) {
                        credentials.credential(other).ifPresent(secret -> without.credential(other, secret));
                    }
                }
                attempt("missing " + name, () -> closing(load(config(URI.create("https://vendor.example"), without.build()))));
                String encoded = HttpEndpoints.percentEncode(present.get().reveal());
                attempt("credential in the base URI's user info",
                        () -> ProviderConfig.builder().baseUri(URI.create("https://user:" + encoded + "@vendor.example")));
                attempt("credential in a malformed base URI",
                        () -> ProviderConfig.builder().baseUri("https://vendor.example/" + present.get().reveal() + " ^{}"));
            }
        }
        attempt("credentials of the wrong shape", () -> closing(load(config(URI.create("https://vendor.example"),
                ProviderConfig.builder().credential("NOT_A_KNOWN_CREDENTIAL", Secret.of("x")).build()))));
    }

    private static Object closing(InvitationProvider provider) {
        if (provider != null) {
            provider.close();
        }
        return provider;
    }

    /**
     * Runs one call, keeping its result's toString or its exception's full story. Only
     * {@link RosterException}s are expected: anything else fails the test where it happens.
     */
    private <T> T attempt(String what, Supplier<T> call) {
        String where = "step " + (++step) + " (" + what + ")";
        try {
            T result = call.get();
            evidence.put(where + " result", String.valueOf(result));
            return result;
        } catch (RosterException e) {
            record(where, e);
            return null;
        }
    }

    private void record(String where, Throwable e) {
        failuresSeen.add(e.getClass());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace)); // message, causes and suppressed, each with its toString
        evidence.put(where + " stack trace", trace.toString());
        StringBuilder parts = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            parts.append(t).append(" | ").append(t.getMessage()).append(" | ").append(t.getLocalizedMessage()).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                parts.append("suppressed: ").append(suppressed).append('\n');
            }
            if (t instanceof RosterException roster) {
                parts.append(roster.details()).append(' ').append(roster.attempts()).append('\n');
                if (roster instanceof RateLimitedException limited) {
                    parts.append(limited.retryAfter()).append('\n');
                }
            }
        }
        evidence.put(where + " exception", parts.toString());
        // What code holding the exception could read: fields, causes, suppressed and their accessors.
        evidence.put(where + " exception's object graph", String.join("\n", ReachableText.from(e)));
    }

    /** The credentials with every value changed, so the vendor refuses them (and they too must not leak). */
    private static ProviderConfig wrongCredentials(ProviderConfig credentials) {
        ProviderConfig.Builder wrong = ProviderConfig.builder();
        for (String name : ProviderConfig.KNOWN_CREDENTIALS) {
            credentials.credential(name).ifPresent(secret -> wrong.credential(name, Secret.of(secret.reveal() + WRONG)));
        }
        return wrong.build();
    }

    private static void addForms(Map<String, String> into, Map<String, String> forms, String suffix) {
        forms.forEach((name, value) -> {
            if (value == null || value.length() < 8) {
                throw new IllegalArgumentException("secretForms() must give distinctive values of at least 8 characters; "
                        + name + " is too short to search for");
            }
            CredentialForms.of(value).forEach((form, text) -> into.putIfAbsent(name + form + suffix, text));
        });
    }
}
