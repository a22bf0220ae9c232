package dev.roster;

import dev.roster.internal.Attempts;
import dev.roster.internal.PolicyInvitationProvider;
import dev.roster.internal.ProviderRegistry;
import dev.roster.spi.InvitationProviderFactory;
import dev.roster.spi.Redactor;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Finds the providers on the class path (through {@link java.util.ServiceLoader}) and hands them
 * out wrapped in core's policy. Which vendor an application talks to is decided by which
 * {@code dev.roster:roster-provider-<id>} artifact it depends on.
 *
 * <pre>{@code
 * InvitationProvider openai = InvitationProviders.load("openai", ProviderConfig.fromEnvironment());
 * InvitationProvider theOnlyOne = InvitationProviders.loadDefault(ProviderConfig.fromEnvironment());
 * }</pre>
 *
 * <p>A provider whose factory fails to load is reported (through {@link System.Logger}, as a
 * warning, and in any {@link ProviderNotFoundException}) and skipped; the others still load.
 * Providers are looked up with the thread's context class loader, falling back to Roster's own.
 */
public final class InvitationProviders {

    /** The environment variable that names the provider {@link #loadDefault} returns. */
    public static final String PROVIDER_ENVIRONMENT_VARIABLE = "ROSTER_PROVIDER";

    /** The system property that names the provider {@link #loadDefault} returns; it wins over the variable. */
    public static final String PROVIDER_SYSTEM_PROPERTY = "roster.provider";

    private static final String KNOWN_ARTIFACTS =
            "dev.roster:roster-provider-openai, dev.roster:roster-provider-confluent or dev.roster:roster-provider-github";

    private InvitationProviders() {}

    /**
     * The provider with the given id, wrapped in core's policy.
     *
     * @param id the provider's id, such as {@code "openai"}
     * @param config credentials and settings
     * @return a new provider; close it when done
     * @throws ProviderNotFoundException if no provider has that id, listing those that are there and
     *     the artifact to add
     * @throws ProviderConfigurationException if two adapters claim the id, or the adapter cannot be
     *     created with this configuration
     */
    public static InvitationProvider load(String id, ProviderConfig config) {
        return load(id, config, defaultClassLoader());
    }

    /**
     * The only provider on the class path, or the one named by the system property
     * {@value #PROVIDER_SYSTEM_PROPERTY} or else the environment variable
     * {@value #PROVIDER_ENVIRONMENT_VARIABLE}, wrapped in core's policy.
     *
     * @param config credentials and settings
     * @return a new provider; close it when done
     * @throws ProviderNotFoundException if there is none, if there are several and none is named
     *     (the message lists them and how to choose), or if the named one is not there
     */
    public static InvitationProvider loadDefault(ProviderConfig config) {
        return loadDefault(config, defaultClassLoader(), System::getenv);
    }

    /**
     * The ids of the providers on the class path.
     *
     * @return the ids, sorted
     */
    public static Set<String> available() {
        return available(defaultClassLoader());
    }

