package dev.roster;

/**
 * The organisation has reached a vendor quota (Confluent: HTTP 402 or {@code quota_exceeded}),
 * such as its maximum number of users or pending invitations. Free capacity or raise the quota.
 */
public class QuotaExceededException extends RosterException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message only.
     *
     * @param message what went wrong and what to do
     */
    public QuotaExceededException(String message) {
        this(message, ErrorDetails.none(), null);
    }

    /**
     * A failure with all that is known about it.
     *
     * @param message what went wrong and what to do
     * @param details where it came from
     * @param cause the underlying failure, or null
     */
    public QuotaExceededException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
