package dev.roster.openai;

import dev.roster.provider.support.RateLimitFeed;
import dev.roster.spi.RateLimitStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI's request rate-limit headers, as its rate-limit guide documents them on every answer:
 * {@code x-ratelimit-limit-requests} (requests allowed before the limit is exhausted),
 * {@code x-ratelimit-remaining-requests}, and {@code x-ratelimit-reset-requests}, the time until the
 * limit is back to its initial state written as a Go duration ({@code 1s}, {@code 6m0s},
 * {@code 20ms}, {@code 1.5s}). The token headers are about model calls, not the Admin API, and are
 * not read.
 */
final class OpenAiRateLimits {

    static final String LIMIT = "x-ratelimit-limit-requests";
    static final String REMAINING = "x-ratelimit-remaining-requests";
    static final String RESET = "x-ratelimit-reset-requests";

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|us|µs|ns|h|m|s))+");

    private OpenAiRateLimits() {}

    /** What an answer's headers say; empty when any of the three is missing or unreadable. */
    static Optional<RateLimitStatus> read(Map<String, Collection<String>> headers) {
        return RateLimitStatus.read(RateLimitFeed.first(headers, LIMIT), RateLimitFeed.first(headers, REMAINING),
                goDuration(RateLimitFeed.first(headers, RESET)));
    }

    /** A Go duration such as {@code 6m0s} or {@code 20ms}; empty when absent or not one. */
    static Optional<Duration> goDuration(String value) {
        if (value == null || !WHOLE.matcher(value.strip()).matches()) {
            return Optional.empty();
        }
        double nanos = 0;
        Matcher part = PART.matcher(value.strip());
        while (part.find()) {
            double amount = Double.parseDouble(part.group(1));
            switch (part.group(2)) {
                case "h":
                    nanos += amount * 3_600e9;
                    break;
                case "m":
                    nanos += amount * 60e9;
                    break;
                case "s":
                    nanos += amount * 1e9;
                    break;
                case "ms":
                    nanos += amount * 1e6;
                    break;
                case "us":
                case "µs":
                    nanos += amount * 1e3;
                    break;
                default:
                    nanos += amount;
                    break;
            }
        }
        return nanos > Long.MAX_VALUE / 2.0 ? Optional.empty() : Optional.of(Duration.ofNanos((long) nanos));
    }
}
