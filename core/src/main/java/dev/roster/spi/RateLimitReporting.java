package dev.roster.spi;

import java.util.function.Consumer;

/**
 * Implemented by an adapter whose vendor says where a client stands with its rate limit in every
 * answer (headers such as {@code X-RateLimit-Remaining}), so that core paces calls before the
 * vendor has to refuse them. Optional: an adapter that does not implement it works as before, and
 * core learns the vendor's pace from the spacing of its 429s instead.
 *
 * <p>Core calls {@link #reportRateLimitsTo} once, when it wraps the adapter in its policy
 * ({@code InvitationProviders.load} or {@code withPolicy}), before any other call. From then on the
 * adapter hands the listener a {@link RateLimitStatus} for every answer whose headers make one, a
 * success or a refusal alike (a 429 included), from whichever thread received the answer; answers
 * without the headers are simply not reported. The listener is cheap, thread-safe and never throws.
 *
 * <pre>{@code
 * final class AcmeInvitationProvider implements InvitationProvider, RateLimitReporting {
 *     private volatile Consumer<RateLimitStatus> rateLimits = status -> { };
 *
 *     public void reportRateLimitsTo(Consumer<RateLimitStatus> listener) {
 *         this.rateLimits = listener;
 *     }
 *     // in the HTTP layer, for every answer:
 *     //   RateLimitStatus.read(limitHeader, remainingHeader, resetIn).ifPresent(rateLimits);
 * }
 * }</pre>
 */
public interface RateLimitReporting {

    /**
     * Where to report what each answer says about the rate limit; replaces any earlier listener.
     *
     * @param listener core's pacer for this provider
     */
    void reportRateLimitsTo(Consumer<RateLimitStatus> listener);
}
