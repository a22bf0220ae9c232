package dev.roster;

/**
 * The vendor did not accept the credentials (HTTP 401). Check the key named in the message:
 * it may be missing, revoked, or of the wrong kind (OpenAI needs an <em>admin</em> key).
 */
public class AuthenticationException extends RosterException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message only.
     *
     * @param message what went wrong and what to do
     */
    public AuthenticationException(String message) {
        this(message, ErrorDetails.none(), null);
    }

    /**
     * A failure with all that is known about it.
     *
     * @param message what went wrong and what to do
     * @param details where it came from
     * @param cause the underlying failure, or null
     */
    public AuthenticationException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
