package dev.roster.testkit.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import dev.roster.ProviderUnavailableException;
import dev.roster.RateLimitedException;
import dev.roster.RetryPolicy;
import dev.roster.RosterException;
import dev.roster.testkit.simulator.OpenAiSimulator;
import dev.roster.testkit.simulator.SimulatedFault;
import dev.roster.testkit.simulator.VendorSimulator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;

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
public abstract class ReliabilityContract extends LoadGroups {

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

}
