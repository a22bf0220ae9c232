package dev.roster;

/**
 * A credential that never shows itself: {@link #toString()} is redacted, and only
 * {@link #reveal()} gives the value, for the one place that puts it on the wire.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a credential.
     *
     * @param value the credential
     * @return the secret
     * @throws ProviderConfigurationException if the value is null or blank
     */
    public static Secret of(String value) {
        if (value == null || value.isBlank()) {
            throw new ProviderConfigurationException("A credential's value must not be " + (value == null ? "null" : "blank")
                    + ": check the key you configured.");
        }
        return new Secret(value);
    }

    /**
     * The credential itself. Call it only to authenticate a request; never log the result.
     *
     * @return the credential
     */
    public String reveal() {
        return value;
    }

    /** Always {@code "Secret[redacted]"}, whatever the value. */
    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
