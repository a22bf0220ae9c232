package dev.roster.sync;

import java.net.URI;
import java.util.Optional;

/**
 * One connection of the desired state (an entry of the file's {@code vendors:}): a name, the
 * provider it uses, the defaults its invitations carry, and whether it prunes. Two connections may
 * use the same provider, such as two OpenAI organisations.
 *
 * @param name what people's entries and plans call it, such as {@code openai} or
 *     {@code openai-research}: 1 to 64 letters, digits, {@code .}, {@code _} and {@code -}, starting
 *     with a letter or digit
 * @param providerId the id of the provider it uses, such as {@code openai}; the provider connected
 *     under this name must report it
 * @param endpoint where it points, such as the base URI the file gives; part of a plan's fingerprint
 *     (never a credential), not used otherwise
 * @param defaults what its invitations carry unless a person's entry says otherwise
 * @param prune what to do with invitations of people the state does not list here
 */
public record ConnectionSpec(String name, String providerId, Optional<URI> endpoint, Access defaults, Prune prune) {

    /**
     * Checks that nothing is null (the values themselves are checked by {@link RosterSync#problems}).
     *
     * @param name what people's entries and plans call it
     * @param providerId the id of the provider it uses
     * @param endpoint where it points; part of a plan's fingerprint
     * @param defaults what its invitations carry unless a person's entry says otherwise
     * @param prune what to do with invitations of people the state does not list here
     * @throws dev.roster.InvalidRequestException if a component is null
     */
    public ConnectionSpec {
        Checks.required(name, "ConnectionSpec.name");
        Checks.required(providerId, "ConnectionSpec.providerId");
        Checks.required(endpoint, "ConnectionSpec.endpoint");
        Checks.required(defaults, "ConnectionSpec.defaults");
        Checks.required(prune, "ConnectionSpec.prune");
    }

    /**
     * A connection with no defaults, no endpoint and no pruning.
     *
     * @param name its name
     * @param providerId the id of the provider it uses
     * @return the connection
     */
    public static ConnectionSpec of(String name, String providerId) {
        return new ConnectionSpec(name, providerId, Optional.empty(), Access.none(), Prune.OFF);
    }

    /**
     * This connection with other defaults.
     *
     * @param value the defaults
     * @return a copy
     */
    public ConnectionSpec withDefaults(Access value) {
        return new ConnectionSpec(name, providerId, endpoint, value, prune);
    }

    /**
     * This connection with another prune setting.
     *
     * @param value the setting
     * @return a copy
     */
    public ConnectionSpec withPrune(Prune value) {
        return new ConnectionSpec(name, providerId, endpoint, defaults, value);
    }

    /**
     * This connection with an endpoint.
     *
     * @param value where it points
     * @return a copy
     */
    public ConnectionSpec withEndpoint(URI value) {
        return new ConnectionSpec(name, providerId, Optional.of(Checks.required(value, "endpoint")), defaults, prune);
    }
}
