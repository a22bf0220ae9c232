package dev.roster.provider.support;

import dev.roster.spi.RateLimitReporting;
import dev.roster.spi.RateLimitStatus;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Carries what every answer's headers say about the vendor's rate limit from the HTTP client to
 * core's pacer: give it to {@link FeignClients.Builder#rateLimits(RateLimitFeed)}, and answer core's
 * {@link RateLimitReporting#reportRateLimitsTo} with {@link #reportTo}. The vendor's own header
 * names and formats are the adapter's {@code reading}; this class only carries the result.
 *
 * <pre>{@code
 * RateLimitFeed rateLimits = new RateLimitFeed(AcmeRateLimits::read);
 * AcmeApi api = FeignClients.builder(config, baseUri).rateLimits(rateLimits)...target(AcmeApi.class);
 * // in the adapter, which implements RateLimitReporting:
 * public void reportRateLimitsTo(Consumer<RateLimitStatus> listener) { rateLimits.reportTo(listener); }
 * }</pre>
 *
 * <p>Thread-safe. A reading or listener that fails is ignored: rate-limit headers are advice about
 * pacing, never a reason to fail the call whose answer carried them.
 */
public final class RateLimitFeed {

    private final Function<Map<String, Collection<String>>, Optional<RateLimitStatus>> reading;
    private volatile Consumer<RateLimitStatus> listener = status -> { };

    /**
     * A feed that reads headers the vendor's way.
     *
     * @param reading the vendor's headers (names case-insensitive) to a status, empty when they make none
     */
    public RateLimitFeed(Function<Map<String, Collection<String>>, Optional<RateLimitStatus>> reading) {
        this.reading = Objects.requireNonNull(reading, "reading");
    }

    /**
     * Where statuses go from now on: core's pacer.
     *
     * @param listener the pacer's listener
     */
    public void reportTo(Consumer<RateLimitStatus> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * One answer's headers, success or failure alike.
     *
     * @param headers the answer's headers, names case-insensitive
     */
    void answered(Map<String, Collection<String>> headers) {
        try {
            reading.apply(headers).ifPresent(listener);
        } catch (RuntimeException ignored) {
            // Advice only: a header the reading cannot take must not fail the call.
        }
    }

    /**
     * The first value of a header, names compared case-insensitively.
     *
     * @param headers the answer's headers
     * @param name the header's name
     * @return its first value, or null when absent (as {@link RateLimitStatus#read} takes it)
     */
    public static String first(Map<String, Collection<String>> headers, String name) {
        for (Map.Entry<String, Collection<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().iterator().next();
            }
        }
        return null;
    }
}
