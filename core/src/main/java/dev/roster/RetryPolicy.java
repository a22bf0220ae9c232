package dev.roster;

import java.time.Duration;

/**
 * How core's policy retries a failed call: 429, 500, 502, 503, 504, connection failures and
 * timeouts, never other client errors.
 *
 * <p><b>Failures and rate limits are counted differently.</b> A failure (a 5xx, an I/O error, a
 * timeout) uses up one of {@code maxAttempts}. A rate limit (429) is a pace, not a failure: the
 * call waits and tries again without using up an attempt, for as long as the call's total time,
 * waits included, stays within {@code rateLimitBudget}; once the budget is spent, further 429s count
 * as failures. While one call waits out a 429, every other call through the same provider instance
 * waits with it before its next request, so many threads sharing one provider slow down to the
 * vendor's pace together instead of each running into the limit on its own.
 *
 * <p>The wait before the next attempt is the vendor's ({@code Retry-After}, or OpenAI's
 * {@code retry-after-ms}) when it names a positive one, otherwise the exponential backoff:
 * {@code baseBackoff × 2^(n-1)}, at most {@code maxBackoff}, with jitter (half to all of it). A
 * vendor's wait longer than {@code maxHonouredWait} is not slept: the call fails at once with a
 * {@link RateLimitedException} (or, for a 503, a {@link ProviderUnavailableException}) carrying it.
 *
 * @param maxAttempts how many times a call is tried in all, at least 1 (1 means no retry); rate
 *     limits within the budget do not count
 * @param baseBackoff the first wait between attempts; later waits grow exponentially, with jitter
 * @param maxBackoff the longest wait between two attempts that core chooses itself
 * @param maxHonouredWait the longest {@code Retry-After} core will wait out; a vendor asking for
 *     longer gets a {@link RateLimitedException} carrying its wait instead
 * @param rateLimitBudget how long one call may take in all, waits included, while 429s are still
 *     paced rather than counted as failed attempts; {@link Duration#ZERO} counts every 429 as an
 *     attempt
 */
public record RetryPolicy(int maxAttempts, Duration baseBackoff, Duration maxBackoff, Duration maxHonouredWait,
        Duration rateLimitBudget) {

    /** The rate-limit budget of {@link #defaults()} and of the four-argument constructor: one minute. */
    public static final Duration DEFAULT_RATE_LIMIT_BUDGET = Duration.ofMinutes(1);

    /**
     * Checks the values.
     *
     * @param maxAttempts how many times a call is tried in all, at least 1
     * @param baseBackoff the first wait between attempts
     * @param maxBackoff the longest wait between two attempts that core chooses itself
     * @param maxHonouredWait the longest {@code Retry-After} core will wait out
     * @param rateLimitBudget how long one call may keep waiting out 429s without using up attempts
     * @throws ProviderConfigurationException if a value is null or out of range
     */
    public RetryPolicy {
        required(baseBackoff, "baseBackoff");
        required(maxBackoff, "maxBackoff");
        required(maxHonouredWait, "maxHonouredWait");
        required(rateLimitBudget, "rateLimitBudget");
        if (maxAttempts < 1) {
            throw new ProviderConfigurationException("RetryPolicy.maxAttempts must be at least 1 (1 = no retry); got " + maxAttempts + ".");
        }
        if (baseBackoff.isNegative() || maxBackoff.isNegative() || maxHonouredWait.isNegative() || rateLimitBudget.isNegative()) {
            throw new ProviderConfigurationException("RetryPolicy durations must not be negative.");
        }
        if (maxBackoff.compareTo(baseBackoff) < 0) {
            throw new ProviderConfigurationException("RetryPolicy.maxBackoff (" + maxBackoff
                    + ") must not be shorter than baseBackoff (" + baseBackoff + ").");
        }
    }

    private static void required(Duration value, String component) {
        if (value == null) {
            throw new ProviderConfigurationException("RetryPolicy." + component + " must not be null; use Duration.ZERO for "
                    + "none, or RetryPolicy.defaults() / RetryPolicy.none() for a whole policy.");
        }
    }

    /**
     * A policy with the default rate-limit budget ({@link #DEFAULT_RATE_LIMIT_BUDGET}), or none when
     * {@code maxAttempts} is 1: one attempt means one request, even when the vendor rate limits it.
     *
     * @param maxAttempts how many times a call is tried in all, at least 1
     * @param baseBackoff the first wait between attempts
     * @param maxBackoff the longest wait between two attempts that core chooses itself
     * @param maxHonouredWait the longest {@code Retry-After} core will wait out
     */
    public RetryPolicy(int maxAttempts, Duration baseBackoff, Duration maxBackoff, Duration maxHonouredWait) {
        this(maxAttempts, baseBackoff, maxBackoff, maxHonouredWait,
                maxAttempts > 1 ? DEFAULT_RATE_LIMIT_BUDGET : Duration.ZERO);
    }

    /**
     * The defaults: 4 attempts, waits from 200 ms up to 5 s, {@code Retry-After} honoured up to
     * 30 s, and 429s paced for up to a minute per call.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30),
                DEFAULT_RATE_LIMIT_BUDGET);
    }

    /**
     * No retries: every call is tried once, a 429 included.
     *
     * @return a policy of one attempt
     */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * This policy with another rate-limit budget.
     *
     * @param budget how long one call may take in all while 429s are still paced; zero counts
     *     every 429 as an attempt
     * @return the changed policy
     */
    public RetryPolicy withRateLimitBudget(Duration budget) {
        return new RetryPolicy(maxAttempts, baseBackoff, maxBackoff, maxHonouredWait, budget);
    }
}
