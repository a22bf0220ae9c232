package dev.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Credentials are kept as {@link Secret}s and never printed. */
@DisplayName("Credentials")
class SecretsTest {

    private static final String OPENAI_VALUE = "sk-admin-abc123DEF456";
    private static final String CONFLUENT_KEY_VALUE = "CKEY7XYZ";
    private static final String CONFLUENT_SECRET_VALUE = "cflt/secret+value==";

    @Nested
    @DisplayName("Secret")
    class Secrets {

        @Test
        @DisplayName("never shows its value in toString()")
        void redacted() {
            Secret secret = Secret.of(OPENAI_VALUE);

            assertThat(secret).hasToString("Secret[redacted]");
            assertThat(String.valueOf(secret)).doesNotContain(OPENAI_VALUE).doesNotContain("abc123");
        }

        @Test
        @DisplayName("gives the value only through reveal()")
        void reveal() {
            assertThat(Secret.of(OPENAI_VALUE).reveal()).isEqualTo(OPENAI_VALUE);
        }

        @Test
        @DisplayName("refuses an empty or blank value")
        void notEmpty() {
            assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(ProviderConfigurationException.class);
            assertThatThrownBy(() -> Secret.of("")).isInstanceOf(ProviderConfigurationException.class);
            assertThatThrownBy(() -> Secret.of(" \t")).isInstanceOf(ProviderConfigurationException.class);
        }
    }

    @Nested
    @DisplayName("ProviderConfig")
    class Config {

        @Test
        @DisplayName("shows the names of its credentials but never their values")
        void toStringHidesValues() {
            ProviderConfig config = ProviderConfig.builder()
                    .credential(ProviderConfig.OPENAI_ADMIN_KEY, Secret.of(OPENAI_VALUE))
                    .credential(ProviderConfig.CONFLUENT_CLOUD_API_SECRET, Secret.of(CONFLUENT_SECRET_VALUE))
                    .build();

            assertThat(config.toString())
                    .contains("OPENAI_ADMIN_KEY", "CONFLUENT_CLOUD_API_SECRET")
                    .doesNotContain(OPENAI_VALUE, CONFLUENT_SECRET_VALUE, "abc123");
        }

        @Test
        @DisplayName("reads the three vendor variables from an environment")
        void fromEnvironment() {
            ProviderConfig config = ProviderConfig.fromEnvironment(Map.of(
                    "OPENAI_ADMIN_KEY", OPENAI_VALUE,
                    "CONFLUENT_CLOUD_API_KEY", "  " + CONFLUENT_KEY_VALUE + "\n",
                    "CONFLUENT_CLOUD_API_SECRET", CONFLUENT_SECRET_VALUE,
                    "OPENAI_API_KEY", "sk-proj-not-an-admin-key",
                    "ROSTER_PROVIDER", "openai"));

            assertThat(config.credential("OPENAI_ADMIN_KEY")).map(Secret::reveal).contains(OPENAI_VALUE);
            assertThat(config.credential("CONFLUENT_CLOUD_API_KEY")).map(Secret::reveal).contains(CONFLUENT_KEY_VALUE);
            assertThat(config.credential("CONFLUENT_CLOUD_API_SECRET")).map(Secret::reveal).contains(CONFLUENT_SECRET_VALUE);
            assertThat(config.credential("OPENAI_API_KEY")).isEmpty();
            assertThat(config.toString()).doesNotContain("sk-proj").doesNotContain("ROSTER_PROVIDER");
        }

        @Test
        @DisplayName("ignores variables that are blank or missing")
        void ignoresBlanks() {
            Map<String, String> environment = new HashMap<>();
            environment.put("OPENAI_ADMIN_KEY", "   ");
            environment.put("CONFLUENT_CLOUD_API_KEY", "");
            environment.put("CONFLUENT_CLOUD_API_SECRET", null);

            ProviderConfig config = ProviderConfig.fromEnvironment(environment);

            assertThat(ProviderConfig.KNOWN_CREDENTIALS).allSatisfy(name -> assertThat(config.credential(name)).isEmpty());
        }

        @Test
        @DisplayName("names the missing variable and the provider when a required credential is absent")
        void requireCredential() {
            assertThatThrownBy(() -> ProviderConfig.defaults().requireCredential("OPENAI_ADMIN_KEY", "openai"))
                    .isInstanceOf(ProviderConfigurationException.class)
                    .hasMessageContaining("environment variable OPENAI_ADMIN_KEY")
                    .hasMessageContaining("openai")
                    .satisfies(e -> assertThat(((RosterException) e).providerId()).contains("openai"));
        }

        @Test
        @DisplayName("hands back a credential that is present")
        void requireCredentialPresent() {
            ProviderConfig config = ProviderConfig.fromEnvironment(Map.of("OPENAI_ADMIN_KEY", OPENAI_VALUE));

            assertThat(config.requireCredential("OPENAI_ADMIN_KEY", "openai").reveal()).isEqualTo(OPENAI_VALUE);
        }

        @Test
        @DisplayName("does not leak credentials through a derived copy")
        void toBuilderKeepsSecrets() {
            ProviderConfig config = ProviderConfig.fromEnvironment(Map.of("OPENAI_ADMIN_KEY", OPENAI_VALUE))
                    .toBuilder().property("region", "eu").build();

            assertThat(config.credential("OPENAI_ADMIN_KEY")).map(Secret::reveal).contains(OPENAI_VALUE);
            assertThat(config.toString()).contains("properties=[region]").doesNotContain(OPENAI_VALUE).doesNotContain("eu");
        }
    }
}
