package dev.roster.github;

import dev.roster.provider.support.RateLimitFeed;
import dev.roster.spi.RateLimitStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub's primary rate-limit headers, sent on every answer: {@code x-ratelimit-limit},
 * {@code x-ratelimit-remaining} and {@code x-ratelimit-reset}, the last the time the window resets
 * in epoch seconds, turned into a wait by this adapter's clock. A reset already past is a wait of
 * zero; anything missing or unreadable says nothing about the rate limit.
 */
final class GitHubRateLimits {

    static final String LIMIT = "x-ratelimit-limit";
    static final String REMAINING = "x-ratelimit-remaining";
    static final String RESET = "x-ratelimit-reset";

    private GitHubRateLimits() {}

    /** What an answer's headers say, by {@code clock}; empty when any of the three is missing or unreadable. */
    static Optional<RateLimitStatus> read(Map<String, Collection<String>> headers, Clock clock) {
        return RateLimitStatus.read(RateLimitFeed.first(headers, LIMIT), RateLimitFeed.first(headers, REMAINING),
                untilReset(RateLimitFeed.first(headers, RESET), clock));
    }

    private static Optional<Duration> untilReset(String epochSeconds, Clock clock) {
        if (epochSeconds == null) {
            return Optional.empty();
        }
        try {
            Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(epochSeconds.strip())));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
