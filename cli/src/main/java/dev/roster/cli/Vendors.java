package dev.roster.cli;

import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import dev.roster.ProviderInfo;
import dev.roster.spi.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The vendors of one run: which are on the class path, how each is configured (credentials from
 * the vendors' own variables, a base URI from {@code ROSTER_<ID>_BASE_URI} or {@code --base-uri}),
 * and one open provider per vendor, shared by every call of the run and closed at its end. It never
 * names a vendor: everything is found through {@link InvitationProviders}.
 */
final class Vendors implements AutoCloseable {

    /** A value for every credential when probing what a provider needs; it is never sent anywhere. */
    private static final String PROBE = "roster-probe-not-a-credential";

    private final Terminal terminal;
    private final Map<String, String> baseUris;
    private final boolean debug;
    private final Set<String> available;
    private final Map<String, InvitationProvider> open = new LinkedHashMap<>();
    private final Map<String, List<String>> required = new java.util.concurrent.ConcurrentHashMap<>();

    Vendors(Terminal terminal, Map<String, String> baseUriOptions, boolean debug) {
        this.terminal = terminal;
        this.debug = debug;
        this.available = InvitationProviders.available();
        this.baseUris = new TreeMap<>();
        for (Map.Entry<String, String> option : baseUriOptions.entrySet()) {
            String id = option.getKey().strip();
            if (!available.contains(id)) {
                throw new UsageException("--base-uri names the vendor '" + id + "', which is not here; vendors: "
                        + String.join(", ", available) + ".");
            }
            baseUris.put(id, option.getValue());
        }
    }

    /** The ids of the vendors on the class path, sorted. */
    Set<String> available() {
        return available;
    }

    /**
     * The environment variable that overrides a vendor's base URI.
     *
     * @param id the vendor's id
     * @return such as {@code ROSTER_ACME_BASE_URI}
     */
    static String baseUriVariable(String id) {
        return "ROSTER_" + id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_BASE_URI";
    }

    /** The base URI the run uses for a vendor: --base-uri, else the variable, else the vendor's default. */
    Optional<String> baseUri(String id) {
        String option = baseUris.get(id);
        return option != null ? Optional.of(option) : terminal.variable(baseUriVariable(id));
    }

    /** The vendor's configuration: credentials from the environment, the base URI, the wire log under --debug. */
    ProviderConfig config(String id) {
        ProviderConfig.Builder builder = ProviderConfig.fromEnvironment(terminal.environment()).toBuilder();
        baseUri(id).ifPresent(builder::baseUri);
        if (debug) {
            builder.property(id + ".httpLogLevel", "FULL");
        }
        return builder.build();
    }

    /** Masks every credential the environment holds, for everything the run writes. */
    Redactor redactor() {
        return redactor(terminal);
    }

    static Redactor redactor(Terminal terminal) {
        return redactor(terminal, List.of());
    }

    /**
     * Masks every credential the environment holds, and these other secrets (the values a roster.yaml's
     * credential references resolved to), also in Base64.
     */
    static Redactor redactor(Terminal terminal, List<String> more) {
        List<String> values = new ArrayList<>();
        for (String value : more) {
            values.add(value);
            values.add(java.util.Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        for (String name : ProviderConfig.KNOWN_CREDENTIALS) {
            terminal.variable(name).ifPresent(value -> {
                values.add(value);
                values.add(java.util.Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            });
        }
        // Basic authentication headers combine two of them.
        for (String user : ProviderConfig.KNOWN_CREDENTIALS) {
            for (String password : ProviderConfig.KNOWN_CREDENTIALS) {
                Optional<String> u = terminal.variable(user);
                Optional<String> p = terminal.variable(password);
                if (u.isPresent() && p.isPresent() && !user.equals(password)) {
                    values.add(java.util.Base64.getEncoder().encodeToString(
                            (u.get() + ":" + p.get()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
        }
        return Redactor.of(values);
    }

    /**
     * The vendors a command works on: those named (each must be on the class path), or by default
     * every vendor whose credentials are set.
     *
     * @param named the ids given with --vendor, possibly empty
     * @return the ids
     * @throws UsageException for a vendor that is not here
     * @throws ProviderConfigurationException when none was named and none has its credentials set
     */
    List<String> choose(List<String> named) {
        if (named != null && !named.isEmpty()) {
            Set<String> chosen = new LinkedHashSet<>();
            for (String id : named) {
                String wanted = id.strip();
                if (!available.contains(wanted)) {
                    throw new UsageException("Unknown vendor '" + wanted + "'; the vendors here are: "
                            + String.join(", ", available) + ".");
                }
                chosen.add(wanted);
            }
            return List.copyOf(chosen);
        }
        List<String> configured = available.stream().filter(this::credentialsSet).toList();
        for (String id : available) {
            List<String> missing = missingCredentials(id);
            if (!missing.isEmpty() && missing.size() < requiredCredentials(id).size()) {
                // Half set is more likely a typo than a choice: say so rather than leave the vendor out in silence.
                terminal.err().println("note: " + id + " left out: " + String.join(", ", missing)
                        + " is not set, though its other credentials are. Set it, or name the vendors with --vendor.");
            }
        }
        if (configured.isEmpty()) {
            Set<String> variables = new LinkedHashSet<>();
            available.forEach(id -> variables.addAll(requiredCredentials(id)));
            throw new ProviderConfigurationException("No vendor has its credentials set. Set "
                    + String.join(", ", variables.isEmpty() ? ProviderConfig.KNOWN_CREDENTIALS : variables)
                    + " (those your vendors need: roster vendors shows which), or try ./roster sandbox first.");
        }
        return configured;
    }

    /** Whether the vendor can be loaded with the environment's credentials. */
    boolean credentialsSet(String id) {
        return missingCredentials(id).isEmpty();
    }

    /**
     * The variables a vendor needs: those its factory declares
     * ({@link InvitationProviders#requiredEnvironment}), or else the credential variables found by loading
     * it without each (no request is sent). The command line never names a vendor's variables itself.
     *
     * @param id the vendor
     * @return the variable names
     */
    List<String> requiredCredentials(String id) {
        return required.computeIfAbsent(id, this::probeCredentials);
    }

    private List<String> probeCredentials(String id) {
        List<String> declared = InvitationProviders.requiredEnvironment(id);
        if (!declared.isEmpty()) {
            return declared;
        }
        List<String> needed = new ArrayList<>();
        for (String name : ProviderConfig.KNOWN_CREDENTIALS) {
            Map<String, String> probe = new LinkedHashMap<>(probeEnvironment());
            probe.remove(name);
            if (!loads(id, ProviderConfig.fromEnvironment(probe))) {
                needed.add(name);
            }
        }
        return needed;
    }

    /**
     * Every variable {@link ProviderConfig#fromEnvironment} reads, each set to a value that is never
     * sent anywhere: enough for any provider to load and describe itself without credentials.
     */
    static Map<String, String> probeEnvironment() {
        Map<String, String> probe = new LinkedHashMap<>();
        ProviderConfig.KNOWN_CREDENTIALS.forEach(name -> probe.put(name, PROBE));
        ProviderConfig.KNOWN_SETTINGS.keySet().forEach(name -> probe.put(name, PROBE));
        return probe;
    }

    /** The required credential variables that are not set. */
    List<String> missingCredentials(String id) {
        return requiredCredentials(id).stream().filter(name -> terminal.variable(name).isEmpty()).toList();
    }

    /** What the vendor is and can do, read without its credentials and without any request. */
    ProviderInfo info(String id) {
        try (InvitationProvider provider = InvitationProviders.load(id, ProviderConfig.fromEnvironment(probeEnvironment()))) {
            return provider.info();
        }
    }

    private static boolean loads(String id, ProviderConfig config) {
        try {
            InvitationProviders.load(id, config).close();
            return true;
        } catch (ProviderConfigurationException e) {
            return false;
        }
    }

    /**
     * The run's provider for a vendor, opened on first use: one per vendor, shared by every call and
     * thread, so core paces them all together under the vendor's rate limit.
     *
     * @param id the vendor
     * @return the provider
     */
    synchronized InvitationProvider provider(String id) {
        InvitationProvider provider = open.get(id);
        if (provider == null) {
            provider = InvitationProviders.load(id, config(id));
            open.put(id, provider);
        }
        return provider;
    }

    /** The base URI as a person would read it, for {@code roster vendors}. */
    String describeBaseUri(String id) {
        return baseUri(id).orElse("(vendor default)");
    }

    @Override
    public synchronized void close() {
        open.values().forEach(InvitationProvider::close);
        open.clear();
    }
}
