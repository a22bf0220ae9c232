package dev.roster;

/**
 * A provider cannot be created or used as configured: a missing credential, an unsafe base URI,
 * two adapters claiming one id, or an adapter whose factory failed. The message names the setting.
 */
public class ProviderConfigurationException extends RosterException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message only.
     *
     * @param message what went wrong and what to do
     */
    public ProviderConfigurationException(String message) {
        this(message, ErrorDetails.none(), null);
    }

    /**
     * A failure with all that is known about it.
     *
     * @param message what went wrong and what to do
     * @param details where it came from
     * @param cause the underlying failure, or null
     */
    public ProviderConfigurationException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
