package dev.roster.testkit.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * What {@link ReliabilityContract}'s groups share: the hooks an adapter's test overrides, the two simulators' lifecycle,
 * the background rate-limited run, the fault matrix's report and the checks. Split from the contract along its
 * {@code @Nested} groups (each group a superclass, as {@code InvitationProviderContract} does); not meant to be
 * extended on its own.
 */
abstract class ReliabilitySupport {

    /** As many faults as any call could meet: "the fault persists". */
    static final int PERSISTENT = 100_000;
    static final int CONCURRENT_THREADS = 16;
    static final int PACED_INVITES = 300;
    static final int PACED_THREADS = 8;
    static final int RATE_LIMIT = 50;
    /** How much later than the read timeout a slow response comes. */
    static final Duration SLOW_MARGIN = Duration.ofMillis(100);

    static final String PASSES = "A. The fault strikes, then passes: every call must succeed";
    static final String PERSISTS = "B. The fault persists: every call must fail with the right exception (or succeed), "
            + "in time; the next try must heal";

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final Map<String, Map<SimulatedFault, Map<Operation, String>>> matrices = new TreeMap<>();
    final List<String> summaries = Collections.synchronizedList(new ArrayList<>());
    VendorSimulator simulator;
    VendorSimulator pacedSimulator;
    ExecutorService background;
    Future<PacedRun> pacedRun;

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

    RetryPolicy persistentPolicy() {
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
    synchronized Future<PacedRun> pacedRun() {
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

    void printReport() {
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

    /** How often a passing fault strikes: bursts within the attempts, with one to spare; a storm beyond them. */
    int passingCount(SimulatedFault fault) {
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


    String table(Map<SimulatedFault, Map<Operation, String>> rows) {
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

    static String describe(SimulatedFault fault) {
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

    /** What the paced invitations did. */
    static final class PacedRun {
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
    PacedRun invitePacedPeople() throws Exception {
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

    static void checkCreatedOnce(VendorSimulator vendor, Set<String> emails, String after) {
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

    static String first(List<String> values) {
        return values.subList(0, Math.min(5, values.size())).toString();
    }

    static void runTogether(List<Callable<Void>> tasks) throws Exception {
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

    String email(String label) {
        return "roster-" + label + "-" + run + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static AssertionError failure(String did, String wants, String check, Throwable cause) {
        try {
            fail("The provider: " + did + ". The reliability contract expects " + wants + ". If this fails, check " + check + ".",
                    cause);
        } catch (AssertionError e) {
            return e;
        }
        throw new IllegalStateException("unreachable");
    }
}
