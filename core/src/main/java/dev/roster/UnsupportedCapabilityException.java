package dev.roster;

/**
 * The provider cannot do what was asked, by design: a role at a vendor that has no roles at
 * invitation time, project grants where there are no projects, revoking an accepted invitation.
 * Check {@link ProviderInfo#capabilities()} before asking.
 */
public class UnsupportedCapabilityException extends RosterException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message only.
     *
     * @param message what went wrong and what to do
     */
    public UnsupportedCapabilityException(String message) {
        this(message, ErrorDetails.none(), null);
    }

    /**
     * A failure with all that is known about it.
     *
     * @param message what went wrong and what to do
     * @param details where it came from
     * @param cause the underlying failure, or null
     */
    public UnsupportedCapabilityException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
