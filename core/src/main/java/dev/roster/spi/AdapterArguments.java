package dev.roster.spi;

import dev.roster.ErrorDetails;
import dev.roster.ProviderConfigurationException;

/**
 * The null check of the SPI helpers' arguments. These are called by adapter code, not by
 * applications, so a null is a defect in the adapter: reported as a configuration error that names
 * the argument and the helper, never as a bare {@link NullPointerException}.
 */
final class AdapterArguments {

    private AdapterArguments() {}

    static <T> T required(T value, String argument, String helper) {
        if (value == null) {
            throw new ProviderConfigurationException("The adapter called " + helper + " with " + argument + " null; "
                    + "this is a defect in the adapter: pass a value (report it to the adapter's authors).",
                    ErrorDetails.of(null), null);
        }
        return value;
    }
}
