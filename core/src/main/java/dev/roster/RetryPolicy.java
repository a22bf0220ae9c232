package dev.roster;

import java.time.Duration;
import java.util.Objects;

/**
 * How core's policy retries a failed call: 429, 5xx, connection failures and timeouts, never other
 * client errors.
 *
 * @param maxAttempts how many times a call is tried in all, at least 1 (1 means no retry)
 * @param baseBackoff the first wait between attempts; later waits grow exponentially, with jitter
 * @param maxBackoff the longest wait between two attempts that core chooses itself
 * @param maxHonouredWait the longest {@code Retry-After} core will wait out; a vendor asking for
 *     longer gets a {@link RateLimitedException} carrying its wait instead
 */
public record RetryPolicy(int maxAttempts, Duration baseBackoff, Duration maxBackoff, Duration maxHonouredWait) {

    // Compact constructor: Checks the values. throws ProviderConfigurationException if a value is out of range
    public RetryPolicy {
        Objects.requireNonNull(baseBackoff, "baseBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxHonouredWait, "maxHonouredWait");
        if (maxAttempts < 1) {
            throw new ProviderConfigurationException("RetryPolicy.maxAttempts must be at least 1 (1 = no retry); got " + maxAttempts + ".");
        }
        if (baseBackoff.isNegative() || maxBackoff.isNegative() || maxHonouredWait.isNegative()) {
            throw new ProviderConfigurationException("RetryPolicy durations must not be negative.");
        }
        if (maxBackoff.compareTo(baseBackoff) < 0) {
            throw new ProviderConfigurationException("RetryPolicy.maxBackoff (" + maxBackoff
                    + ") must not be shorter than baseBackoff (" + baseBackoff + ").");
        }
    }

    /**
     * The defaults: 4 attempts, waits from 200 ms up to 5 s, and {@code Retry-After} honoured up to
     * 30 s.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /**
     * No retries: every call is tried once.
     *
     * @return a policy of one attempt
     */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
}
