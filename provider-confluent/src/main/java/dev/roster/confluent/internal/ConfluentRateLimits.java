package dev.roster.confluent.internal;

import dev.roster.provider.support.RateLimitFeed;
import dev.roster.spi.RateLimitStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Confluent Cloud's rate-limit headers, as its IAM v2 contract declares them on its answers:
 * {@code X-RateLimit-Limit} (requests per period), {@code X-RateLimit-Remaining} (left in the current
 * window) and {@code X-RateLimit-Reset}, the time in <em>relative</em> seconds until the window resets
 * (not epoch seconds as at GitHub; the contract says so to avoid clock skew).
 */
final class ConfluentRateLimits {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";

    private ConfluentRateLimits() {}

    /** What an answer's headers say; empty when any of the three is missing or not a whole number. */
    static Optional<RateLimitStatus> read(Map<String, Collection<String>> headers) {
        return RateLimitStatus.read(RateLimitFeed.first(headers, LIMIT), RateLimitFeed.first(headers, REMAINING),
                seconds(RateLimitFeed.first(headers, RESET)));
    }

    private static Optional<Duration> seconds(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
