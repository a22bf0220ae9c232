package dev.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.fixtures.AlphaFactory;
import dev.roster.fixtures.AlphaTwinFactory;
import dev.roster.fixtures.CapturingLoggerFinder;
import dev.roster.fixtures.LeakyCreateFactory;
import dev.roster.fixtures.ProviderJars;
import dev.roster.internal.PolicyInvitationProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Discovery through {@link java.util.ServiceLoader}. Every case builds its own class path with
 * {@link ProviderJars}, so it sees exactly the test factories it names.
 */
@DisplayName("InvitationProviders")
class InvitationProvidersTest {

    private static final ProviderConfig CONFIG = ProviderConfig.builder().property("display", "Configured").build();
    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    @BeforeEach
    void forgetEarlierLogs() {
        CapturingLoggerFinder.clear();
    }

    @Nested
    @DisplayName("load(id, config)")
    class LoadById {

        @Test
        @DisplayName("returns the provider with that id, created with the given config and wrapped in core's policy")
        void loadsTheNamedProvider() {
            InvitationProvider provider = InvitationProviders.load("beta", CONFIG, ProviderJars.of("alpha", "beta"));

            assertThat(provider).isInstanceOf(PolicyInvitationProvider.class);
            assertThat(provider.info().id()).isEqualTo("beta");
            assertThat(provider.info().displayName()).isEqualTo("Configured");
        }

        @Test
        @DisplayName("ignores whitespace around the id")
        void stripsTheId() {
            assertThat(InvitationProviders.load("  alpha\n", CONFIG, ProviderJars.of("alpha")).info().id()).isEqualTo("alpha");
        }

        @Test
        @DisplayName("fails for an unknown id, listing the providers present and the artifact to add")
        void unknownId() {
            assertThatThrownBy(() -> InvitationProviders.load("delta", CONFIG, ProviderJars.of("gamma", "alpha")))
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("'delta'")
                    .hasMessageContaining("Available: alpha, gamma.")
                    .hasMessageContaining("dev.roster:roster-provider-delta");
        }

        @Test
        @DisplayName("fails when no provider is on the class path at all, saying which artifacts exist")
        void noProviderAtAll() {
            assertThatThrownBy(() -> InvitationProviders.load("openai", CONFIG, ProviderJars.none()))
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("No provider is on the class path at all")
                    .hasMessageContaining("dev.roster:roster-provider-openai")
                    .hasMessageContaining("dev.roster:roster-provider-confluent");
        }

        @Test
        @DisplayName("fails for a null or blank id, listing the providers present")
        void missingId() {
            ProviderJars jars = ProviderJars.of("alpha");
            assertThatThrownBy(() -> InvitationProviders.load(null, CONFIG, jars))
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("got null")
                    .hasMessageContaining("Available: alpha.");
            assertThatThrownBy(() -> InvitationProviders.load(" ", CONFIG, jars))
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("blank");
        }

        @Test
        @DisplayName("fails for a null config before looking anything up")
        void nullConfig() {
            assertThatThrownBy(() -> InvitationProviders.load("alpha", null, ProviderJars.of("alpha")))
                    .isExactlyInstanceOf(ProviderConfigurationException.class)
                    .hasMessageContaining("ProviderConfig");
        }

        @Test
        @DisplayName("refuses an id claimed by two factories, naming both classes")
        void duplicateId() {
            assertThatThrownBy(() -> InvitationProviders.load("alpha", CONFIG, ProviderJars.of("alpha", "alpha-twin")))
                    .isExactlyInstanceOf(ProviderConfigurationException.class)
                    .hasMessageContaining("'alpha'")
                    .hasMessageContaining(AlphaFactory.class.getName())
                    .hasMessageContaining(AlphaTwinFactory.class.getName());
        }

