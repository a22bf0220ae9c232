package dev.roster;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The vendor is rate limiting this client (HTTP 429). Core retries these itself, honouring the
 * vendor's wait; this reaches a caller when the retries ran out or the vendor asked for a wait
 * longer than the configured cap. Try again after {@link #retryAfter()}.
 */
public class RateLimitedException extends RosterException {

    private static final long serialVersionUID = 1L;

    private final transient Optional<Duration> retryAfter;

    /**
     * A rate-limit failure.
     *
     * @param message what went wrong and what to do
     * @param retryAfter how long the vendor asked to wait, if it said
     * @param details where it came from
     * @param cause the underlying failure, or null
     */
    public RateLimitedException(String message, Optional<Duration> retryAfter, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * How long the vendor asked to wait before the next request.
     *
     * @return the wait, if the vendor said
     */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