    /**
     * The environment variables a provider declares it needs
     * ({@link InvitationProviderFactory#requiredEnvironment()}), without creating it.
     *
     * @param id the provider's id
     * @return the variable names; empty if the provider does not say, or no provider has that id
     */
    public static List<String> requiredEnvironment(String id) {
        if (id == null) {
            throw new InvalidRequestException("requiredEnvironment needs a provider id, such as \"openai\"; got null.");
        }
        List<InvitationProviderFactory> factories = ProviderRegistry.scan(defaultClassLoader()).factories().get(id.strip());
        if (factories == null || factories.size() != 1) {
            return List.of();
        }
        try {
            List<String> names = factories.get(0).requiredEnvironment();
            return names == null ? List.of() : List.copyOf(names);
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }

    /**
     * Wraps an adapter you created yourself (in a test, or from a dependency-injection container)
     * in the same policy {@link #load} applies. Wrapping twice is harmless.
     *
     * @param adapter the bare adapter, such as an {@code InMemoryInvitationProvider}
     * @param config the settings whose policy (such as retries) to apply
     * @return the provider with core's policy
     */
    public static InvitationProvider withPolicy(InvitationProvider adapter, ProviderConfig config) {
        if (adapter == null) {
            throw new ProviderConfigurationException("withPolicy needs an adapter; got null.");
        }
        requireConfig(config);
        return PolicyInvitationProvider.wrap(adapter, Attempts.retrying(config.retryPolicy()), config.credentialRedactor());
    }

    static InvitationProvider load(String id, ProviderConfig config, ClassLoader loader) {
        requireConfig(config);
        if (id == null || id.isBlank()) {
            throw new ProviderNotFoundException("A provider id is required, such as \"openai\" or \"confluent\"; got "
                    + (id == null ? "null" : "a blank id") + ". " + describeAvailable(ProviderRegistry.scan(loader)));
        }
        String wanted = id.strip();
        ProviderRegistry registry = ProviderRegistry.scan(loader);
        List<InvitationProviderFactory> candidates = registry.factories().get(wanted);
        if (candidates == null) {
            throw new ProviderNotFoundException("No Roster provider with id '" + wanted + "' is on the class path. "
                    + describeAvailable(registry) + " To use '" + wanted + "', add the dependency dev.roster:roster-provider-"
                    + wanted + " (or the third-party adapter that provides it)." + describeFailures(registry));
        }
        if (candidates.size() > 1) {
            throw new ProviderConfigurationException("Several provider factories claim the id '" + wanted + "': "
                    + candidates.stream().map(f -> f.getClass().getName()).collect(Collectors.joining(" and "))
                    + ". Keep only one of their jars on the class path.");
        }
        return create(candidates.get(0), wanted, config);
    }

    static InvitationProvider loadDefault(ProviderConfig config, ClassLoader loader, UnaryOperator<String> environment) {
        requireConfig(config);
        String named = System.getProperty(PROVIDER_SYSTEM_PROPERTY);
        if (named == null || named.isBlank()) {
            named = environment.apply(PROVIDER_ENVIRONMENT_VARIABLE);
        }
        if (named != null && !named.isBlank()) {
            return load(named, config, loader);
        }
        ProviderRegistry registry = ProviderRegistry.scan(loader);
        Set<String> ids = registry.factories().keySet();
        if (ids.isEmpty()) {
            throw new ProviderNotFoundException("No Roster provider is on the class path. Add one, such as "
                    + KNOWN_ARTIFACTS + "." + describeFailures(registry));
        }
        if (ids.size() > 1) {
            throw new ProviderNotFoundException("Several Roster providers are on the class path: "
                    + String.join(", ", new TreeSet<>(ids)) + ". Choose one with the environment variable "
                    + PROVIDER_ENVIRONMENT_VARIABLE + "=<id> or the system property -D" + PROVIDER_SYSTEM_PROPERTY
                    + "=<id>, or call InvitationProviders.load(\"<id>\", config).");
        }
        return load(ids.iterator().next(), config, loader);
    }

    static Set<String> available(ClassLoader loader) {
        return Collections.unmodifiableSet(new TreeSet<>(ProviderRegistry.scan(loader).factories().keySet()));
    }

    /**
     * Creates the adapter. A factory is third-party code that was handed the credentials, so what
     * it throws is searched for them: a failure quoting one is reported with it masked, in the
     * message and in the attached cause (as {@link Redactor#redact(Throwable)} copies it).
     */
    private static InvitationProvider create(InvitationProviderFactory factory, String id, ProviderConfig config) {
        InvitationProvider adapter;
        try {
            adapter = factory.create(config);
        } catch (RosterException e) {
            Redactor redactor = config.credentialRedactor();
            if (e.getCause() == null && e.getSuppressed().length == 0 && !redactor.reveals(e)) {
                throw e; // nothing in it but text, and that text is clean
            }
            // Its causes may hold anything (an HTTP client's request with its credentials): keep their text only.
            throw new ProviderConfigurationException("The '" + id + "' provider (" + factory.getClass().getName()
                    + ") failed to start" + (redactor.reveals(e) ? ", and its error quoted a configured credential (masked here)"
                    : "") + ": " + redactor.redact(e.getMessage()), ErrorDetails.of(id), redactor.redact(e));
        } catch (RuntimeException | LinkageError e) {
            Redactor redactor = config.credentialRedactor();
            throw new ProviderConfigurationException("The '" + id + "' provider (" + factory.getClass().getName()
                    + ") failed to start: " + redactor.redact(e.toString()), ErrorDetails.of(id), redactor.redact(e));
        }
        if (adapter == null) {
            throw new ProviderConfigurationException("The '" + id + "' provider (" + factory.getClass().getName()
                    + ") returned no provider from create(config); this is a bug in that adapter.", ErrorDetails.of(id), null);
        }
        return withPolicy(adapter, config);
    }

    private static void requireConfig(ProviderConfig config) {
        if (config == null) {
            throw new ProviderConfigurationException(
                    "A ProviderConfig is required: use ProviderConfig.fromEnvironment() or ProviderConfig.defaults().");
        }
    }

    private static String describeAvailable(ProviderRegistry registry) {
        Set<String> ids = new TreeSet<>(registry.factories().keySet());
        return ids.isEmpty()
                ? "No provider is on the class path at all (add " + KNOWN_ARTIFACTS + ")."
                : "Available: " + String.join(", ", ids) + ".";
    }

    private static String describeFailures(ProviderRegistry registry) {
        return registry.failures().isEmpty() ? "" : " These failed to load: " + String.join("; ", registry.failures()) + ".";
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : InvitationProviders.class.getClassLoader();
    }
}
