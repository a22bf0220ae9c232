package dev.roster;

/**
 * No provider with the requested id is on the class path, or none at all, or several and none
 * chosen. The message lists what is there and which artifact to add.
 */
public class ProviderNotFoundException extends ProviderConfigurationException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message only.
     *
     * @param message what went wrong and what to do
     */
    public ProviderNotFoundException(String message) {
        this(message, ErrorDetails.none(), null);
    }

    /**
     * A failure with all that is known about it.
     *
     * @param message what went wrong and what to do
     * @param details where it came from
     * @param cause the underlying failure, or null
     */
    public ProviderNotFoundException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
