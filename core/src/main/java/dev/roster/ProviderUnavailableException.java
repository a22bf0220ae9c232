package dev.roster;

/**
 * The vendor could not be reached or failed on its side: HTTP 5xx, a connection failure or a
 * timeout. Safe to try again later; core retries these itself before giving up.
 */
public class ProviderUnavailableException extends RosterException {

    private static final long serialVersionUID = 1L;

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
        super(message, details, cause);
    }
}
