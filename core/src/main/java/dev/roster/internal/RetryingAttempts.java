package dev.roster.internal;

import dev.roster.ErrorDetails;
import dev.roster.ProviderUnavailableException;
import dev.roster.RateLimitedException;
import dev.roster.RetryPolicy;
import dev.roster.RosterException;
import dev.roster.spi.RateLimitStatus;
import dev.roster.spi.Redactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Retries 429s ({@link RateLimitedException}) and unknown outcomes ({@link ProviderUnavailableException}:
 * any 5xx, a status the adapter's table does not name, connection failures, timeouts, and 2xx answers
 * whose body could not be read or lacked what the vendor's contract requires); nothing else.
 *
 * <ul>
 *   <li><b>Waits.</b> A positive wait the vendor names ({@code Retry-After}) is waited out, unless it
 *       is longer than {@link RetryPolicy#maxHonouredWait()}: then the error surfaces at once,
 *       carrying the vendor's wait. Otherwise the wait grows exponentially from the base backoff up
 *       to the max, with jitter so that many clients do not retry in step.</li>
 *   <li><b>Rate limits are a pace.</b> A 429 does not use up one of
 *       {@link RetryPolicy#maxAttempts()} while the call, waits included, stays within
 *       {@link RetryPolicy#rateLimitBudget()}. Every attempt first waits its turn with this instance's
 *       {@link Pacer} (one per provider, shared by all its threads), which learns the vendor's pace
 *       from its rate-limit headers ({@link #rateLimitStatus}) and from the spacing of its 429s, and
 *       holds every call back while a 429's wait lasts.</li>
 *   <li><b>Unknown outcomes are looked up, never blindly re-sent.</b> After a failure the vendor may
 *       have acted on (a 5xx, an I/O error, a timeout), the next attempt first asks {@code recover}
 *       whether the effect is there. A lookup that fails transiently is itself retried (it is a
 *       read) and counts as an attempt; the call is sent again only after a lookup that found
 *       nothing. A lookup that fails otherwise ends the call with the original failure.</li>
 * </ul>
 *
 * <p>Thread-safe: the only shared state is the pacer.
 */
final class RetryingAttempts implements Attempts {

    /** Waits between attempts; replaced in tests so that they never sleep. */
    interface Sleeper {
        Sleeper THREAD_SLEEP = Sleeper::precisely;

        /**
         * Parks until shortly before the end, then spins the last {@link #SPIN_NANOS} ns on the monotonic
         * clock. Not {@code Thread.sleep(millis, nanos)}: on Java 17 it rounds any fraction of a millisecond
         * up to a whole one, so a 4.3 ms wait took 5; and a parked thread still wakes some 100 us late. A
         * limiter with no burst refuses a call that arrives early by any amount, so the pacer's calls must
         * leave when it says; the spin costs at most that much CPU per wait.
         */
        static void precisely(Duration duration) throws InterruptedException {
            long deadline = System.nanoTime() + duration.toNanos();
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("Interrupted while waiting to call the vendor again.");
                }
                if (left > SPIN_NANOS) {
                    LockSupport.parkNanos(left - SPIN_NANOS);
                } else {
                    Thread.onSpinWait();
                }
            }
        }

        /** How much of a wait is spun instead of parked: about what a parked thread wakes late. */
        long SPIN_NANOS = 150_000L;

        void sleep(Duration duration) throws InterruptedException;
    }

    /** A random fraction in [0, 1); replaced in tests to make waits exact. */
    interface Jitter {
        Jitter RANDOM = () -> ThreadLocalRandom.current().nextDouble();

        double next();
    }

    /** Monotonic time in nanoseconds; replaced in tests by a clock that their sleeper advances. */
    interface Ticker {
        Ticker SYSTEM = System::nanoTime;

        long nanoTime();
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Jitter jitter;
    private final Ticker ticker;
    /** Paces every call through this instance. */
    private final Pacer pacer;

    RetryingAttempts(RetryPolicy policy, Sleeper sleeper, Jitter jitter, Ticker ticker) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.pacer = new Pacer(ticker, sleeper);
    }

    @Override
    public <T> T run(String operation, Supplier<T> call, Function<RosterException, Optional<T>> recover) {
        List<String> history = new ArrayList<>();
        long started = ticker.nanoTime();
        int failedAttempts = 0;
        int tries = 0;
        boolean paced = false;
        // A failure the vendor may have acted on: its effect is looked up before the call is sent again.
        RosterException unresolved = null;
        while (true) {
            awaitTurn(operation, unresolved, history);
            long sentAt = ticker.nanoTime();
            tries++;
            boolean checking = unresolved != null;
            RosterException failure;
            try {
                if (checking) {
                    Optional<T> found = recover.apply(unresolved);
                    pacer.answered(sentAt);
                    if (found.isPresent()) {
                        return found.get();
                    }
                    unresolved = null;
                    checking = false;
                }
                T answer = call.get();
                pacer.answered(sentAt);
                return answer;
            } catch (RosterException e) {
                failure = e;
            }
            if (outcomeUnknown(failure)) {
                pacer.accepted(); // perhaps no answer at all: its time is no round trip
            } else if (!(failure instanceof RateLimitedException)) {
                pacer.answered(sentAt); // refused for another reason than the rate: it still says what the vendor lets through
            }
            history.add(checking ? "checking whether " + operation + " took effect: " + describe(failure) : describe(failure));
            // While checking, the call's own failure is the one to report: the lookup was only a means.
            RosterException reported = checking ? unresolved : failure;
            if (!isRetried(failure)) {
                throw attach(reported, history);
            }
            Optional<Duration> asked = retryAfter(failure).filter(wait -> !wait.isZero());
            if (asked.isPresent() && asked.get().compareTo(policy.maxHonouredWait()) > 0) {
                throw attach(tooLong(failure, asked.get()), history);
            }
            Duration wait = asked.isPresent() ? asked.get() : backoff(tries);
            boolean rateLimited = failure instanceof RateLimitedException;
            if (rateLimited) {
                // Even when this call gives up below, the other calls through this provider hold back.
                pacer.refused(wait, asked.isPresent(), sentAt);
            }
            long spent = ticker.nanoTime() - started;
            if (rateLimited && spent + wait.toNanos() <= policy.rateLimitBudget().toNanos()) {
                paced = true;
            } else if (++failedAttempts >= policy.maxAttempts()) {
                throw attach(rateLimited && paced ? stillLimited((RateLimitedException) failure, spent) : reported, history);
            }
            if (!checking && outcomeUnknown(failure)) {
                unresolved = failure;
            }
            if (!rateLimited) {
                pause(wait, failure, history);
            }
            // A 429's wait is the pacer's hold, waited out by awaitTurn with every other call.
        }
    }

    @Override
    public void rateLimitStatus(RateLimitStatus status) {
        pacer.observe(status);
    }

    /** The pacer, for tests. */
    Pacer pacer() {
        return pacer;
    }

    @Override
    public boolean retries() {
        // With one attempt, the first failure of any kind but a paced 429 is thrown: nothing is looked up.
        return policy.maxAttempts() > 1;
    }

    /** The wait before attempt {@code attempt + 1}: exponential, capped, with "equal jitter". */
    Duration backoff(int attempt) {
        double exponential = policy.baseBackoff().toNanos() * Math.pow(2, attempt - 1);
        double capped = Math.min(exponential, policy.maxBackoff().toNanos());
        return Duration.ofNanos((long) (capped / 2 + capped / 2 * jitter.next()));
    }

    /**
     * Rate limits and unknown outcomes. Every {@link ProviderUnavailableException} is an unknown outcome
     * (a 5xx, a status no table names, a lost or unreadable answer, no answer at all): retrying only some
     * of them would leave a create whose effect may exist neither looked up nor retried.
     */
    static boolean isRetried(RosterException failure) {
        return failure instanceof RateLimitedException || outcomeUnknown(failure);
    }

    /** A 2xx whose body could not be read: the vendor acted, as far as anyone knows, but its answer is lost. */
    private static boolean unreadableAnswer(RosterException failure) {
        int status = failure.httpStatus().orElse(0);
        return failure instanceof ProviderUnavailableException && status >= 200 && status < 300;
    }

    /** Whether the vendor may have acted although the call failed. A 429 was refused before acting. */
    private static boolean outcomeUnknown(RosterException failure) {
        return failure instanceof ProviderUnavailableException;
    }

    private static Optional<Duration> retryAfter(RosterException failure) {
        if (failure instanceof RateLimitedException) {
            return ((RateLimitedException) failure).retryAfter();
        }
        if (failure instanceof ProviderUnavailableException) {
            return ((ProviderUnavailableException) failure).retryAfter();
        }
        return Optional.empty();
    }

    /** Waits for this call's turn with the pacer: a 429's hold, and its slot at the vendor's pace. */
    private void awaitTurn(String operation, RosterException lastFailure, List<String> history) {
        try {
            pacer.await(policy.maxHonouredWait());
        } catch (InterruptedException e) {
            throw interrupted("Interrupted while waiting for the vendor's rate limit to pass before " + operation
                    + (history.isEmpty() ? "." : " could be tried again."), lastFailure, history, e);
        }
    }

    private void pause(Duration wait, RosterException failure, List<String> history) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            throw interrupted("Interrupted while waiting to retry after: " + failure.getMessage(), failure, history, e);
        }
    }

    private static RosterException interrupted(String message, RosterException failure, List<String> history,
            InterruptedException cause) {
        Thread.currentThread().interrupt();
        ErrorDetails details = failure == null ? ErrorDetails.none()
                : failure.details().providerId().map(ErrorDetails::of).orElse(ErrorDetails.none());
        return attach(new ProviderUnavailableException(message, details, cause), history);
    }

    private RosterException tooLong(RosterException failure, Duration asked) {
        String message = "The vendor asked to wait " + asked.toSeconds() + " s before retrying, longer than the "
                + policy.maxHonouredWait().toSeconds() + " s this client waits (RetryPolicy.maxHonouredWait), so Roster "
                + "did not wait. Try again after " + asked.toSeconds() + " s.";
        return failure instanceof RateLimitedException
                ? new RateLimitedException(message, Optional.of(asked), failure.details(), failure)
                : new ProviderUnavailableException(message, Optional.of(asked), failure.details(), failure);
    }

    private RateLimitedException stillLimited(RateLimitedException failure, long spentNanos) {
        // The details are appended to the new message again: quote the vendor's words without them.
        String last = failure.getMessage();
        String details = " " + failure.details();
        if (last.endsWith(details)) {
            last = last.substring(0, last.length() - details.length());
        }
        String message = "Still rate limited after pacing for " + Duration.ofNanos(spentNanos).toMillis() + " ms, beyond the "
                + policy.rateLimitBudget().toMillis() + " ms one call may spend on rate limits (RetryPolicy.rateLimitBudget). "
                + "Send fewer requests at once, or raise the budget. Last answer: " + last;
        return new RateLimitedException(message, failure.retryAfter(), failure.details(), failure);
    }

    private static RosterException attach(RosterException failure, List<String> history) {
        return history.size() > 1 ? RosterExceptionAccess.recordAttempts(failure, history) : failure;
    }

    static String describe(RosterException failure) {
        String kind = failure instanceof RateLimitedException ? "rate limited" : unreadableAnswer(failure) ? "unreadable" : "failed";
        String where = failure.httpStatus().isPresent()
                ? "HTTP " + failure.httpStatus().getAsInt() + " (" + kind + ")"
                : failure instanceof ProviderUnavailableException ? "I/O (no response)" : kind;
        String cause = failure.getCause() != null ? ": " + simpleName(Redactor.originalClassName(failure.getCause())) : "";
        return where + cause;
    }

    /** {@code java.net.ConnectException} as {@code ConnectException}; a nested class by its own name. */
    private static String simpleName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }
}
