package dev.roster.internal;

import dev.roster.ErrorDetails;
import dev.roster.ProviderUnavailableException;
import dev.roster.RateLimitedException;
import dev.roster.RetryPolicy;
import dev.roster.RosterException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Retries 429, 500, 502, 503, 504, connection failures and timeouts; nothing else. Waits grow
 * exponentially from the base backoff up to the max, with jitter so that many clients do not
 * retry in step; a vendor's {@code Retry-After} is waited out instead, unless it is longer than
 * the policy's cap, in which case the rate-limit error surfaces at once carrying the vendor's wait.
 */
final class RetryingAttempts implements Attempts {

    private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 500, 502, 503, 504);

    /** Waits between attempts; replaced in tests so that they never sleep. */
    interface Sleeper {
        Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

        void sleep(Duration duration) throws InterruptedException;
    }

    /** A random fraction in [0, 1); replaced in tests to make waits exact. */
    interface Jitter {
        Jitter RANDOM = () -> ThreadLocalRandom.current().nextDouble();

        double next();
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Jitter jitter;

    RetryingAttempts(RetryPolicy policy, Sleeper sleeper, Jitter jitter) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    @Override
    public <T> T run(String operation, Supplier<T> call, Function<RosterException, Optional<T>> recover) {
        List<String> history = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            RosterException failure;
            try {
                return call.get();
            } catch (RosterException e) {
                failure = e;
            }
            history.add(describe(failure));
            if (!isRetried(failure)) {
                throw attach(failure, history);
            }
            Optional<Duration> asked = retryAfter(failure);
            if (asked.isPresent() && asked.get().compareTo(policy.maxHonouredWait()) > 0) {
                throw attach(tooLong(failure, asked.get()), history);
            }
            if (attempt >= policy.maxAttempts()) {
                throw attach(failure, history);
            }
            pause(asked.isPresent() ? asked.get() : backoff(attempt), failure, history);
            if (outcomeUnknown(failure)) {
                Optional<T> recovered;
                try {
                    recovered = recover.apply(failure);
                } catch (RosterException lookupFailed) {
                    // The effect could not be checked; sending again might do it twice, so stop here.
                    history.add("checking whether " + operation + " took effect: " + describe(lookupFailed));
                    throw attach(failure, history);
                }
                if (recovered.isPresent()) {
                    return recovered.get();
                }
            }
        }
    }

    /** The wait before attempt {@code attempt + 1}: exponential, capped, with "equal jitter". */
    Duration backoff(int attempt) {
        double exponential = policy.baseBackoff().toNanos() * Math.pow(2, attempt - 1);
        double capped = Math.min(exponential, policy.maxBackoff().toNanos());
        return Duration.ofNanos((long) (capped / 2 + capped / 2 * jitter.next()));
    }

    static boolean isRetried(RosterException failure) {
        if (!(failure instanceof RateLimitedException) && !(failure instanceof ProviderUnavailableException)) {
            return false;
        }
        // No status means no response at all: a connection failure or a timeout.
        return failure.httpStatus().isEmpty() || RETRIED_STATUSES.contains(failure.httpStatus().getAsInt());
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

    private RosterException tooLong(RosterException failure, Duration asked) {
        String message = "The vendor asked to wait " + asked.toSeconds() + " s before retrying, longer than the "
                + policy.maxHonouredWait().toSeconds() + " s this client waits (RetryPolicy.maxHonouredWait), so Roster "
                + "did not wait. Try again after " + asked.toSeconds() + " s.";
        return failure instanceof RateLimitedException
                ? new RateLimitedException(message, Optional.of(asked), failure.details(), failure)
                : new ProviderUnavailableException(message, Optional.of(asked), failure.details(), failure);
    }

    private void pause(Duration wait, RosterException failure, List<String> history) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProviderUnavailableException interrupted = new ProviderUnavailableException(
                    "Interrupted while waiting to retry after: " + failure.getMessage(),
                    failure.details().providerId().map(ErrorDetails::of).orElse(ErrorDetails.none()), e);
            throw attach(interrupted, history);
        }
    }

    private static RosterException attach(RosterException failure, List<String> history) {
        return history.size() > 1 ? failure.withAttempts(history) : failure;
    }

    static String describe(RosterException failure) {
        String kind = failure instanceof RateLimitedException ? "rate limited" : "failed";
        String where = failure.httpStatus().isPresent()
                ? "HTTP " + failure.httpStatus().getAsInt() + " (" + kind + ")"
                : failure instanceof ProviderUnavailableException ? "I/O (no response)" : kind;
        String cause = failure.getCause() != null ? ": " + failure.getCause().getClass().getSimpleName() : "";
        return where + cause;
    }
}
