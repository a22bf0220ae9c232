package dev.roster;

/**
 * The credentials are valid but may not do this (HTTP 403). Grant the key the role the vendor
 * requires for managing invitations.
 */
public class PermissionDeniedException extends RosterException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message only.
     *
     * @param message what went wrong and what to do
     */
    public PermissionDeniedException(String message) {
        this(message, ErrorDetails.none(), null);
    }

    /**
     * A failure with all that is known about it.
     *
     * @param message what went wrong and what to do
     * @param details where it came from
     * @param cause the underlying failure, or null
     */
    public PermissionDeniedException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
