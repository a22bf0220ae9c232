package dev.roster;

import java.time.Duration;
import java.util.Optional;

/**
 * The vendor is rate limiting this client (HTTP 429). Core retries these itself, honouring the
 * vendor's wait; this reaches a caller when the retries ran out or the vendor asked for a wait
 * longer than the configured cap. Try again after {@link #retryAfter()}.
 */
public class RateLimitedException extends RosterException {

    /** 2: the wait travels as a plain field; version 1 lost it on the way. */
    private static final long serialVersionUID = 2L;

    /** The vendor's wait, or null: a plain field, since an Optional is not serializable. */
    private final Duration retryAfter;

    /**
     * A rate-limit failure.
     *
     * @param message what went wrong and what to do
     * @param retryAfter how long the vendor asked to wait, if it said (null is taken as empty)
     * @param details where it came from
     * @param cause the underlying failure, or null
     */
    public RateLimitedException(String message, Optional<Duration> retryAfter, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
        this.retryAfter = retryAfter == null ? null : retryAfter.orElse(null);
    }

    /**
     * How long the vendor asked to wait before the next request.
     *
     * @return the wait, if the vendor said
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
