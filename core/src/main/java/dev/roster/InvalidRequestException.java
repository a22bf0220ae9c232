package dev.roster;

/**
 * The request was wrong and sending it again will not help: a malformed email or invitation id,
 * a page size below one, or a request the vendor rejected as invalid (HTTP 400/422). Fix the
 * input; nothing was changed at the vendor.
 */
public class InvalidRequestException extends RosterException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message only.
     *
     * @param message what went wrong and what to do
     */
    public InvalidRequestException(String message) {
        this(message, ErrorDetails.none(), null);
    }

    /**
     * A failure with all that is known about it.
     *
     * @param message what went wrong and what to do
     * @param details where it came from
     * @param cause the underlying failure, or null
     */
    public InvalidRequestException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
