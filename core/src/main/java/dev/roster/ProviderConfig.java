package dev.roster;

import dev.roster.spi.Redactor;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How to reach and authenticate with a vendor. Immutable; build one with {@link #builder()} or
 * read the vendors' usual environment variables with {@link #fromEnvironment()}.
 *
 * <p>Credentials are kept by the name of the environment variable the vendor's own tools use
 * ({@value #OPENAI_ADMIN_KEY}, {@value #CONFLUENT_CLOUD_API_KEY}, {@value #CONFLUENT_CLOUD_API_SECRET},
 * {@value #GITHUB_TOKEN}), so one configuration can serve several providers. Settings that are not
 * secrets but that a vendor's tools also read from the environment ({@value #GITHUB_ORG}) become
 * provider properties ({@link #KNOWN_SETTINGS}). They are {@link Secret}s: {@link #toString()}
 * shows only their names.
 */
public final class ProviderConfig {

    /** OpenAI's admin key (an <em>admin</em> key, {@code sk-admin-...}, not a project key). */
    public static final String OPENAI_ADMIN_KEY = "OPENAI_ADMIN_KEY";
    /** The key half of a Confluent Cloud API key. */
    public static final String CONFLUENT_CLOUD_API_KEY = "CONFLUENT_CLOUD_API_KEY";
    /** The secret half of a Confluent Cloud API key. */
    public static final String CONFLUENT_CLOUD_API_SECRET = "CONFLUENT_CLOUD_API_SECRET";

    /**
     * A GitHub token sent as {@code Authorization: Bearer}: a personal access token (classic, with
     * the {@code admin:org} scope, or fine-grained with the organization's Members permission set to
     * write) or a GitHub App token; the variable GitHub's own {@code gh} command reads.
     */
    public static final String GITHUB_TOKEN = "GITHUB_TOKEN";
    /** The GitHub organization to invite into, such as {@code acme}: read into the property {@code github.org}. */
    public static final String GITHUB_ORG = "GITHUB_ORG";

    /** The credential variables {@link #fromEnvironment()} reads. */
    public static final List<String> KNOWN_CREDENTIALS =
            List.of(OPENAI_ADMIN_KEY, CONFLUENT_CLOUD_API_KEY, CONFLUENT_CLOUD_API_SECRET, GITHUB_TOKEN);

    /**
     * The non-secret variables {@link #fromEnvironment()} reads, each into the provider property it
     * names: {@value #GITHUB_ORG} into {@code github.org}.
     */
    public static final Map<String, String> KNOWN_SETTINGS = Map.of(GITHUB_ORG, "github.org");

    /** The default time allowed to open a connection: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default time allowed for a response: 30 seconds. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    private final Optional<URI> baseUri;
    private final Map<String, Secret> credentials;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final RetryPolicy retryPolicy;
    private final Map<String, String> properties;

    private ProviderConfig(Builder b) {
        this.baseUri = Optional.ofNullable(b.baseUri);
        this.credentials = Map.copyOf(b.credentials);
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.retryPolicy = b.retryPolicy;
        this.properties = Map.copyOf(b.properties);
    }

    /**
     * A configuration with the defaults and no credentials.
     *
     * @return the default configuration
     */
    public static ProviderConfig defaults() {
        return builder().build();
    }

    /**
     * Reads the credentials from the process environment: every variable of
     * {@link #KNOWN_CREDENTIALS} that is set and not blank, and every variable of
     * {@link #KNOWN_SETTINGS} into its property.
     *
     * @return a configuration with those credentials and settings, and defaults otherwise
     */
    public static ProviderConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Like {@link #fromEnvironment()}, from the given variables instead of the process's.
     *
     * @param environment the variables to read
     * @return a configuration with those credentials and settings, and defaults otherwise
     */
    public static ProviderConfig fromEnvironment(Map<String, String> environment) {
        Builder.required(environment, "fromEnvironment", "environment", "the variables to read, such as System.getenv()");
        Builder builder = builder();
        for (String name : KNOWN_CREDENTIALS) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                builder.credential(name, Secret.of(value.strip()));
            }
        }
        KNOWN_SETTINGS.forEach((variable, property) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                builder.property(property, value.strip());
            }
        });
        return builder.build();
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this configuration's values, to derive a changed copy.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.baseUri = baseUri.orElse(null);
        b.credentials.putAll(credentials);
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.retryPolicy = retryPolicy;
        b.properties.putAll(properties);
        return b;
    }

    /**
     * The vendor endpoint to use instead of the provider's default, such as a simulator's.
     *
     * @return the override, if set
     */
    public Optional<URI> baseUri() {
        return baseUri;
    }

    /**
     * A credential by its environment variable name.
     *
     * @param name such as {@value #OPENAI_ADMIN_KEY}
     * @return the credential, if configured
     * @throws ProviderConfigurationException if the name is null
     */
    public Optional<Secret> credential(String name) {
        Builder.required(name, "credential", "name", "the credential's variable name, such as " + OPENAI_ADMIN_KEY);
        return Optional.ofNullable(credentials.get(name));
    }

    /**
     * A credential a provider cannot work without.
     *
     * @param name such as {@value #OPENAI_ADMIN_KEY}
     * @param providerId the provider that needs it, for the message
     * @return the credential
     * @throws ProviderConfigurationException naming the variable to set, if it is missing (or naming the
     *     parameter, if one is null)
     */
    public Secret requireCredential(String name, String providerId) {
        Builder.required(name, "requireCredential", "name", "the credential's variable name, such as " + OPENAI_ADMIN_KEY);
        Builder.required(providerId, "requireCredential", "providerId", "the id of the provider that needs it");
        Secret secret = credentials.get(name);
        if (secret == null) {
            throw new ProviderConfigurationException("The " + providerId + " provider needs the credential " + name
                    + ": set the environment variable " + name + " and use ProviderConfig.fromEnvironment(), or pass it with "
                    + "ProviderConfig.builder().credential(\"" + name + "\", Secret.of(...)).",
                    ErrorDetails.of(providerId), null);
        }
        return secret;
    }

    /** Masks every configured credential, for text core did not write itself (a factory's failure). */
    Redactor credentialRedactor() {
        return Redactor.of(credentials.values().stream().map(Secret::reveal).collect(Collectors.toList()));
    }

    /**
     * The time allowed to open a connection.
     *
     * @return the connect timeout
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * The time allowed for a response.
     *
     * @return the read timeout
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * How core retries failed calls.
     *
     * @return the retry policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Extra provider-specific settings.
     *
     * @return the properties, never null
     */
    public Map<String, String> properties() {
        return properties;
    }

    /**
     * A provider-specific setting.
     *
     * @param name the setting's name
     * @return its value, if set
     * @throws ProviderConfigurationException if the name is null
     */
    public Optional<String> property(String name) {
        Builder.required(name, "property", "name", "the setting's name");
        return Optional.ofNullable(properties.get(name));
    }

    /**
     * Shows the settings, but of the credentials and the provider-specific properties only their
     * names: a property's value may be a token too (an organisation id, a proxy password), and core
     * cannot tell which ones are safe to print.
     */
    @Override
    public String toString() {
        Map<String, String> shownCredentials = new TreeMap<>();
        credentials.keySet().forEach(name -> shownCredentials.put(name, "****"));
        return "ProviderConfig[baseUri=" + baseUri.map(URI::toString).orElse("(provider default)")
                + ", credentials=" + shownCredentials
                + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout
                + ", retryPolicy=" + retryPolicy
                + ", properties=" + new TreeSet<>(properties.keySet()) + "]";
    }

    /** Builds a {@link ProviderConfig}. */
    public static final class Builder {
        private URI baseUri;
        private final Map<String, Secret> credentials = new LinkedHashMap<>();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Overrides the vendor endpoint, for a proxy or a simulator.
         *
         * @param value the base URI, or null for the provider's default
         * @return this builder
         * @throws ProviderConfigurationException if the URI is not absolute http(s); the message says what
         *     is wrong without quoting the URI, which may hold a credential (set before or after it)
         */
        public Builder baseUri(URI value) {
            if (value != null && value.getRawUserInfo() != null) {
                throw new ProviderConfigurationException("The base URI must not carry credentials (user:password@); "
                        + "configure them with ProviderConfig.builder().credential(...) instead.");
            }
            if (value != null && (value.getScheme() == null || value.getHost() == null
                    || !(value.getScheme().equalsIgnoreCase("https") || value.getScheme().equalsIgnoreCase("http")))) {
                throw new ProviderConfigurationException("The base URI must be an absolute http(s) URI such as "
                        + "https://api.openai.com/v1; the one given " + whatIsWrong(value)
                        + " (it is not quoted here: it may hold a credential).");
            }
            if (value != null && (value.getRawQuery() != null || value.getRawFragment() != null)) {
                throw new ProviderConfigurationException("The base URI must be a plain endpoint such as "
                        + "https://api.openai.com/v1, without a query or fragment (not quoted here: a query may hold a token).");
            }
            this.baseUri = value;
            return this;
        }

        /**
         * Overrides the vendor endpoint.
         *
         * @param value the base URI, or null for the provider's default
         * @return this builder
         * @throws ProviderConfigurationException if the URI is malformed or not absolute http(s)
         */
        public Builder baseUri(String value) {
            if (value == null) {
                return baseUri((URI) null);
            }
            try {
                return baseUri(new URI(value.strip()));
            } catch (URISyntaxException e) {
                // Only the reason and position: the text itself might hold a credential.
                throw new ProviderConfigurationException("The base URI is malformed (" + e.getReason() + " at index "
                        + e.getIndex() + "); use an absolute http(s) URI such as https://api.openai.com/v1.");
            }
        }

        /**
         * Sets a credential.
         *
         * @param name its environment variable name, such as {@value #OPENAI_ADMIN_KEY}
         * @param secret the credential
         * @return this builder
         * @throws ProviderConfigurationException if either is null, naming which
         */
        public Builder credential(String name, Secret secret) {
            required(name, "credential", "name", "the credential's variable name, such as " + OPENAI_ADMIN_KEY);
            required(secret, "credential", "secret", "Secret.of(...) holding the credential " + name);
            credentials.put(name, secret);
            return this;
        }

        /**
         * Sets the time allowed to open a connection.
         *
         * @param value a positive duration
         * @return this builder
         * @throws ProviderConfigurationException if it is not positive
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /**
         * Sets the time allowed for a response.
         *
         * @param value a positive duration
         * @return this builder
         * @throws ProviderConfigurationException if it is not positive
         */
        public Builder readTimeout(Duration value) {
            this.readTimeout = positive(value, "readTimeout");
            return this;
        }

        /**
         * Sets how core retries failed calls.
         *
         * @param value the policy; {@link RetryPolicy#none()} to never retry
         * @return this builder
         * @throws ProviderConfigurationException if it is null
         */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = required(value, "retryPolicy", "value",
                    "a RetryPolicy: RetryPolicy.defaults(), or RetryPolicy.none() to never retry");
            return this;
        }

        /**
         * Sets a provider-specific setting.
         *
         * @param name the setting's name
         * @param value its value
         * @return this builder
         * @throws ProviderConfigurationException if either is null, naming which
         */
        public Builder property(String name, String value) {
            required(name, "property", "name", "the setting's name");
            required(value, "property", "value", "a value for the property " + name);
            properties.put(name, value);
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         */
        public ProviderConfig build() {
            return new ProviderConfig(this);
        }

        /** What is wrong with a base URI, in words that never repeat its text. */
        private static String whatIsWrong(URI value) {
            if (value.getScheme() == null) {
                return "has no scheme (http:// or https://)";
            }
            if (!(value.getScheme().equalsIgnoreCase("https") || value.getScheme().equalsIgnoreCase("http"))) {
                String scheme = value.getScheme().toLowerCase(java.util.Locale.ROOT);
                return List.of("ftp", "file", "ws", "wss", "mailto", "jar", "urn", "data", "ldap").contains(scheme)
                        ? "has the scheme " + scheme + ":, not http: or https:" : "has a scheme other than http: or https:";
            }
            return value.isOpaque() ? "is opaque (write it with //, as in https://host/path)" : "has no host";
        }

        /** A ProviderConfigurationException, not a bare NullPointerException, naming the missing parameter. */
        static <T> T required(T value, String method, String parameter, String expected) {
            if (value == null) {
                throw new ProviderConfigurationException("ProviderConfig: " + method + "(...) got null for its parameter '"
                        + parameter + "'; pass " + expected + ".");
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new ProviderConfigurationException(name + " must be a positive duration; got " + value + ".");
            }
            return value;
        }
    }
}
