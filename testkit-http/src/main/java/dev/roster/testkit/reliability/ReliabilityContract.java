package dev.roster.testkit.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderConfig;
import dev.roster.ProviderUnavailableException;
import dev.roster.RateLimitedException;
import dev.roster.RetryPolicy;
import dev.roster.RosterException;
import dev.roster.testkit.simulator.OpenAiSimulator;
import dev.roster.testkit.simulator.SimulatedFault;
import dev.roster.testkit.simulator.VendorSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reliability contract: what an adapter, wrapped in core's policy, must survive against its
 * {@link VendorSimulator}. An adapter proves it by extending this class in a few lines:
 *
 * <pre>{@code
 * @DisplayName("The OpenAI adapter survives faults, concurrency and rate limits")
 * class OpenAiReliabilityTest extends ReliabilityContract {
 *     @Override
 *     protected VendorSimulator newSimulator() {
 *         return new OpenAiSimulator().validatedAgainstSpec();
 *     }
 *
 *     @Override
 *     protected String providerId() {
 *         return "openai";
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>The fault matrix.</b> Every operation (invite, find, list page, stream, revoke) under
 *       every {@link SimulatedFault}, twice: once when the fault strikes and then passes (a burst of
 *       500s, a storm of more 429s than the policy has attempts, ...), where every call must succeed
 *       with the right result; and once when it persists, where every call must fail with the right
 *       {@link RosterException} subclass ({@link RateLimitedException} for 429s,
 *       {@link ProviderUnavailableException} for everything else), or succeed with the right result,
 *       within its time budget, and the caller's next try must heal. After each, the simulator must
 *       hold exactly one invitation per requested email: none lost, none duplicated. An invite whose
 *       first create worked must not have been sent again (no 409 from the vendor): core looks the
 *       email up instead. The matrix (operation × fault → outcome · requests · time) is printed to
 *       standard output after the class, where the build's test report keeps it.</li>
 *   <li><b>Random faults.</b> Per seed of {@link #soakSeeds()}, 150 invites one after another with 30%
 *       of all requests failed by a fault drawn at random ({@link SimulatedFault}: connection resets,
 *       lost, late and cut answers, 5xx and 429s, structurally wrong 2xx bodies, HTTP 999); every
 *       failure must be one a caller may retry, and once the failed invites are sent again on a healed
 *       network, the simulator must hold exactly one invitation per email. While faults are injected
 *       the simulator {@linkplain VendorSimulator#acceptDuplicateInvites accepts duplicate invites}
 *       (a simulator of another vendor should honour that knob too), so a create sent again after a
 *       lost answer shows as a second invitation rather than hiding behind the vendor's 409.</li>
 *   <li><b>Shared safely.</b> One provider used by 16 threads for 500 mixed operations each: no
 *       error, no invitation lost or duplicated.</li>
 *   <li><b>Rate limits as a pace.</b> With the simulator limited to 50 requests a second, 8 threads
 *       invite 300 people through one provider with {@link RetryPolicy#defaults()}: no failure,
 *       exactly 300 invitations.</li>
 * </ul>
 *
 * <p>The contract starts two simulators from {@link #newSimulator()} and stops them after the class:
 * one for the fault matrix and the threads, reset before each test, and one for the rate limit,
 * whose 300 paced invitations (a few seconds of mostly waiting, by design) run in the background
 * while the threads test runs, and are checked by their own test. The fault matrix runs with short
 * timeouts and waits ({@link #readTimeout()}, {@link #retryPolicy()}, {@link #vendorRetryAfter()})
 * so that it stays fast; override them if the backend needs more. Nothing here sleeps: the tests
 * take as long as the timeouts and waits they prove.
 *
 * <p>A simulator {@link VendorSimulator#validatedAgainst checking its traffic against the vendor's
 * contract} is checked after each test, the rate-limited one after its test too, and both when they
 * stop: every request the adapter sends under the faults and every answer the simulator gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
public abstract class ReliabilityContract {

    /** As many faults as any call could meet: "the fault persists". */
    private static final int PERSISTENT = 100_000;
    private static final int CONCURRENT_THREADS = 16;
    private static final int PACED_INVITES = 300;
    private static final int PACED_THREADS = 8;
    private static final int RATE_LIMIT = 50;
    /** How much later than the read timeout a slow response comes. */
    private static final Duration SLOW_MARGIN = Duration.ofMillis(100);

    private static final String PASSES = "A. The fault strikes, then passes: every call must succeed";
    private static final String PERSISTS = "B. The fault persists: every call must fail with the right exception (or succeed), "
            + "in time; the next try must heal";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Map<SimulatedFault, Map<Operation, String>>> matrices = new TreeMap<>();
    private final List<String> summaries = Collections.synchronizedList(new ArrayList<>());
    private VendorSimulator simulator;
    private VendorSimulator pacedSimulator;
    private ExecutorService background;
    private Future<PacedRun> pacedRun;

    /** The five operations of the matrix. */
    enum Operation {
        INVITE("invite"), FIND("find"), LIST("list page"), STREAM("stream"), REVOKE("revoke");

        final String label;

        Operation(String label) {
            this.label = label;
        }
    }

    // ----------------------------------------------------------------------------------------
    // What the adapter's test supplies

    /**
     * A new simulator of the vendor, not started: the contract starts, resets and closes it. It is
     * called twice, for the fault matrix and for the rate limit.
     *
     * @return the simulator, such as {@code new OpenAiSimulator().validatedAgainstSpec()}
     */
    protected abstract VendorSimulator newSimulator();

    /**
     * The provider's id, for {@link #load}.
     *
     * @return the id, such as {@code "openai"}
     */
    protected abstract String providerId();

    /**
     * The simulator of the fault matrix and the threads, for a subclass's own checks (such as its
     * traffic against the vendor's OpenAPI contract).
     *
     * @return the running simulator
     */
    protected final VendorSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The simulators start before the contract's first test.");
        }
        return simulator;
    }

    /**
     * Loads the provider under test, with core's policy; by default
     * {@code InvitationProviders.load(providerId(), config)}. The contract closes what it returns.
     *
     * @param config the configuration to use
     * @return the provider
     */
    protected InvitationProvider load(ProviderConfig config) {
        return InvitationProviders.load(providerId(), config);
    }

    /**
     * The read timeout of the fault matrix; a slow response comes 100 ms later than it.
     *
     * @return 200 ms by default
     */
    protected Duration readTimeout() {
        return Duration.ofMillis(200);
    }

    /**
     * How many mixed operations each of the 16 threads of the shared-provider test performs (see
     * {@code Worker}'s cycle of invites, finds, pages, revokes and streams). 500 by default, 8,000 in
     * all. A vendor with no endpoint to read one invitation (GitHub) answers every {@code find} and
     * {@code revoke} by paging through its lists, so each costs pages in proportion to the
     * invitations the test has made; such an adapter may ask for fewer, keeping the same mix.
     *
     * @return operations per thread, at least one full cycle (25)
     */
    protected int operationsPerThread() {
        return 500;
    }

    /**
     * The read timeout of the random-fault soak. Longer than the matrix's: the soak sends hundreds of
     * requests, and on a busy machine a request can wait in the simulator's queue past a short timeout
     * before it is handled; the lookup that follows may then run first and find nothing, and the
     * re-sent create meets a first one the vendor had not yet seen. That is a race of the machine, not
     * of the adapter (a real vendor answers the second create 409), so the soak leaves it room and
     * keeps its injected slow responses, which come after the simulator has acted, 100 ms later than this.
     *
     * @return 1 s by default
     */
    protected Duration soakReadTimeout() {
        return Duration.ofSeconds(1);
    }

    /**
     * The retry policy of the fault matrix when a fault passes: small waits, so the matrix stays
     * fast. A burst of failures is 2 long, one attempt short of the policy's, so a hiccup of a busy
     * machine cannot fail the test; a storm of 429s is 2 longer than the attempts, to prove they
     * are paced rather than counted. When a fault persists, the same policy with 2 attempts and a
     * third of the rate-limit budget is enough to prove how the call fails.
     *
     * @return 4 attempts, backoff 5 to 40 ms, waits honoured up to 2 s, 429s paced for 900 ms
     */
    protected RetryPolicy retryPolicy() {
        return new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofSeconds(2), Duration.ofMillis(900));
    }

    private RetryPolicy persistentPolicy() {
        RetryPolicy passing = retryPolicy();
        return new RetryPolicy(Math.min(2, passing.maxAttempts()), passing.baseBackoff(), passing.maxBackoff(),
                passing.maxHonouredWait(), passing.rateLimitBudget().dividedBy(3));
    }

    /**
     * The wait the simulator's injected 429 and 503 answers ask for. Zero by default ("retry at
     * once"): {@code Retry-After} is whole seconds and never below 1, so the simulators then leave it
     * out (Confluent's says {@code X-RateLimit-Reset: 0} instead) and the policy's backoff applies,
     * which keeps the matrix fast; a second per retry would not fit its budgets. A vendor with a finer
     * header (OpenAI's {@code retry-after-ms}) can ask for a few milliseconds instead, to prove they
     * are honoured; its {@code Retry-After} then says 1.
     *
     * @return the wait
     */
    protected Duration vendorRetryAfter() {
        return Duration.ZERO;
    }

    /**
     * The longest one call of the fault matrix may take: each attempt may wait out the read timeout
     * twice (the call, then the lookup of its effect) and back off, and 429s may be paced for the
     * policy's budget; plus a second for the machine.
     *
     * @return the budget
     */
    protected Duration callBudget() {
        RetryPolicy policy = retryPolicy();
        // Sized for the passing round's policy, which has more attempts and budget than the persisting round's.
        return readTimeout().multipliedBy(2L * policy.maxAttempts())
                .plus(policy.maxBackoff().multipliedBy(policy.maxAttempts()))
                .plus(policy.rateLimitBudget())
                .plus(Duration.ofSeconds(1));
    }

    // ----------------------------------------------------------------------------------------
    // Lifecycle

    @BeforeAll
    final void startSimulators() {
        simulator = newSimulator();
        simulator.start();
        // The first calls of a JVM load classes for a while; they must not look like read timeouts.
        simulator.reset();
        try (InvitationProvider provider = load(simulator.config())) {
            Invitation invitation = provider.invite(InvitationRequest.of(email("warm-up")));
            provider.find(invitation.id());
            provider.list(PageRequest.first(10));
            try (Stream<Invitation> all = provider.stream()) {
                all.count();
            }
            provider.findByEmail(invitation.email());
            provider.revoke(invitation.id());
        }
        simulator.reset();
        pacedSimulator = newSimulator();
        pacedSimulator.start();
        pacedSimulator.reset();
        pacedSimulator.rateLimit(RATE_LIMIT);
        background = Executors.newSingleThreadExecutor();
    }

    /**
     * Starts the rate-limit run in the background, once: it spends most of its few seconds waiting,
     * as a paced client should, so the threads test (which is not sensitive to timing, unlike the
     * fault matrix) starts it to overlap; the rate-limit test starts it if nobody did, and waits.
     */
    private synchronized Future<PacedRun> pacedRun() {
        if (pacedRun == null) {
            pacedRun = background.submit(this::invitePacedPeople);
        }
        return pacedRun;
    }

    @BeforeEach
    final void cleanVendor() {
        simulator.reset();
    }

    /** Blames a contract violation on the test that caused it, not on the next test's reset. */
    @AfterEach
    final void trafficFollowedTheSpec() {
        simulator.assertTrafficFollowsSpec();
    }

    @AfterAll
    final void stopSimulators() throws Exception {
        try {
            if (pacedRun != null) {
                pacedRun.get(5, TimeUnit.MINUTES);
            }
        } catch (java.util.concurrent.ExecutionException ignored) {
            // Reported by the rate-limit test.
        } finally {
            background.shutdownNow();
            try {
                pacedSimulator.close();
            } finally {
                try {
                    simulator.close();
                } finally {
                    printReport();
                }
            }
        }
    }

    private void printReport() {
        StringBuilder out = new StringBuilder();
        out.append("\n=== Reliability of the ").append(providerId()).append(" provider against ")
                .append(simulator.getClass().getSimpleName()).append(" ===\n");
        if (!matrices.isEmpty()) {
            out.append("Fault matrix: read timeout ").append(readTimeout().toMillis()).append(" ms, slow responses ")
                    .append(readTimeout().plus(SLOW_MARGIN).toMillis()).append(" ms, vendor Retry-After ")
                    .append(vendorRetryAfter().toMillis()).append(" ms, budget per call ").append(callBudget().toMillis())
                    .append(" ms.\nA: ").append(retryPolicy()).append("; bursts ×")
                    .append(passingCount(SimulatedFault.SERVER_ERROR)).append(", storms ×")
                    .append(passingCount(SimulatedFault.RATE_LIMITED_WITH_RETRY_AFTER)).append(", other faults ×1.\nB: ")
                    .append(persistentPolicy()).append("; every request fails.\n")
                    .append("Each cell: outcome · requests the simulator received · time of the call.\n");
            matrices.forEach((round, rows) -> out.append('\n').append(round).append('\n').append(table(rows)));
        }
        summaries.forEach(line -> out.append('\n').append(line).append('\n'));
        System.out.println(out);
    }

    // ----------------------------------------------------------------------------------------
    // The fault matrix

    /**
     * Every fault, named for the report.
     *
     * @return the faults
     */
    static Stream<Named<SimulatedFault>> faults() {
        return Stream.of(SimulatedFault.values()).map(fault -> Named.of(describe(fault), fault));
    }

    @Nested
    @Order(1)
    @DisplayName("when a fault strikes and then passes")
    class FaultsThatPass {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("invite returns the invitation, and the vendor holds exactly one for the email")
        void invite(SimulatedFault fault) {
            passes(Operation.INVITE, fault);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("find returns the invitation")
        void find(SimulatedFault fault) {
            passes(Operation.FIND, fault);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("list returns the page")
        void list(SimulatedFault fault) {
            passes(Operation.LIST, fault);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("stream returns every invitation once")
        void stream(SimulatedFault fault) {
            passes(Operation.STREAM, fault);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("revoke answers true, and the invitation is revoked")
        void revoke(SimulatedFault fault) {
            passes(Operation.REVOKE, fault);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("when a fault persists")
    class FaultsThatPersist {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("invite fails with the right exception in time, and inviting again leaves exactly one invitation")
        void invite(SimulatedFault fault) {
            persists(Operation.INVITE, fault);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("find fails with the right exception in time, and finds once the fault is gone")
        void find(SimulatedFault fault) {
            persists(Operation.FIND, fault);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("list fails with the right exception in time, and lists once the fault is gone")
        void list(SimulatedFault fault) {
            persists(Operation.LIST, fault);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("stream fails with the right exception in time, and streams once the fault is gone")
        void stream(SimulatedFault fault) {
            persists(Operation.STREAM, fault);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("revoke fails with the right exception in time (or succeeds), and the invitation ends up revoked")
        void revoke(SimulatedFault fault) {
            persists(Operation.REVOKE, fault);
        }
    }

    private void passes(Operation operation, SimulatedFault fault) {
        int count = passingCount(fault);
        try (Scene scene = new Scene(operation, retryPolicy())) {
            simulator().failNext(count, fault);
            Outcome outcome = scene.perform();
            simulator().clearFaults();
            record(PASSES, operation, fault, outcome);
            String did = operation.label + " under " + describe(fault) + " ×" + count;
            if (outcome.failure != null) {
                throw failure(did + " threw " + outcome.failure, "the call to succeed once the fault has passed, within "
                        + retryPolicy().maxAttempts() + " attempts (429s paced, not counted)", hint(fault), outcome.failure);
            }
            scene.checkResult(outcome.result, did);
            scene.checkTime(outcome, did);
            if (operation == Operation.INVITE && simulator().answeredWith(409) > 0) {
                throw failure(did + " sent the create again after it had already worked: the vendor answered 409 "
                                + simulator().answeredWith(409) + " time(s)",
                        "a create whose answer was lost to be looked up (findByEmail) before it is sent again",
                        "that the adapter maps a lost or unreadable answer to ProviderUnavailableException, so core's policy "
                                + "knows the outcome is unknown and looks the email up (PolicyInvitationProvider.invite)", null);
            }
            scene.checkVendorHoldsOnePerEmail(did);
        }
    }

    private void persists(Operation operation, SimulatedFault fault) {
        try (Scene scene = new Scene(operation, persistentPolicy())) {
            simulator().failNext(PERSISTENT, fault);
            Outcome outcome = scene.perform();
            simulator().clearFaults();
            record(PERSISTS, operation, fault, outcome);
            String did = operation.label + " under " + describe(fault) + " on every request";
            Class<? extends RosterException> expected = fault == SimulatedFault.RATE_LIMITED_WITH_RETRY_AFTER
                    ? RateLimitedException.class : ProviderUnavailableException.class;
            if (outcome.failure != null && !expected.isInstance(outcome.failure)) {
                throw failure(did + " threw " + outcome.failure, "a " + expected.getSimpleName()
                        + " (or success with the right result)", hint(fault), outcome.failure);
            }
            if (outcome.failure == null) {
                scene.checkResult(outcome.result, did);
            }
            scene.checkTime(outcome, did);
            // The network heals; the caller tries again, as the exception told it to.
            Outcome again = scene.perform();
            if (again.failure != null) {
                throw failure(did + ", then once the fault was gone, " + operation.label + " threw " + again.failure,
                        "the next try to succeed", "that the provider keeps no broken state after failures", again.failure);
            }
            if (operation == Operation.REVOKE) {
                // The first revoke may have worked although it failed: "no such invitation" is then fair.
                scene.checkRevoked(did + ", then revoke again");
            } else {
                scene.checkResult(again.result, did + ", then " + operation.label + " again");
            }
            scene.checkVendorHoldsOnePerEmail(did + ", then " + operation.label + " again");
        }
    }

    /** How often a passing fault strikes: bursts within the attempts, with one to spare; a storm beyond them. */
    private int passingCount(SimulatedFault fault) {
        switch (fault) {
            case SERVER_ERROR:
            case UNAVAILABLE_WITH_RETRY_AFTER:
                return Math.max(1, Math.min(2, retryPolicy().maxAttempts() - 2));
            case RATE_LIMITED_WITH_RETRY_AFTER:
                return retryPolicy().maxAttempts() + 2;
            default:
                return 1;
        }
    }

    /** One cell of the matrix: the invitations it needs, the providers, and the checks. */
    private final class Scene implements AutoCloseable {
        final Operation operation;
        final InvitationProvider healthy;
        final InvitationProvider provider;
        final List<String> emails = new ArrayList<>();
        final List<Invitation> existing = new ArrayList<>();

        final RetryPolicy policy;

        Scene(Operation operation, RetryPolicy policy) {
            this.operation = operation;
            this.policy = policy;
            simulator().slowResponseDelay(readTimeout().plus(SLOW_MARGIN)).retryAfter(vendorRetryAfter());
            // Sets the scene and checks it, without retries: they could hide what the matrix looks for.
            this.healthy = load(simulator().config().toBuilder().retryPolicy(RetryPolicy.none()).build());
            this.provider = load(simulator().config().toBuilder().readTimeout(readTimeout()).retryPolicy(policy).build());
            if (operation == Operation.INVITE) {
                emails.add(email("matrix-invite"));
            } else {
                for (int i = 0; i < 3; i++) {
                    Invitation invitation = healthy.invite(InvitationRequest.of(email("matrix-" + operation.name())));
                    emails.add(invitation.email());
                    existing.add(invitation);
                }
            }
        }

        String target() {
            return existing.get(1).id();
        }

        Outcome perform() {
            int before = simulator().requestsReceived();
            long start = System.nanoTime();
            Object result = null;
            RosterException failure = null;
            try {
                result = call();
            } catch (RosterException e) {
                failure = e;
            }
            return new Outcome(result, failure, simulator().requestsReceived() - before, Duration.ofNanos(System.nanoTime() - start));
        }

        private Object call() {
            switch (operation) {
                case INVITE:
                    return provider.invite(InvitationRequest.of(emails.get(0)));
                case FIND:
                    return provider.find(target());
                case LIST:
                    return provider.list(PageRequest.first(10));
                case STREAM:
                    try (Stream<Invitation> all = provider.stream()) {
                        return all.collect(Collectors.toList());
                    }
                default:
                    return provider.revoke(target());
            }
        }

        @SuppressWarnings("unchecked")
        void checkResult(Object result, String did) {
            switch (operation) {
                case INVITE: {
                    Invitation invitation = (Invitation) result;
                    if (!invitation.isPending() || !invitation.email().equalsIgnoreCase(emails.get(0))) {
                        throw failure(did + " returned " + invitation, "a pending invitation for " + emails.get(0),
                                "the adapter's mapping of the create's answer", null);
                    }
                    break;
                }
                case FIND: {
                    Optional<Invitation> found = (Optional<Invitation>) result;
                    if (found.isEmpty() || !found.get().id().equals(target())) {
                        throw failure(did + " returned " + found, "the invitation " + target(),
                                "that a failed read is never answered as 'not found'", null);
                    }
                    break;
                }
                case LIST:
                    checkIds(((Page<Invitation>) result).items(), did);
                    break;
                case STREAM:
                    checkIds((List<Invitation>) result, did);
                    break;
                default:
                    if (!Boolean.TRUE.equals(result)) {
                        throw failure(did + " returned " + result, "true: the invitation existed and was revoked",
                                "that core looks a delete whose answer was lost up (find) before sending it again; a second "
                                        + "delete answers 'no such invitation'", null);
                    }
                    checkRevoked(did);
                    break;
            }
        }

        private void checkIds(List<Invitation> items, String did) {
            List<String> ids = items.stream().map(Invitation::id).sorted().collect(Collectors.toList());
            List<String> expected = existing.stream().map(Invitation::id).sorted().collect(Collectors.toList());
            if (!ids.equals(expected)) {
                throw failure(did + " returned the invitations " + ids, "exactly " + expected + ", each once",
                        "that a retried page is not appended twice and a failed page is not skipped", null);
            }
        }

        void checkRevoked(String did) {
            Optional<InvitationStatus> now = healthy.find(target()).map(Invitation::status);
            if (now.isPresent() && now.get() != InvitationStatus.REVOKED) {
                throw failure(did + ": afterwards the invitation is " + now.get(), "it to be revoked (REVOKED, or gone)",
                        "the adapter's revoke and its status mapping", null);
            }
        }

        void checkTime(Outcome outcome, String did) {
            if (outcome.took.compareTo(callBudget()) > 0) {
                throw failure(did + " took " + outcome.took.toMillis() + " ms", "at most " + callBudget().toMillis()
                        + " ms (the read timeout " + readTimeout().toMillis() + " ms twice per attempt, the backoff, and the "
                        + "rate-limit budget)", "that the adapter applies ProviderConfig.readTimeout to every request", null);
            }
        }

        void checkVendorHoldsOnePerEmail(String did) {
            Map<String, Integer> created = new TreeMap<>(simulator().invitationsCreatedByEmail());
            Map<String, Integer> expected = new TreeMap<>();
            emails.forEach(email -> expected.put(email.toLowerCase(Locale.ROOT), 1));
            if (!created.equals(expected)) {
                throw failure(did + ": afterwards the vendor has created " + created,
                        "exactly one invitation per requested email, " + expected + ": none lost, none duplicated",
                        "core's lookup before re-sending a create, and that the adapter maps lost answers to "
                                + "ProviderUnavailableException", null);
            }
        }

        @Override
        public void close() {
            simulator().clearFaults();
            provider.close();
            healthy.close();
        }
    }

    /** What one call did. */
    private static final class Outcome {
        final Object result;
        final RosterException failure;
        final int requests;
        final Duration took;

        Outcome(Object result, RosterException failure, int requests, Duration took) {
            this.result = result;
            this.failure = failure;
            this.requests = requests;
            this.took = took;
        }

        String cell() {
            String what = failure == null ? "ok" : failure.getClass().getSimpleName().replace("Exception", "");
            return what + " · " + requests + " req · " + took.toMillis() + " ms";
        }
    }

    private synchronized void record(String round, Operation operation, SimulatedFault fault, Outcome outcome) {
        matrices.computeIfAbsent(round, r -> new EnumMap<>(SimulatedFault.class))
                .computeIfAbsent(fault, f -> new EnumMap<>(Operation.class))
                .put(operation, outcome.cell());
    }

    private String table(Map<SimulatedFault, Map<Operation, String>> rows) {
        List<String> header = new ArrayList<>(List.of("fault \\ operation"));
        Stream.of(Operation.values()).forEach(op -> header.add(op.label));
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        for (SimulatedFault fault : SimulatedFault.values()) {
            Map<Operation, String> row = rows.get(fault);
            if (row == null) {
                continue;
            }
            List<String> line = new ArrayList<>(List.of(describe(fault)));
            Stream.of(Operation.values()).forEach(op -> line.add(row.getOrDefault(op, "-")));
            lines.add(line);
        }
        int[] widths = new int[header.size()];
        lines.forEach(line -> {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            List<String> line = lines.get(l);
            for (int i = 0; i < line.size(); i++) {
                out.append(i == 0 ? "" : " | ").append(String.format("%-" + widths[i] + "s", line.get(i)));
            }
            out.append('\n');
            if (l == 0) {
                for (int i = 0; i < widths.length; i++) {
                    out.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String describe(SimulatedFault fault) {
        switch (fault) {
            case CONNECTION_RESET_BEFORE_READ:
                return "connection reset before read";
            case CONNECTION_RESET_AFTER_PROCESSING:
                return "connection reset after processing";
            case EMPTY_REPLY:
                return "empty reply";
            case MALFORMED_JSON:
                return "malformed JSON (HTTP 200)";
            case SLOW_RESPONSE:
                return "slower than the read timeout";
            case SERVER_ERROR:
                return "a burst of 500s";
            case UNAVAILABLE_WITH_RETRY_AFTER:
                return "503 with Retry-After";
            case RATE_LIMITED_WITH_RETRY_AFTER:
                return "a storm of 429s with Retry-After";
            case TRUNCATED_BODY:
                return "body cut in half";
            case EMPTY_OBJECT:
                return "200 {}";
            case NULL_DATA:
                return "200 {\"data\":null}";
            case JSON_NULL:
                return "200 null";
            case EMPTY_BODY:
                return "200 with an empty body";
            case NO_CONTENT:
                return "204 No Content";
            case ERROR_BODY_WITH_200:
                return "error body with 200";
            case UNKNOWN_STATUS:
                return "HTTP 999";
            default:
                return "Content-Length: abc";
        }
    }

    private static String hint(SimulatedFault fault) {
        switch (fault) {
            case CONNECTION_RESET_BEFORE_READ:
                return "that an I/O failure becomes a ProviderUnavailableException without an HTTP status (core retries it)";
            case CONNECTION_RESET_AFTER_PROCESSING:
            case EMPTY_REPLY:
                return "that a lost answer becomes a ProviderUnavailableException, so core looks the effect up before "
                        + "sending again";
            case MALFORMED_JSON:
                return "that a 2xx body the adapter cannot read is a ProviderUnavailableException (the vendor may have acted), "
                        + "not a plain RosterException";
            case SLOW_RESPONSE:
                return "that the adapter applies ProviderConfig.readTimeout and maps the timeout to ProviderUnavailableException";
            case SERVER_ERROR:
                return "that a 5xx becomes a ProviderUnavailableException carrying the status";
            case UNAVAILABLE_WITH_RETRY_AFTER:
                return "that a 503 becomes a ProviderUnavailableException carrying its Retry-After";
            case RATE_LIMITED_WITH_RETRY_AFTER:
                return "that a 429 becomes a RateLimitedException carrying Retry-After (core paces those within "
                        + "RetryPolicy.rateLimitBudget)";
            case UNKNOWN_STATUS:
                return "that a status the adapter's table does not name is a ProviderUnavailableException (an unknown "
                        + "outcome: looked up and retried), not a plain RosterException";
            case BAD_CONTENT_LENGTH:
                return "that a failure inside the HTTP client (an IllegalArgumentException for the header) becomes a "
                        + "ProviderUnavailableException";
            default:
                return "that the adapter reads answers strictly: a 2xx without what the vendor's contract requires (a list's "
                        + "data, an invitation's id and email, ...) is a ProviderUnavailableException, never an empty page "
                        + "or a default value, so core looks a create up instead of sending it again";
        }
    }

    // ----------------------------------------------------------------------------------------
    // Random faults

    /**
     * The seeds of the random-fault soak, one soak each: fixed, so that a failure can be replayed.
     *
     * @return two seeds by default
     */
    protected long[] soakSeeds() {
        return new long[] {20_261_202L, 8L};
    }

    @Nested
    @Order(2)
    @DisplayName("under random faults")
    class RandomFaults {

        @Test
        @DisplayName("150 invites per seed with 30% of all requests faulted (every kind of fault, at random) leave exactly "
                + "one invitation per email, once the failed ones are sent again")
        void oneInvitationPerEmail() {
            for (long seed : soakSeeds()) {
                simulator().reset();
                simulator().slowResponseDelay(soakReadTimeout().plus(SLOW_MARGIN)).retryAfter(vendorRetryAfter());
                FaultSoak.Result result;
                try (InvitationProvider provider = load(simulator().config().toBuilder().readTimeout(soakReadTimeout())
                        .retryPolicy(retryPolicy()).build())) {
                    result = FaultSoak.run(simulator(), provider, seed, 150, 0.3, ReliabilityContract.this::email);
                }
                String did = "inviting " + result.invites() + " people under random faults (seed " + seed + ")";
                if (!result.wrongFailures().isEmpty()) {
                    throw failure(did + " threw " + result.wrongFailures().size() + " exception(s) a caller cannot retry: "
                                    + first(result.wrongFailures()), "only ProviderUnavailableException or RateLimitedException "
                                    + "under faults (the outcome is unknown, or the vendor asked to wait)",
                            "that every failure of the transport and the mapping is a RosterException, and a status the "
                                    + "adapter does not know after a create is an unknown outcome", null);
                }
                // Before the healed re-sends' failures: a duplicate can make a re-send fail too, and is the worse news.
                Map<String, Integer> duplicated = new TreeMap<>(result.notExactlyOne());
                duplicated.values().removeIf(count -> count < 2);
                if (!duplicated.isEmpty()) {
                    throw failure(did + ": afterwards the vendor holds, for these emails, these many invitations: "
                                    + duplicated, "exactly one invitation per email: one invite call never leaves two",
                            "that the adapter reads answers strictly (a 2xx without a list's data or an invitation's id is a "
                                    + "ProviderUnavailableException, never an empty page) and that findByEmail finds a "
                                    + "pending invitation, so core's lookup after an unknown outcome never mistakes a "
                                    + "broken answer for 'not invited yet' and sends the create again", null);
                }
                if (!result.retriesFailed().isEmpty()) {
                    throw failure(did + ", then sending the failed invites again once the faults were gone failed: "
                            + first(result.retriesFailed()), "every invite to succeed once the network heals",
                            "that the provider keeps no broken state after failures", null);
                }
                if (!result.notExactlyOne().isEmpty()) {
                    throw failure(did + ": afterwards the vendor holds, for these emails, these many invitations: "
                                    + result.notExactlyOne(), "exactly one invitation per email: none lost, none duplicated",
                            "that the adapter reads answers strictly (a 2xx without a list's data or an invitation's id is a "
                                    + "ProviderUnavailableException, never an empty page), so core's lookup after an unknown "
                                    + "outcome never mistakes a broken answer for 'not invited yet'", null);
                }
                summaries.add("Random faults, seed " + seed + ": " + result.invites() + " invites with 30% of requests faulted, "
                        + result.failedThenRetried() + " failed and were sent again, every email invited exactly once, in "
                        + result.took().toMillis() + " ms.");
            }
        }
    }

    // ----------------------------------------------------------------------------------------
    // Shared by many threads

    @Nested
    @Order(3)
    @DisplayName("shared by many threads")
    class SharedSafely {

        @Test
        @DisplayName("one provider used by 16 threads for hundreds of mixed operations each makes no error, and loses or "
                + "duplicates no invitation")
        void sixteenThreads() throws Exception {
            pacedRun();
            long start = System.nanoTime();
            List<Worker> workers = new ArrayList<>();
            try (InvitationProvider provider = load(simulator().config().toBuilder().retryPolicy(RetryPolicy.defaults()).build())) {
                for (int t = 0; t < CONCURRENT_THREADS; t++) {
                    workers.add(new Worker(t, provider));
                }
                runTogether(workers.stream().map(w -> (Callable<Void>) () -> {
                    w.run();
                    return null;
                }).collect(Collectors.toList()));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            List<String> errors = workers.stream().flatMap(w -> w.errors.stream()).collect(Collectors.toList());
            if (!errors.isEmpty()) {
                throw failure(errors.size() + " of " + CONCURRENT_THREADS * operationsPerThread() + " operations by "
                                + CONCURRENT_THREADS + " threads went wrong; the first: " + errors.subList(0, Math.min(5, errors.size())),
                        "every operation to succeed with the right result", "that the adapter keeps no per-call state in "
                                + "shared fields and its HTTP client is thread-safe", null);
            }
            Map<String, Boolean> pendingByEmail = new LinkedHashMap<>();
            workers.forEach(w -> {
                w.pending.forEach(i -> pendingByEmail.put(i.email().toLowerCase(Locale.ROOT), true));
                w.revoked.forEach(i -> pendingByEmail.put(i.email().toLowerCase(Locale.ROOT), false));
            });
            checkCreatedOnce(simulator(), pendingByEmail.keySet(), "after " + CONCURRENT_THREADS + " threads × " + operationsPerThread()
                    + " operations");
            Map<String, InvitationStatus> listed = new LinkedHashMap<>();
            try (InvitationProvider observer = load(simulator().config()); Stream<Invitation> all = observer.stream()) {
                all.forEach(i -> listed.merge(i.email().toLowerCase(Locale.ROOT), i.status(),
                        (a, b) -> a == InvitationStatus.PENDING ? a : b));
            }
            List<String> wrong = pendingByEmail.entrySet().stream()
                    .filter(e -> e.getValue() ? listed.get(e.getKey()) != InvitationStatus.PENDING
                            : listed.get(e.getKey()) == InvitationStatus.PENDING)
                    .map(e -> e.getKey() + (e.getValue() ? " should be pending but is " : " was revoked but is ")
                            + listed.get(e.getKey()))
                    .collect(Collectors.toList());
            if (!wrong.isEmpty()) {
                throw failure(wrong.size() + " invitations ended in the wrong state, such as "
                                + wrong.subList(0, Math.min(5, wrong.size())), "invited ones pending and revoked ones not",
                        "that concurrent revokes and invites do not touch each other's invitations", null);
            }
            long invites = workers.stream().mapToLong(w -> w.pending.size() + w.revoked.size()).sum();
            long revokes = workers.stream().mapToLong(w -> w.revoked.size()).sum();
            summaries.add("Shared safely: " + CONCURRENT_THREADS + " threads × " + operationsPerThread() + " mixed operations "
                    + "(" + invites + " invitations, " + revokes + " revoked) through one provider: 0 errors, none lost or "
                    + "duplicated; " + simulator().requestsReceived() + " requests in " + took.toMillis() + " ms.");
        }
    }

    /** One thread's share of the mixed operations, on its own addresses, checking every answer. */
    private final class Worker {
        /**
         * The mix, 25 operations long: 4 invites (I), 7 finds (F), 5 first pages (L), 3 next pages (N),
         * 2 revokes (R), 2 finds of revoked ones (C), 1 stream of 120 (S), and 1 findByEmail or, every
         * other cycle, an idempotent second invite of a pending address (E).
         */
        private static final String CYCLE = "IFLNFRIFLCFSIFLNRLIFCLFNE";

        final int thread;
        final InvitationProvider provider;
        final List<Invitation> pending = new ArrayList<>();
        final List<Invitation> revoked = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        Worker(int thread, InvitationProvider provider) {
            this.thread = thread;
            this.provider = provider;
        }

        void run() {
            for (int i = 0; i < operationsPerThread(); i++) {
                char op = CYCLE.charAt(i % CYCLE.length());
                try {
                    step(op, i);
                } catch (RuntimeException | AssertionError e) {
                    errors.add("thread " + thread + ", operation " + i + " (" + op + "): " + e);
                }
            }
        }

        private void step(char op, int i) {
            if (pending.isEmpty() && op != 'I' && op != 'L' && op != 'N' && op != 'S') {
                op = 'I';
            }
            switch (op) {
                case 'I': {
                    String email = email("shared-" + thread + "-" + i);
                    Invitation created = provider.invite(InvitationRequest.of(email));
                    expectThat(created.isPending() && created.email().equalsIgnoreCase(email), "invite(" + email + ") returned "
                            + created);
                    pending.add(created);
                    break;
                }
                case 'F': {
                    Invitation mine = pending.get(ThreadLocalRandom.current().nextInt(pending.size()));
                    Optional<Invitation> found = provider.find(mine.id());
                    expectThat(found.isPresent() && found.get().id().equals(mine.id()) && found.get().isPending(),
                            "find(" + mine.id() + ") returned " + found);
                    break;
                }
                case 'L': {
                    Page<Invitation> page = provider.list(PageRequest.first(10));
                    expectThat(page.items().size() <= 10, "list(first(10)) returned " + page.items().size() + " items");
                    break;
                }
                case 'N': {
                    Page<Invitation> first = provider.list(PageRequest.first(5));
                    if (first.nextCursor().isPresent()) {
                        Page<Invitation> next = provider.list(PageRequest.after(5, first.nextCursor().get()));
                        expectThat(next.items().size() <= 5, "the next page of 5 had " + next.items().size() + " items");
                    }
                    break;
                }
                case 'R': {
                    Invitation oldest = pending.remove(0);
                    expectThat(provider.revoke(oldest.id()), "revoke(" + oldest.id() + ") answered false");
                    revoked.add(oldest);
                    break;
                }
                case 'C': {
                    if (revoked.isEmpty()) {
                        break;
                    }
                    Invitation gone = revoked.get(ThreadLocalRandom.current().nextInt(revoked.size()));
                    Optional<Invitation> found = provider.find(gone.id());
                    expectThat(found.isEmpty() || found.get().status() == InvitationStatus.REVOKED,
                            "find(" + gone.id() + ") of a revoked invitation returned " + found);
                    break;
                }
                case 'S': {
                    try (Stream<Invitation> all = provider.stream()) {
                        long seen = all.limit(120).count();
                        expectThat(seen > 0, "stream() returned nothing although this thread has invitations");
                    }
                    break;
                }
                case 'E': {
                    // Both look the email up, which costs a scan of every page where the vendor cannot filter by
                    // email (OpenAI): one or the other per cycle.
                    Invitation mine = pending.get(pending.size() - 1);
                    if (i / CYCLE.length() % 2 == 0) {
                        Optional<Invitation> found = provider.findByEmail(mine.email());
                        expectThat(found.isPresent() && found.get().id().equals(mine.id()),
                                "findByEmail(" + mine.email() + ") returned " + found + ", not " + mine.id());
                    } else {
                        Invitation again = provider.invite(InvitationRequest.of(mine.email()));
                        expectThat(again.id().equals(mine.id()), "inviting " + mine.email() + " again returned " + again.id()
                                + ", not the pending " + mine.id());
                    }
                    break;
                }
                default:
                    throw new IllegalStateException("unknown operation " + op);
            }
        }

        private void expectThat(boolean condition, String otherwise) {
            if (!condition) {
                throw new AssertionError(otherwise);
            }
        }
    }

    // ----------------------------------------------------------------------------------------
    // Rate limits

    @Nested
    @Order(4)
    @DisplayName("under the vendor's rate limit")
    class RateLimits {

        @Test
        @DisplayName("8 threads inviting 300 people at 50 requests a second, with the default RetryPolicy, fail none and "
                + "make exactly 300 invitations")
        void paced() throws Exception {
            // On a simulator of its own, maybe started already by the threads test: see pacedRun().
            PacedRun run = pacedRun().get(5, TimeUnit.MINUTES);
            if (!run.failures.isEmpty()) {
                throw failure(run.failures.size() + " of " + PACED_INVITES + " invites failed, such as "
                                + run.failures.stream().limit(3).collect(Collectors.toList()),
                        "none to fail: a rate limit is a pace, not a failure",
                        "that the adapter maps 429 to RateLimitedException with the vendor's Retry-After, which core waits "
                                + "out with every thread of the provider (RetryPolicy.rateLimitBudget)", null);
            }
            checkCreatedOnce(pacedSimulator, run.emails, "after " + PACED_THREADS + " threads invited " + PACED_INVITES
                    + " people under a rate limit");
            pacedSimulator.assertTrafficFollowsSpec();
            // Core paces before the vendor refuses (from its rate-limit headers where it sends them), so a run may
            // draw no 429 at all; but then it cannot have been faster than the limit lets 300 requests through.
            Duration fastestAllowed = Duration.ofMillis(1000L * (PACED_INVITES - RATE_LIMIT) / RATE_LIMIT);
            if (run.limited == 0 && run.took.compareTo(fastestAllowed) < 0) {
                throw failure("the simulator never answered 429, and the run took " + run.took.toMillis() + " ms",
                        "the rate limit of " + RATE_LIMIT + " requests a second to have been in force (at least "
                        + fastestAllowed.toMillis() + " ms, or some 429s), or this test proves nothing",
                        "VendorSimulator.rateLimit", null);
            }
            summaries.add("Rate limit as a pace: " + PACED_THREADS + " threads invited " + PACED_INVITES + " people at "
                    + RATE_LIMIT + " requests/s with RetryPolicy.defaults(): 0 failures, " + PACED_INVITES + " invitations, "
                    + run.limited + " answers of 429 waited out, in " + run.took.toMillis() + " ms.");
        }
    }

    /** What the paced invitations did. */
    private static final class PacedRun {
        final Set<String> emails;
        final List<String> failures;
        final int limited;
        final Duration took;

        PacedRun(Set<String> emails, List<String> failures, int limited, Duration took) {
            this.emails = emails;
            this.failures = failures;
            this.limited = limited;
            this.took = took;
        }
    }

    /**
     * 8 threads invite 300 people through one provider with the default policy, against the
     * rate-limited simulator of its own.
     */
    private PacedRun invitePacedPeople() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < PACED_INVITES; i++) {
            emails.add(email("paced-" + i));
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        try (InvitationProvider provider = load(pacedSimulator.config().toBuilder().retryPolicy(RetryPolicy.defaults()).build())) {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < PACED_THREADS; t++) {
                int thread = t;
                tasks.add(() -> {
                    for (int i = thread; i < emails.size(); i += PACED_THREADS) {
                        try {
                            provider.invite(InvitationRequest.of(emails.get(i)));
                        } catch (RosterException e) {
                            failures.add(emails.get(i) + ": " + e);
                        }
                    }
                    return null;
                });
            }
            runTogether(tasks);
        }
        Set<String> lowerCase = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return new PacedRun(lowerCase, new ArrayList<>(failures), pacedSimulator.answeredWith(429),
                Duration.ofNanos(System.nanoTime() - start));
    }

    // ----------------------------------------------------------------------------------------
    // Helpers

    private static void checkCreatedOnce(VendorSimulator vendor, Set<String> emails, String after) {
        Map<String, Integer> created = vendor.invitationsCreatedByEmail();
        List<String> lost = emails.stream().filter(e -> !created.containsKey(e)).sorted().collect(Collectors.toList());
        List<String> twice = created.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " ×" + e.getValue()).sorted().collect(Collectors.toList());
        List<String> strangers = created.keySet().stream().filter(e -> !emails.contains(e)).sorted().collect(Collectors.toList());
        if (!lost.isEmpty() || !twice.isEmpty() || !strangers.isEmpty()) {
            throw failure(after + ", the vendor has no invitation for " + lost.size() + " " + first(lost) + ", several for "
                            + twice.size() + " " + first(twice) + ", and invitations nobody asked for: " + first(strangers),
                    "exactly one invitation per invited email", "core's idempotent invite (lookup before re-sending, a 409 "
                            + "answered with the pending invitation) and the adapter's thread safety", null);
        }
    }

    private static String first(List<String> values) {
        return values.subList(0, Math.min(5, values.size())).toString();
    }

    private static void runTogether(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                running.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<Void> future : running) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private String email(String label) {
        return "roster-" + label + "-" + run + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static AssertionError failure(String did, String wants, String check, Throwable cause) {
        try {
            fail("The provider: " + did + ". The reliability contract expects " + wants + ". If this fails, check " + check + ".",
                    cause);
        } catch (AssertionError e) {
            return e;
        }
        throw new IllegalStateException("unreachable");
    }
}
