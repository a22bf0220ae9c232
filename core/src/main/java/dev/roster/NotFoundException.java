package dev.roster;

/**
 * The vendor has no such thing (HTTP 404) where one was required. {@link InvitationProvider#find}
 * and {@link InvitationProvider#revoke} do not throw it for an unknown invitation: they answer
 * empty and {@code false}.
 */
public class NotFoundException extends RosterException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message only.
     *
     * @param message what went wrong and what to do
     */
    public NotFoundException(String message) {
        this(message, ErrorDetails.none(), null);
    }

    /**
     * A failure with all that is known about it.
     *
     * @param message what went wrong and what to do
     * @param details where it came from
     * @param cause the underlying failure, or null
     */
    public NotFoundException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
