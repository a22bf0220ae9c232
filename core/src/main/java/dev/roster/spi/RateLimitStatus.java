package dev.roster.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a client stands with a vendor's rate limit, as one answer told it: how many requests the
 * limit allows, how many of them are left, and how long until it is back to its initial state. A
 * vendor-neutral reading of headers such as Confluent's and GitHub's {@code X-RateLimit-Limit /
 * -Remaining / -Reset} or OpenAI's {@code x-ratelimit-limit-requests / -remaining-requests /
 * -reset-requests}; the adapter converts the reset into a relative time, whatever its vendor's form
 * (relative seconds, a duration such as {@code 6m0s}, epoch seconds).
 *
 * <p>Core reads it as: at most {@code remaining} more requests before {@code resetIn} has passed,
 * so it spreads them over that time (see {@link RateLimitReporting}). It is advice, never a refusal:
 * a vendor's odd values (more remaining than the limit, a reset of zero) are taken as sent.
 *
 * @param limit the requests the limit allows in its period, as the vendor counts them
 * @param remaining the requests left before the vendor starts refusing
 * @param resetIn how long until the limit is back to its initial state; zero when it already is
 */
public record RateLimitStatus(long limit, long remaining, Duration resetIn) {

    /**
     * Checks the values: none negative, and a reset that is present.
     *
     * @param limit the requests the limit allows
     * @param remaining the requests left
     * @param resetIn the time until the limit resets
     */
    public RateLimitStatus {
        AdapterArguments.required(resetIn, "resetIn", "new RateLimitStatus");
        if (limit < 0 || remaining < 0 || resetIn.isNegative()) {
            throw new dev.roster.ProviderConfigurationException("The adapter made a RateLimitStatus with a negative value (limit "
                    + limit + ", remaining " + remaining + ", resetIn " + resetIn + "); this is a defect in the adapter: use "
                    + "RateLimitStatus.read, which skips what a vendor sends that cannot be a rate limit.",
                    dev.roster.ErrorDetails.of(null), null);
        }
    }

    /**
     * Reads a vendor's three header values, leniently: a header that is missing, not a whole number
     * or negative makes the answer say nothing about the rate limit (empty), never a failure, because
     * a rate-limit header is advice about pacing and not part of the answer's content.
     *
     * @param limit the limit header's value, or null when absent
     * @param remaining the remaining header's value, or null when absent
     * @param resetIn the reset header already read as a relative time (empty when absent or unreadable)
     * @return the status, or empty when the headers do not make one
     */
    public static Optional<RateLimitStatus> read(String limit, String remaining, Optional<Duration> resetIn) {
        AdapterArguments.required(resetIn, "resetIn", "RateLimitStatus.read");
        long allowed = count(limit);
        long left = count(remaining);
        if (allowed < 0 || left < 0 || resetIn.isEmpty() || resetIn.get().isNegative()) {
            return Optional.empty();
        }
        return Optional.of(new RateLimitStatus(allowed, left, resetIn.get()));
    }

    /** A header's whole number, or -1 when it is absent or not one. */
    private static long count(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            return parsed < 0 ? -1 : parsed;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