        @Test
        @DisplayName("turns a non-Roster failure in create() into a ProviderConfigurationException that keeps the cause")
        void createThrowsForeignException() {
            ProviderConfigurationException e = catchThrowableOfType(ProviderConfigurationException.class,
                    () -> InvitationProviders.load("faulty", CONFIG, ProviderJars.of("faulty")));

            assertThat(e).isExactlyInstanceOf(ProviderConfigurationException.class)
                    .hasMessageContaining("'faulty'")
                    .hasMessageContaining("cannot reach the keystore")
                    .hasCauseInstanceOf(RuntimeException.class);
            assertThat(e.getCause()).hasToString("java.lang.IllegalStateException: faulty factory: cannot reach the keystore");
            assertThat(e.providerId()).contains("faulty");
        }

        @Test
        @DisplayName("masks the configured credentials in a failure from create(), in the message and the whole cause chain")
        void createFailureQuotingTheKeyIsRedacted() {
            String key = "sk-leaky-0123456789abcdef";
            ProviderConfig config = CONFIG.toBuilder().credential(LeakyCreateFactory.KEY, Secret.of(key)).build();

            ProviderConfigurationException e = catchThrowableOfType(ProviderConfigurationException.class,
                    () -> InvitationProviders.load("leaky", config, ProviderJars.of("leaky")));

            assertThat(e.getMessage()).contains("'leaky'", "could not validate key [redacted]").doesNotContain(key);
            assertThat(e.providerId()).contains("leaky");
            assertThat(everythingPrinted(e)).contains("IllegalStateException", "UncheckedIOException", "IOException",
                    "401 Unauthorized", "IllegalArgumentException", "key=[redacted]").doesNotContain(key);
        }

        @Test
        @DisplayName("masks the credentials in a Roster failure from create() too, reporting it as a configuration error")
        void rosterFailureQuotingTheKeyIsRedacted() {
            String key = "sk-leaky-fedcba9876543210";
            ProviderConfig config = CONFIG.toBuilder().credential(LeakyCreateFactory.KEY, Secret.of(key)).build();

            ProviderConfigurationException e = catchThrowableOfType(ProviderConfigurationException.class,
                    () -> InvitationProviders.load("leaky-roster", config, ProviderJars.of("leaky-roster")));

            assertThat(e.getMessage()).contains("'leaky-roster'", "refused the key [redacted]").doesNotContain(key);
            assertThat(everythingPrinted(e)).contains("AuthenticationException", "echo: [redacted]").doesNotContain(key);
        }

        private String everythingPrinted(Throwable failure) {
            StringWriter out = new StringWriter();
            failure.printStackTrace(new PrintWriter(out));
            return out.toString();
        }

        @Test
        @DisplayName("passes a Roster failure in create() through unchanged, so it still names the missing credential")
        void createThrowsRosterException() {
            assertThatThrownBy(() -> InvitationProviders.load("needs-key", CONFIG, ProviderJars.of("needs-key")))
                    .isExactlyInstanceOf(ProviderConfigurationException.class)
                    .hasMessageContaining("NEEDS_KEY_TOKEN")
                    .hasNoCause();
        }

        @Test
        @DisplayName("reports a factory whose create() returns null as a bug in that adapter")
        void createReturnsNull() {
            assertThatThrownBy(() -> InvitationProviders.load("null-create", CONFIG, ProviderJars.of("null-create")))
                    .isExactlyInstanceOf(ProviderConfigurationException.class)
                    .hasMessageContaining("returned no provider");
        }

        @Test
        @DisplayName("looks on the thread's context class loader when no loader is given")
        void usesTheContextClassLoader() {
            Thread thread = Thread.currentThread();
            ClassLoader saved = thread.getContextClassLoader();
            thread.setContextClassLoader(ProviderJars.of("gamma"));
            try {
                assertThat(InvitationProviders.available()).containsExactly("gamma");
                assertThat(InvitationProviders.load("gamma", CONFIG).info().id()).isEqualTo("gamma");
            } finally {
                thread.setContextClassLoader(saved);
            }
        }
    }

    @Nested
    @DisplayName("loadDefault(config)")
    class LoadDefault {

