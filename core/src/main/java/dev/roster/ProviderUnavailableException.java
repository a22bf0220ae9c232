package dev.roster;

import java.time.Duration;
import java.util.Optional;

/**
 * The vendor could not be reached or failed on its side: HTTP 5xx, a connection failure, a
 * timeout, or a success answer (2xx, the status kept in {@link #httpStatus()}) whose body could not
 * be read. Safe to try again later; core retries these itself before giving up, and for calls that
 * change something (invite, revoke) first looks up whether the change happened, since the vendor
 * may have acted before the failure.
 */
public class ProviderUnavailableException extends RosterException {

    /** 2: the wait travels as a plain field; version 1 lost it on the way. */
    private static final long serialVersionUID = 2L;

    /** The vendor's wait, or null: a plain field, since an Optional is not serializable. */
    private final Duration retryAfter;

    /**
     * A failure with a message only.
     *
     * @param message what went wrong and what to do
     */
    public ProviderUnavailableException(String message) {
        this(message, ErrorDetails.none(), null);
    }

    /**
     * A failure with all that is known about it.
     *
     * @param message what went wrong and what to do
     * @param details where it came from
     * @param cause the underlying failure, or null
     */
    public ProviderUnavailableException(String message, ErrorDetails details, Throwable cause) {
        this(message, Optional.empty(), details, cause);
    }

    /**
     * A failure after which the vendor asked for a wait (a 503 with {@code Retry-After}).
     *
     * @param message what went wrong and what to do
     * @param retryAfter how long the vendor asked to wait, if it said (null is taken as empty)
     * @param details where it came from
     * @param cause the underlying failure, or null
     */
    public ProviderUnavailableException(String message, Optional<Duration> retryAfter, ErrorDetails details,
            Throwable cause) {
        super(message, details, cause);
        this.retryAfter = retryAfter == null ? null : retryAfter.orElse(null);
    }

    /**
     * How long the vendor asked to wait before trying again.
     *
     * @return the wait, if the vendor said
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
