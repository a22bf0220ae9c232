package dev.roster.spi;

import dev.roster.InvitationProvider;
import dev.roster.ProviderConfig;

/**
 * Creates an adapter's {@link InvitationProvider}. Register an implementation with
 * {@link java.util.ServiceLoader}: a line with its class name in
 * {@code META-INF/services/dev.roster.spi.InvitationProviderFactory}, and
 * {@code provides dev.roster.spi.InvitationProviderFactory with ...;} in a module descriptor.
 *
 * <p>Implementations need a public no-argument constructor that does no work: a factory that fails
 * to construct is reported and skipped, so it does not hide the other providers.
 *
 * <p>The provider {@link #create} returns is the bare adapter. {@link dev.roster.InvitationProviders}
 * wraps it in core's policy (validation, retries, idempotent invites), so the adapter only
 * translates between the vendor's wire format and Roster's model, and the vendor's errors into
 * {@link dev.roster.RosterException}s.
 */
public interface InvitationProviderFactory {

    /**
     * The id applications load this provider by, such as {@code "openai"}: lower case, and the
     * suffix of the adapter's artifact, {@code dev.roster:roster-provider-<id>}.
     *
     * @return the provider id
     */
    String id();

    /**
     * Creates the adapter.
     *
     * @param config credentials and settings
     * @return a new provider, owned by the caller
     * @throws dev.roster.ProviderConfigurationException if the configuration lacks what the adapter
     *     needs, naming it
     */
    InvitationProvider create(ProviderConfig config);

    /**
     * The environment variables the provider needs, by the names
     * {@link ProviderConfig#fromEnvironment()} reads them ({@link ProviderConfig#KNOWN_CREDENTIALS} and
     * {@link ProviderConfig#KNOWN_SETTINGS}): with each of them set, {@link #create} finds everything
     * it requires. Tools that configure providers from the environment (the {@code roster} command)
     * read this instead of naming any vendor's variables themselves.
     *
     * @return the variable names, such as {@code [GITHUB_TOKEN, GITHUB_ORG]}; empty (the default)
     *     when the provider does not say, and then a tool finds out by trying
     */
    default java.util.List<String> requiredEnvironment() {
        return java.util.List.of();
    }
}