        @Test
        @DisplayName("returns the only provider on the class path, wrapped in core's policy")
        void theOnlyProvider() {
            InvitationProvider provider = loadDefault(null, NO_ENVIRONMENT, ProviderJars.of("alpha"));

            assertThat(provider).isInstanceOf(PolicyInvitationProvider.class);
            assertThat(provider.info().id()).isEqualTo("alpha");
            assertThat(provider.info().displayName()).isEqualTo("Configured");
        }

        @Test
        @DisplayName("refuses to guess among several, naming every id and both ways to choose")
        void severalAndNoneNamed() {
            assertThatThrownBy(() -> loadDefault(null, NO_ENVIRONMENT, ProviderJars.of("gamma", "alpha", "beta")))
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("alpha, beta, gamma")
                    .hasMessageContaining("ROSTER_PROVIDER=<id>")
                    .hasMessageContaining("-Droster.provider=<id>");
        }

        @Test
        @DisplayName("treats a blank ROSTER_PROVIDER as unset")
        void blankEnvironmentVariable() {
            assertThatThrownBy(() -> loadDefault(null, Map.of("ROSTER_PROVIDER", "  "), ProviderJars.of("alpha", "beta")))
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("Several Roster providers");
        }

        @Test
        @DisplayName("takes the provider named by the environment variable ROSTER_PROVIDER")
        void environmentVariableChooses() {
            InvitationProvider provider =
                    loadDefault(null, Map.of("ROSTER_PROVIDER", "beta"), ProviderJars.of("alpha", "beta", "gamma"));

            assertThat(provider.info().id()).isEqualTo("beta");
        }

        @Test
        @DisplayName("takes the provider named by the system property roster.provider")
        void systemPropertyChooses() {
            InvitationProvider provider = loadDefault("gamma", NO_ENVIRONMENT, ProviderJars.of("alpha", "beta", "gamma"));

            assertThat(provider.info().id()).isEqualTo("gamma");
        }

        @Test
        @DisplayName("lets the system property win over the environment variable")
        void systemPropertyWins() {
            InvitationProvider provider =
                    loadDefault("gamma", Map.of("ROSTER_PROVIDER", "beta"), ProviderJars.of("alpha", "beta", "gamma"));

            assertThat(provider.info().id()).isEqualTo("gamma");
        }

        @Test
        @DisplayName("fails when the named provider is not there, naming the artifact to add")
        void namedProviderMissing() {
            assertThatThrownBy(() -> loadDefault(null, Map.of("ROSTER_PROVIDER", "delta"), ProviderJars.of("alpha")))
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("Available: alpha.")
                    .hasMessageContaining("dev.roster:roster-provider-delta");
        }

        @Test
        @DisplayName("fails when there is no provider at all, naming the artifacts to add")
        void noProvider() {
            assertThatThrownBy(() -> loadDefault(null, NO_ENVIRONMENT, ProviderJars.none()))
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("No Roster provider is on the class path")
                    .hasMessageContaining("dev.roster:roster-provider-openai")
                    .hasMessageContaining("dev.roster:roster-provider-confluent");
        }

        @Test
        @DisplayName("fails for a null config")
        void nullConfig() {
            assertThatThrownBy(() -> InvitationProviders.loadDefault(null, ProviderJars.of("alpha"), name -> null))
                    .isExactlyInstanceOf(ProviderConfigurationException.class)
                    .hasMessageContaining("ProviderConfig");
        }
    }

    @Nested
    @DisplayName("a broken adapter")
    class BrokenAdapters {

        @Test
        @DisplayName("whose constructor throws is skipped, the others still load, and the failure is reported")
        void constructorThrows() {
            ProviderJars jars = ProviderJars.of("exploding", "alpha");

            assertThat(InvitationProviders.available(jars)).containsExactly("alpha");
            assertThat(InvitationProviders.load("alpha", CONFIG, jars).info().id()).isEqualTo("alpha");
            assertThatThrownBy(() -> InvitationProviders.load("exploding", CONFIG, jars))
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("Available: alpha.")
                    .hasMessageContaining("These failed to load")
                    .hasMessageContaining("ExplodingConstructorFactory")
                    .hasMessageContaining("exploding factory: static setup failed");
        }

