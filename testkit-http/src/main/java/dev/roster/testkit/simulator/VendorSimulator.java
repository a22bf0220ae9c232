package dev.roster.testkit.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.SubEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roster.ProviderConfig;
import dev.roster.testkit.VendorControl;
import dev.roster.testkit.openapi.OpenApiValidation;
import dev.roster.testkit.openapi.SpecCheckSummary;
import dev.roster.testkit.openapi.VendorSpecs;
import dev.roster.testkit.reliability.ReliabilityContract;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stateful fake of a vendor's invitation endpoints, served by WireMock on a free port of
 * 127.0.0.1. Subclasses ({@code OpenAiSimulator}, {@code ConfluentSimulator}) keep the vendor's
 * state and answer as its OpenAPI contract says; this class runs the server and the knobs that
 * reliability tests turn: injected {@link SimulatedFault faults}, latency and a rate limit.
 *
 * <p>As a JUnit 5 extension ({@code @RegisterExtension static final}), it starts before the
 * class's first test, is {@link #reset() reset} before each test, and stops after the last.
 * Outside JUnit, call {@link #start()} and {@link #close()}.
 *
 * <p><b>Checked against the vendor's contract.</b> Once {@link #validatedAgainst(OpenApiValidation)
 * told which contract} (subclasses offer {@code validatedAgainstSpec()} for their vendor's), the
 * simulator checks every exchange in its request journal, the request the client sent and the answer
 * it gave, after each test, before every {@link #reset()} and when it {@link #close() stops}; a
 * violation fails the test. Exchanges the simulator broke on purpose with a
 * {@link SimulatedFault#breaksTheAnswer() fault that breaks the answer} have only their request
 * checked. Anything else a test provokes on purpose is declared, violation by violation, with
 * {@link #deliberately(String, String)}. A build can require every simulator to be checked with the
 * system property {@value #REQUIRE_SPEC_PROPERTY}{@code =true}: {@link #start()} then refuses a
 * simulator that was given no contract at all.
 *
 * <p>A vendor's contract is found only in the specs folder the build names ({@link VendorSpecs}).
 * When none is named, {@code validatedAgainstSpec()} gives the simulator a validation that checks
 * nothing ({@link OpenApiValidation#isChecking()}): its exchanges are counted as unchecked and the
 * test run says so in one line at its end ({@link SpecCheckSummary}), and {@link #deliberately}
 * declarations are not verified. When one is named, a missing file is an error naming the file and
 * the folder.
 */
public abstract class VendorSimulator implements VendorControl, BeforeAllCallback, AfterAllCallback,
        BeforeEachCallback, AfterEachCallback, AutoCloseable {

    /**
     * The system property that makes {@link #start()} refuse a simulator without a contract to check
     * its traffic against ({@link #validatedAgainst(OpenApiValidation)}), so that a module's build can
     * require every simulator of its tests to be checked.
     */
    public static final String REQUIRE_SPEC_PROPERTY = "roster.testkit.requireSpecValidation";

    /** The WireMock sub-event marking an exchange with the fault injected into it. */
    private static final String FAULT_SUB_EVENT = "roster-simulated-fault";

    private final List<BiConsumer<LoggedRequest, LoggedResponse>> watchers = new CopyOnWriteArrayList<>();
    private final Deque<PlannedFault> plannedFaults = new ArrayDeque<>();
    private final AtomicInteger received = new AtomicInteger();
    private final Map<Integer, AtomicInteger> answered = new ConcurrentHashMap<>();
    private volatile WireMockServer server;
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration slowResponseDelay = Duration.ofSeconds(3);
    private volatile Duration retryAfter = Duration.ofSeconds(1);
    /** The rate limit, or null for none. */
    private volatile SimulatedRateLimit rateLimit;
    private volatile boolean acceptDuplicateInvites;
    private volatile OpenApiValidation contract;
    /** Faults drawn at random for requests no planned fault takes, or null. */
    private volatile RandomFaults randomFaults;
    /** Violations declared for the exchanges up to the next check. */
    private final List<OpenApiValidation.Deviation> deliberate = new CopyOnWriteArrayList<>();
    /** Journal entries already checked since the last reset, so a violation is reported once. */
    private final Set<UUID> checked = ConcurrentHashMap.newKeySet();

    /** Each request's fault drawn from a seeded generator: the same seed and requests give the same faults. */
    private static final class RandomFaults {
        final java.util.Random random;
        final double rate;
        final List<SimulatedFault> faults;

        RandomFaults(long seed, double rate, List<SimulatedFault> faults) {
            this.random = new java.util.Random(seed);
            this.rate = rate;
            this.faults = faults;
        }

        /** Called with the planned faults' lock held, so draws follow the order requests arrive in. */
        Optional<SimulatedFault> draw() {
            return random.nextDouble() < rate ? Optional.of(faults.get(random.nextInt(faults.size()))) : Optional.empty();
        }
    }

    /** A fault waiting for its next matching requests. */
    private static final class PlannedFault {
        final SimulatedFault fault;
        final Optional<String> method;
        int remaining;

        PlannedFault(SimulatedFault fault, Optional<String> method, int remaining) {
            this.fault = fault;
            this.method = method;
            this.remaining = remaining;
        }
    }

    /**
     * Answers one request from the vendor's state: authentication, routing and the operation.
     * Called concurrently; implementations guard their state.
     *
     * @param request the request
     * @return the vendor's answer
     */
    protected abstract SimulatedResponse handle(SimulatedRequest request);

    /**
     * The vendor's error response for a status, in its own body format.
     *
     * @param status the HTTP status
     * @param message what to say
     * @return the response
     */
    protected abstract SimulatedResponse error(int status, String message);

    /**
     * The vendor's 429 or 503 answer asking the caller to wait; by default {@link #error} plus
     * {@code Retry-After} as {@link #retryAfterHeader(Duration)} writes it. Subclasses add the
     * vendor's other headers.
     *
     * @param status 429 or 503
     * @param wait how long to wait
     * @return the response
     */
    protected SimulatedResponse retryLater(int status, Duration wait) {
        SimulatedResponse response = error(status, status == 429 ? "Rate limit reached; slow down." : "Service temporarily unavailable.");
        return retryAfterHeader(wait).map(seconds -> response.withHeader("Retry-After", seconds)).orElse(response);
    }

    /**
     * A wait as {@code Retry-After}'s value: whole seconds, rounded up (so a client that waits what
     * it is told never comes back too early), and never below 1. No wait at all gives no header: the
     * smallest wait the header can honestly ask for is a second (OpenAI's contract says
     * {@code minimum: 1}), so "retry at once" is said by leaving it out, and a finer header such as
     * OpenAI's {@code retry-after-ms} says what is shorter than a second.
     *
     * @param wait the wait
     * @return the header's value, such as {@code "1"}; empty for a zero or negative wait
     */
    protected static Optional<String> retryAfterHeader(Duration wait) {
        long seconds = wholeSeconds(wait);
        return seconds == 0 ? Optional.empty() : Optional.of(Long.toString(seconds));
    }

    /**
     * A wait in whole seconds, rounded up; zero stays zero. For headers that may say zero, such as
     * Confluent's {@code X-RateLimit-Reset} ("the window resets within the second"); for
     * {@code Retry-After}, use {@link #retryAfterHeader(Duration)}.
     *
     * @param wait the wait
     * @return the seconds
     */
    protected static long wholeSeconds(Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return 0;
        }
        return (wait.toNanos() + 999_999_999L) / 1_000_000_000L;
    }

    /**
     * A wait in whole milliseconds, rounded up as {@link #wholeSeconds} does (zero stays zero), for headers such as
     * OpenAI's {@code retry-after-ms}.
     *
     * @param wait the wait
     * @return the milliseconds to send
     */
    protected static long wholeMillis(Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return 0;
        }
        return (wait.toNanos() + 999_999L) / 1_000_000L;
    }

    /**
     * How many invitations the vendor has created for each address, whatever became of them
     * (revoked, deleted, accepted or expired ones count too): what reliability tests count to prove
     * that no invitation was lost or created twice.
     *
     * @return counts by lower-cased address; addresses never invited are absent
     */
    public abstract Map<String, Integer> invitationsCreatedByEmail();

    /**
     * A configuration for the vendor's provider pointing at this simulator, with the credentials it
     * accepts: what {@code InvitationProviders.load(id, simulator.config())} needs.
     *
     * @return the configuration
     */
    public abstract ProviderConfig config();

    /**
     * The id of the provider this simulator stands in for, such as {@code "openai"}: what a tool that
     * finds simulators with {@link java.util.ServiceLoader} (as {@code roster demo} does, through
     * {@code META-INF/services/dev.roster.testkit.simulator.VendorSimulator}) pairs it with. A simulator
     * registered there must override it.
     *
     * @return the provider id
     * @throws IllegalStateException if the subclass does not say
     */
    public String providerId() {
        throw new IllegalStateException(getClass().getName() + " does not name the provider it simulates: override "
                + "providerId() to register it as a service.");
    }

    /**
     * The environment variables, as {@link ProviderConfig#fromEnvironment()} reads them, that give
     * the provider this simulator's credentials and settings ({@link #config()} without its base
     * URI): what {@code roster sandbox} prints for a person to export.
     *
     * @return the variables, in the order to print them; empty by default
     */
    public Map<String, String> environment() {
        return Map.of();
    }

    /** Forgets every invitation the vendor holds; called by {@link #reset()}. */
    protected abstract void clearState();

    // ---------------------------------------------------------------------------------------
    // Lifecycle

    /**
     * Starts the server on a free port of 127.0.0.1; does nothing if it runs already.
     *
     * @return this simulator
     */
    public synchronized VendorSimulator start() {
        if (server == null) {
            if (contract == null && Boolean.getBoolean(REQUIRE_SPEC_PROPERTY)) {
                throw new IllegalStateException(getClass().getSimpleName() + " would check its traffic against no contract, "
                        + "but this build requires every simulator to (-D" + REQUIRE_SPEC_PROPERTY + "=true): create it "
                        + "with validatedAgainstSpec(), or call validatedAgainst(OpenApiValidation) before it starts.");
            }
            WireMockServer created = new WireMockServer(wireMockConfig()
                    .bindAddress("127.0.0.1")
                    .dynamicPort()
                    .containerThreads(32)
                    .jettyAcceptors(2)
                    .extensions(new Dispatcher(), new Watcher()));
            created.start();
            created.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Dispatcher.NAME)));
            server = created;
        }
        return this;
    }

    /**
     * Checks the exchanges not checked yet against the contract (see the class comment), then stops
     * the server.
     *
     * @throws AssertionError after stopping, if an exchange broke the contract
     */
    @Override
    public synchronized void close() {
        if (server != null) {
            AssertionError broken = checkQuietly();
            server.stop();
            server = null;
            rethrow(broken);
        }
    }

    /**
     * Forgets all state, the knobs and the request journal: a clean vendor again. The exchanges not
     * checked yet are checked against the contract first (see the class comment).
     *
     * @throws AssertionError after resetting, if an exchange broke the contract
     */
    public void reset() {
        AssertionError broken = checkQuietly();
        checked.clear();
        deliberate.clear();
        clearState();
        synchronized (plannedFaults) {
            plannedFaults.clear();
        }
        randomFaults = null;
        latency = Duration.ZERO;
        slowResponseDelay = Duration.ofSeconds(3);
        retryAfter = Duration.ofSeconds(1);
        rateLimit = null;
        acceptDuplicateInvites = false;
        received.set(0);
        answered.clear();
        watchers.clear();
        requireServer().resetRequests();
        rethrow(broken);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertTrafficFollowsSpec();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    // ---------------------------------------------------------------------------------------
    // The vendor's contract

    /**
     * Checks this simulator's traffic against the vendor's contract from now on: see the class
     * comment. Call it before the simulator starts.
     *
     * @param validation the contract, such as {@code OpenApiValidation.vendorSpec("acme.openapi.yaml").build()}
     * @return this simulator
     */
    public VendorSimulator validatedAgainst(OpenApiValidation validation) {
        this.contract = Objects.requireNonNull(validation, "validation");
        return this;
    }

    /**
     * The contract this simulator checks its traffic against, if any.
     *
     * @return the validation; empty if it checks nothing
     */
    public Optional<OpenApiValidation> validation() {
        return Optional.ofNullable(contract);
    }

    /**
     * Declares that the exchanges up to the next check (the end of the test, or the next
     * {@link #reset()}) break the contract in this one way on purpose, such as a request a test sends
     * by hand to see the simulator refuse it. Each declared violation must occur, and nothing else may
     * break the contract. Faults the simulator injects need no declaration.
     *
     * @param violation a regular expression found in the violation's line
     * @param why what the test reproduces, for the reader and the failure message
     * @return this simulator
     * @throws IllegalStateException if the simulator checks no contract
     */
    public VendorSimulator deliberately(String violation, String why) {
        if (contract == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " checks no contract, so there is nothing to "
                    + "break on purpose: call validatedAgainst first.");
        }
        deliberate.add(OpenApiValidation.deliberate(violation, why));
        return this;
    }

    /**
     * Checks the exchanges in the request journal not checked yet against the contract, and forgets
     * the {@link #deliberately declared} violations. The extension does this after each test, and
     * {@link #reset()} and {@link #close()} before they act; call it yourself where a test's steps
     * reset the simulator, so that a violation is blamed on the step that caused it.
     *
     * @throws AssertionError if an exchange broke the contract other than as declared, or a declared
     *     violation did not occur
     */
    public void assertTrafficFollowsSpec() {
        OpenApiValidation validation = contract;
        WireMockServer running = server;
        List<OpenApiValidation.Deviation> declared = new ArrayList<>(deliberate);
        deliberate.removeAll(declared);
        if (validation == null || running == null) {
            return;
        }
        List<ServeEvent> events = new ArrayList<>(running.getAllServeEvents());
        events.removeIf(event -> checked.contains(event.getId()));
        events.sort(Comparator.comparing(event -> event.getRequest().getLoggedDate()));
        List<String> found = new ArrayList<>();
        for (ServeEvent event : events) {
            boolean answerBroken = injectedFault(event).map(SimulatedFault::breaksTheAnswer).orElse(false);
            found.addAll(validation.violations(event.getRequest(), answerBroken ? null : event.getResponse()));
            checked.add(event.getId());
        }
        validation.assertOnlyDeliberate(found, declared);
    }

    private AssertionError checkQuietly() {
        try {
            assertTrafficFollowsSpec();
            return null;
        } catch (AssertionError e) {
            return e;
        }
    }

    private static void rethrow(AssertionError broken) {
        if (broken != null) {
            throw broken;
        }
    }

    /** The fault the dispatcher injected into this exchange, as it marked it. */
    private static Optional<SimulatedFault> injectedFault(ServeEvent event) {
        for (SubEvent sub : event.getSubEvents()) {
            if (FAULT_SUB_EVENT.equals(sub.getType()) && sub.getData() != null && sub.getData().get("fault") != null) {
                return Optional.of(SimulatedFault.valueOf(sub.getData().get("fault").toString()));
            }
        }
        return Optional.empty();
    }

    /**
     * Where the simulator listens, such as {@code http://127.0.0.1:41234}.
     *
     * @return the server's root URI
     */
    public URI rootUri() {
        return URI.create("http://127.0.0.1:" + requireServer().port());
    }

    /**
     * The WireMock server, for reading its request journal in assertions.
     *
     * @return the running server
     */
    public WireMockServer server() {
        return requireServer();
    }

    /**
     * How many requests reached the simulator since the last reset.
     *
     * @return the request count
     */
    public int requestCount() {
        return requireServer().getAllServeEvents().size();
    }

    /**
     * How many requests arrived since the last reset, counted as they arrive: unlike the request
     * journal ({@link #requestCount()}), which records a delayed exchange only once its delay is over.
     *
     * @return the requests received
     */
    public int requestsReceived() {
        return received.get();
    }

    /**
     * How many requests the simulator answered with a status since the last reset, counted when the
     * answer was decided (before any delay). Requests cut off by a connection fault count under no
     * status.
     *
     * @param status an HTTP status, such as 409 or 429
     * @return how many answers had it
     */
    public int answeredWith(int status) {
        AtomicInteger count = answered.get(status);
        return count == null ? 0 : count.get();
    }

    /**
     * Calls the watcher with every request and response once it was served, for example to check
     * traffic against the vendor's OpenAPI contract. Watchers are dropped on {@link #reset()}.
     *
     * @param watcher receives each request and its response
     * @return this simulator
     */
    public VendorSimulator watch(BiConsumer<LoggedRequest, LoggedResponse> watcher) {
        watchers.add(Objects.requireNonNull(watcher, "watcher"));
        return this;
    }

    // ---------------------------------------------------------------------------------------
    // Knobs

    /**
     * Makes the next {@code count} requests fail with the fault.
     *
     * @param count how many requests
     * @param fault the fault
     * @return this simulator
     */
    public VendorSimulator failNext(int count, SimulatedFault fault) {
        return plan(count, fault, Optional.empty());
    }

    /**
     * Makes the next {@code count} requests with this HTTP method fail with the fault.
     *
     * @param count how many requests
     * @param fault the fault
     * @param httpMethod such as {@code "POST"}
     * @return this simulator
     */
    public VendorSimulator failNext(int count, SimulatedFault fault, String httpMethod) {
        return plan(count, fault, Optional.of(httpMethod.toUpperCase(java.util.Locale.ROOT)));
    }

    /**
     * Forgets the faults still planned by {@link #failNext}, keeping the vendor's state: the
     * network is healthy again.
     *
     * @return this simulator
     */
    public VendorSimulator clearFaults() {
        synchronized (plannedFaults) {
            plannedFaults.clear();
            randomFaults = null;
        }
        return this;
    }

    /**
     * Makes every later request that no {@link #failNext planned fault} takes fail with probability
     * {@code rate}, with a fault drawn from {@code faults} (list one several times to weight it), until
     * {@link #clearFaults()} or {@link #reset()}. The draws come from a generator seeded with
     * {@code seed}, in the order requests arrive: requests sent one after another meet the same faults
     * on every run.
     *
     * @param seed the generator's seed
     * @param rate the share of requests to fail, from 0 to 1
     * @param faults the faults to draw from, not empty
     * @return this simulator
     */
    public VendorSimulator randomFaults(long seed, double rate, List<SimulatedFault> faults) {
        if (!(rate >= 0 && rate <= 1) || faults.isEmpty()) {
            throw new IllegalArgumentException("rate must be from 0 to 1 and faults not empty; got " + rate + " and " + faults);
        }
        RandomFaults drawn = new RandomFaults(seed, rate, List.copyOf(faults));
        synchronized (plannedFaults) {
            randomFaults = drawn;
        }
        return this;
    }

    /**
     * Delays every response.
     *
     * @param delay the added latency
     * @return this simulator
     */
    public VendorSimulator latency(Duration delay) {
        this.latency = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /**
     * Sets how late a {@link SimulatedFault#SLOW_RESPONSE} answers; 3 seconds by default.
     *
     * @param delay the delay
     * @return this simulator
     */
    public VendorSimulator slowResponseDelay(Duration delay) {
        this.slowResponseDelay = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /**
     * Sets the wait that injected 429 and 503 answers ask for; 1 second by default. Each vendor
     * writes it in its own headers: {@code Retry-After} in whole seconds, rounded up and never below
     * 1 (so a sub-second wait is sent as 1 second), and {@link Duration#ZERO} ("retry at once") as no
     * {@code Retry-After} at all (see {@link #retryAfterHeader(Duration)}); OpenAI adds the
     * milliseconds in {@code retry-after-ms}, Confluent the seconds in {@code X-RateLimit-Reset}.
     *
     * @param wait the wait
     * @return this simulator
     */
    public VendorSimulator retryAfter(Duration wait) {
        this.retryAfter = Objects.requireNonNull(wait, "wait");
        return this;
    }

    /**
     * Answers 429 with {@code Retry-After} to requests beyond this many in any one-second window.
     * Every answer then carries the vendor's rate-limit headers where it has them
     * ({@link #rateLimitHeaders}), saying what is left in the window.
     *
     * @param limit requests per second; 0 for no limit
     * @return this simulator
     */
    public VendorSimulator rateLimit(int limit) {
        this.rateLimit = limit > 0 ? SimulatedRateLimit.window(limit) : null;
        return this;
    }

    /**
     * Answers 429 to a request that comes sooner than {@code 1 / limit} seconds after the last one
     * let through: a token bucket with no burst, the strictest limiter a vendor may run, which
     * refuses any two requests that arrive close together however few there are in a second. Every
     * answer carries the vendor's rate-limit headers where it has them ({@link #rateLimitHeaders}).
     *
     * @param limit requests per second; 0 for no limit
     * @return this simulator
     */
    public VendorSimulator strictRateLimit(int limit) {
        this.rateLimit = limit > 0 ? SimulatedRateLimit.strict(limit) : null;
        return this;
    }

    /**
     * Adds the vendor's rate-limit headers to an answer given under a {@link #rateLimit(int) rate
     * limit}: a 429 or any other. By default none (a vendor that sends no such headers).
     *
     * @param response the answer
     * @param limit the requests the limit allows in its period
     * @param remaining what is left after this request
     * @param resetIn how long until the limit is back to its initial state
     * @return the answer with the headers
     */
    protected SimulatedResponse rateLimitHeaders(SimulatedResponse response, long limit, long remaining, Duration resetIn) {
        return response;
    }

    /**
     * Whether a create for an email that already has a pending invitation makes a second one. Off
     * by default, which is what both vendors document: a 409. On, a create the vendor already acted
     * on (its answer lost) really leaves two invitations when it is sent again, so a test can observe
     * a duplicate instead of the vendor hiding it; {@link ReliabilityContract}'s random-fault soak
     * turns it on. A member's email is refused as before. Cleared by {@link #reset()}.
     *
     * @param accept true to create a second pending invitation for the same email
     * @return this simulator
     */
    public VendorSimulator acceptDuplicateInvites(boolean accept) {
        this.acceptDuplicateInvites = accept;
        return this;
    }

    /**
     * Whether {@link #acceptDuplicateInvites(boolean)} is on: a subclass's create then skips its
     * "already pending" refusal.
     *
     * @return true if a second pending invitation for one email is created
     */
    protected boolean acceptsDuplicateInvites() {
        return acceptDuplicateInvites;
    }

    private VendorSimulator plan(int count, SimulatedFault fault, Optional<String> method) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        synchronized (plannedFaults) {
            plannedFaults.add(new PlannedFault(Objects.requireNonNull(fault, "fault"), method, count));
        }
        return this;
    }

    private Optional<SimulatedFault> takeFault(String method) {
        synchronized (plannedFaults) {
            for (PlannedFault planned : plannedFaults) {
                if (planned.method.map(method::equals).orElse(true)) {
                    if (--planned.remaining == 0) {
                        plannedFaults.remove(planned);
                    }
                    return Optional.of(planned.fault);
                }
            }
            RandomFaults random = randomFaults;
            return random == null ? Optional.empty() : random.draw();
        }
    }

    private WireMockServer requireServer() {
        WireMockServer running = server;
        if (running == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is not running: register it with "
                    + "@RegisterExtension or call start() first.");
        }
        return running;
    }

    // ---------------------------------------------------------------------------------------
    // WireMock plumbing

    private SimulatedResponse respond(SimulatedRequest request, Optional<SimulatedFault> fault) {
        SimulatedRateLimit limiter = rateLimit;
        if (limiter == null) {
            return answer(request, fault);
        }
        SimulatedRateLimit.Verdict verdict = limiter.admit();
        SimulatedResponse response = verdict.refusedFor().isPresent() ? retryLater(429, verdict.refusedFor().get()) : answer(request, fault);
        return rateLimitHeaders(response, verdict.limit(), verdict.remaining(), verdict.resetIn());
    }

    private SimulatedResponse answer(SimulatedRequest request, Optional<SimulatedFault> fault) {
        if (fault.isPresent()) {
            switch (fault.get()) {
                case SERVER_ERROR:
                    return error(500, "The server had an error while processing your request.");
                case UNAVAILABLE_WITH_RETRY_AFTER:
                    return retryLater(503, retryAfter);
                case RATE_LIMITED_WITH_RETRY_AFTER:
                    return retryLater(429, retryAfter);
                default:
                    break;
            }
        }
        return handle(request);
    }

    private ResponseDefinition render(SimulatedResponse response, Optional<SimulatedFault> fault) {
        ResponseDefinitionBuilder builder = aResponse().withStatus(response.status());
        response.headers().forEach(builder::withHeader);
        if (response.body() != null) {
            builder.withBody(response.body());
        }
        long delay = latency.toMillis();
        if (fault.isPresent()) {
            switch (fault.get()) {
                case CONNECTION_RESET_BEFORE_READ:
                case CONNECTION_RESET_AFTER_PROCESSING:
                    builder.withFault(Fault.CONNECTION_RESET_BY_PEER);
                    break;
                case EMPTY_REPLY:
                    builder.withFault(Fault.EMPTY_RESPONSE);
                    break;
                case MALFORMED_JSON:
                    builder.withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"data\": [tru");
                    break;
                case TRUNCATED_BODY:
                case BAD_CONTENT_LENGTH:
                case EMPTY_OBJECT:
                case NULL_DATA:
                case JSON_NULL:
                case EMPTY_BODY:
                case NO_CONTENT:
                case ERROR_BODY_WITH_200:
                case UNKNOWN_STATUS:
                    builder = brokenAnswer(fault.get(), response);
                    break;
                case SLOW_RESPONSE:
                    delay += slowResponseDelay.toMillis();
                    break;
                default:
                    break;
            }
        }
        if (delay > 0) {
            builder.withFixedDelay((int) Math.min(Integer.MAX_VALUE, delay));
        }
        return builder.build();
    }

    /** What a broken proxy or vendor answers after the request was acted on, instead of the vendor's answer. */
    private ResponseDefinitionBuilder brokenAnswer(SimulatedFault fault, SimulatedResponse answer) {
        String json = "application/json";
        switch (fault) {
            case TRUNCATED_BODY: {
                String body = answer.body() == null ? "" : answer.body();
                return aResponse().withStatus(answer.status()).withHeader("Content-Type", json)
                        .withBody(body.substring(0, body.length() / 2));
            }
            case BAD_CONTENT_LENGTH:
                return aResponse().withStatus(answer.status()).withHeader("Content-Type", json)
                        .withHeader("Content-Length", "abc").withBody(answer.body() == null ? "" : answer.body());
            case EMPTY_OBJECT:
                return aResponse().withStatus(200).withHeader("Content-Type", json).withBody("{}");
            case NULL_DATA:
                return aResponse().withStatus(200).withHeader("Content-Type", json).withBody("{\"data\":null}");
            case JSON_NULL:
                return aResponse().withStatus(200).withHeader("Content-Type", json).withBody("null");
            case EMPTY_BODY:
                return aResponse().withStatus(200).withHeader("Content-Type", json).withBody("");
            case NO_CONTENT:
                return aResponse().withStatus(204);
            case ERROR_BODY_WITH_200:
            case UNKNOWN_STATUS:
                return aResponse().withStatus(fault == SimulatedFault.UNKNOWN_STATUS ? 999 : 200).withHeader("Content-Type", json)
                        .withBody(error(500, "The server had an error while processing your request.").body());
            default:
                throw new IllegalArgumentException(fault + " does not replace the answer");
        }
    }

    /** Routes every request to {@link #handle}, applying the knobs. */
    private final class Dispatcher implements ResponseDefinitionTransformerV2 {
        static final String NAME = "roster-vendor-simulator";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            LoggedRequest logged = serveEvent.getRequest();
            SimulatedRequest request = SimulatedRequest.of(logged.getMethod().getName(), logged.getUrl(),
                    name -> Optional.ofNullable(logged.getHeaders().getHeader(name)).filter(HttpHeader::isPresent)
                            .map(HttpHeader::firstValue),
                    logged.getBodyAsString());
            received.incrementAndGet();
            Optional<SimulatedFault> fault = takeFault(request.method());
            fault.ifPresent(f -> serveEvent.appendSubEvent(FAULT_SUB_EVENT, Map.of("fault", f.name())));
            if (fault.isPresent() && fault.get() == SimulatedFault.CONNECTION_RESET_BEFORE_READ) {
                return render(SimulatedResponse.empty(500), fault);
            }
            ResponseDefinition rendered = render(respond(request, fault), fault);
            if (rendered.getFault() == null) {
                answered.computeIfAbsent(rendered.getStatus(), status -> new AtomicInteger()).incrementAndGet();
            }
            return rendered;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    /** Hands every served exchange to the watchers. */
    private final class Watcher implements ServeEventListener {
        @Override
        public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
            for (BiConsumer<LoggedRequest, LoggedResponse> watcher : watchers) {
                watcher.accept(serveEvent.getRequest(), serveEvent.getResponse());
            }
        }

        @Override
        public String getName() {
            return "roster-vendor-simulator-watcher";
        }
    }
}