        @Test
        @DisplayName("whose constructor throws is named when loadDefault finds nothing else")
        void constructorThrowsAndNothingElse() {
            assertThatThrownBy(() -> loadDefault(null, NO_ENVIRONMENT, ProviderJars.of("exploding")))
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("No Roster provider is on the class path")
                    .hasMessageContaining("exploding factory: static setup failed");
        }

        @Test
        @DisplayName("is logged as a warning")
        void failureIsLogged() {
            InvitationProviders.available(ProviderJars.of("exploding"));

            assertThat(CapturingLoggerFinder.entries()).singleElement().satisfies(entry -> {
                assertThat(entry.logger()).isEqualTo("dev.roster.InvitationProviders");
                assertThat(entry.level()).isEqualTo(System.Logger.Level.WARNING);
                assertThat(entry.message()).contains("ExplodingConstructorFactory");
            });
        }

        @Test
        @DisplayName("listed in a service file but not on the class path is skipped")
        void missingClass() {
            ProviderJars jars = ProviderJars.of("missing-class", "alpha");

            assertThat(InvitationProviders.available(jars)).containsExactly("alpha");
            assertThat(InvitationProviders.load("alpha", CONFIG, jars).info().id()).isEqualTo("alpha");
            assertThatThrownBy(() -> InvitationProviders.load("nosuch", CONFIG, jars))
                    .hasMessageContaining("dev.roster.fixtures.NoSuchFactory");
        }

        @Test
        @DisplayName("with a malformed service file does not hide the others")
        void malformedServiceFile() {
            assertThat(InvitationProviders.available(ProviderJars.of("malformed", "beta"))).containsExactly("beta");
        }

        @Test
        @DisplayName("whose id() throws is skipped and reported")
        void idThrows() {
            ProviderJars jars = ProviderJars.of("broken-id", "beta");

            assertThat(InvitationProviders.available(jars)).containsExactly("beta");
            assertThatThrownBy(() -> InvitationProviders.load("broken-id", CONFIG, jars))
                    .hasMessageContaining("BrokenIdFactory.id() failed")
                    .hasMessageContaining("no id today");
        }
    }

    @Nested
    @DisplayName("available()")
    class Available {

        @Test
        @DisplayName("lists the ids on the class path, sorted, whatever order the jars come in")
        void sortedIds() {
            assertThat(InvitationProviders.available(ProviderJars.of("gamma", "alpha", "beta")))
                    .containsExactly("alpha", "beta", "gamma");
        }

        @Test
        @DisplayName("lists an id claimed twice once")
        void duplicateListedOnce() {
            assertThat(InvitationProviders.available(ProviderJars.of("alpha", "alpha-twin"))).containsExactly("alpha");
        }

        @Test
        @DisplayName("is empty, not an error, when there is no provider")
        void empty() {
            assertThat(InvitationProviders.available(ProviderJars.none())).isEmpty();
        }

        @Test
        @DisplayName("cannot be modified by the caller")
        void unmodifiable() {
            assertThatThrownBy(() -> InvitationProviders.available(ProviderJars.of("alpha")).add("beta"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    /**
     * Calls loadDefault with the system property set to {@code property} (or cleared, if null) and
     * the given environment, restoring the property afterwards whatever happens.
     */
    private static InvitationProvider loadDefault(String property, Map<String, String> environment, ClassLoader jars) {
        return withProviderProperty(property, () -> InvitationProviders.loadDefault(CONFIG, jars, environment::get));
    }

    private static <T> T withProviderProperty(String value, Supplier<T> body) {
        String key = InvitationProviders.PROVIDER_SYSTEM_PROPERTY;
        String saved = System.getProperty(key);
        try {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
            return body.get();
        } finally {
            if (saved == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, saved);
            }
        }
    }
}
