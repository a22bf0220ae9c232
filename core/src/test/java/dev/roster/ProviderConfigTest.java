package dev.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ProviderConfig settings")
class ProviderConfigTest {

    @Test
    @DisplayName("has no base URI, no credentials, 10 s / 30 s timeouts and the default retries by default")
    void defaults() {
        ProviderConfig config = ProviderConfig.defaults();

        assertThat(config.baseUri()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(config.properties()).isEmpty();
        assertThat(config.toString()).contains("(provider default)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://api.openai.com/v1", "http://localhost:8089", " https://api.confluent.cloud "})
    @DisplayName("accepts an absolute http(s) base URI")
    void acceptsHttpUris(String uri) {
        assertThat(ProviderConfig.builder().baseUri(uri).build().baseUri()).contains(URI.create(uri.strip()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ftp://example.com/v1", "file:///etc/passwd", "mailto:ada@example.com", "/v1/organization",
            "api.openai.com/v1", "javascript:alert(1)", "https:///no-host", "http://exa mple.com"})
    @DisplayName("refuses a base URI that is not absolute http(s), naming it")
    void refusesOtherUris(String uri) {
        assertThatThrownBy(() -> ProviderConfig.builder().baseUri(uri))
                .isExactlyInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("base URI");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sk-admin-Quoted0Key9", "sk-admin-Quoted0Key9:x", "https:sk-admin-Quoted0Key9",
            "ftp://sk-admin-Quoted0Key9/v1", "https://vendor.example/sk-admin-Quoted0Key9 ^{}", "sk-admin-Quoted0Key9.example/v1",
            "https://vendor.example/v1?token=sk-admin-Quoted0Key9", "https://vendor.example/v1#sk-admin-Quoted0Key9"})
    @DisplayName("never quotes a refused base URI, which may be (or hold) a credential set before or after it")
    void refusedBaseUriNotQuoted(String uri) {
        String key = "sk-admin-Quoted0Key9";
        ProviderConfig.Builder keyFirst = ProviderConfig.builder().credential(ProviderConfig.OPENAI_ADMIN_KEY, Secret.of(key));
        List<Runnable> settings = new java.util.ArrayList<>(List.of(() -> keyFirst.baseUri(uri),
                () -> ProviderConfig.builder().baseUri(uri)));
        if (!uri.contains(" ")) {
            settings.add(() -> ProviderConfig.builder().baseUri(URI.create(uri)));
        }
        for (Runnable setting : settings) {
            assertThatThrownBy(setting::run).isExactlyInstanceOf(ProviderConfigurationException.class)
                    .hasMessageContaining("base URI").hasMessageNotContaining("Quoted0Key9");
        }
    }

    @Test
    @DisplayName("lets a null base URI mean the provider's default")
    void nullBaseUri() {
        ProviderConfig config = ProviderConfig.builder().baseUri("https://example.com").baseUri((String) null).build();

        assertThat(config.baseUri()).isEmpty();
    }

    @Test
    @DisplayName("refuses a timeout that is not positive")
    void timeouts() {
        ProviderConfig.Builder builder = ProviderConfig.builder();

        assertThatThrownBy(() -> builder.connectTimeout(Duration.ZERO)).isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> builder.readTimeout(Duration.ofSeconds(-1))).isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> builder.readTimeout(null)).isInstanceOf(ProviderConfigurationException.class);
        assertThat(builder.readTimeout(Duration.ofMillis(1)).build().readTimeout()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    @DisplayName("refuses nulls with a configuration error naming the method and parameter, not a NullPointerException")
    void nullsAreConfigurationErrors() {
        ProviderConfig.Builder builder = ProviderConfig.builder();

        assertThatThrownBy(() -> builder.credential(null, Secret.of("x")))
                .isExactlyInstanceOf(ProviderConfigurationException.class).hasMessageContaining("credential(...)")
                .hasMessageContaining("'name'");
        assertThatThrownBy(() -> builder.credential(ProviderConfig.OPENAI_ADMIN_KEY, null))
                .isExactlyInstanceOf(ProviderConfigurationException.class).hasMessageContaining("credential(...)")
                .hasMessageContaining("'secret'").hasMessageContaining(ProviderConfig.OPENAI_ADMIN_KEY);
        assertThatThrownBy(() -> builder.property(null, "v"))
                .isExactlyInstanceOf(ProviderConfigurationException.class).hasMessageContaining("property(...)")
                .hasMessageContaining("'name'");
        assertThatThrownBy(() -> builder.property("organization", null))
                .isExactlyInstanceOf(ProviderConfigurationException.class).hasMessageContaining("property(...)")
                .hasMessageContaining("'value'").hasMessageContaining("organization");
        assertThatThrownBy(() -> builder.retryPolicy(null))
                .isExactlyInstanceOf(ProviderConfigurationException.class).hasMessageContaining("retryPolicy(...)")
                .hasMessageContaining("RetryPolicy.none()");
        assertThatThrownBy(() -> ProviderConfig.fromEnvironment(null))
                .isExactlyInstanceOf(ProviderConfigurationException.class).hasMessageContaining("'environment'");
        assertThat(builder.build().credential(ProviderConfig.OPENAI_ADMIN_KEY)).isEmpty();
        assertThat(builder.build().properties()).isEmpty();
    }

    @Test
    @DisplayName("prints the names of credentials and properties, never their values")
    void toStringShowsNamesOnly() {
        ProviderConfig config = ProviderConfig.builder()
                .credential(ProviderConfig.OPENAI_ADMIN_KEY, Secret.of("sk-admin-credential-value"))
                .property("proxyPassword", "hunter2-property-value")
                .property("organization", "org-property-value")
                .build();

        assertThat(config.toString())
                .contains(ProviderConfig.OPENAI_ADMIN_KEY, "proxyPassword", "organization")
                .contains("properties=[organization, proxyPassword]")
                .doesNotContain("credential-value", "property-value", "hunter2");
    }

    @Test
    @DisplayName("keeps provider-specific properties, and copies are independent")
    void properties() {
        ProviderConfig original = ProviderConfig.builder().property("organization", "org-1").build();
        ProviderConfig copy = original.toBuilder().property("organization", "org-2").retryPolicy(RetryPolicy.none()).build();

        assertThat(original.property("organization")).contains("org-1");
        assertThat(original.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(copy.property("organization")).contains("org-2");
        assertThat(copy.retryPolicy()).isEqualTo(RetryPolicy.none());
        assertThat(original.property("missing")).isEmpty();
    }

    @Test
    @DisplayName("reads GITHUB_TOKEN as a credential and GITHUB_ORG into the property github.org, ignoring blank values")
    void githubFromEnvironment() {
        ProviderConfig config = ProviderConfig.fromEnvironment(Map.of(ProviderConfig.GITHUB_TOKEN, " ghp_example-token ",
                ProviderConfig.GITHUB_ORG, " acme "));

        assertThat(config.credential(ProviderConfig.GITHUB_TOKEN).map(Secret::reveal)).contains("ghp_example-token");
        assertThat(config.property("github.org")).contains("acme");
        assertThat(config.toString()).doesNotContain("ghp_example-token");
        assertThat(ProviderConfig.fromEnvironment(Map.of(ProviderConfig.GITHUB_ORG, "  ")).properties()).isEmpty();
        assertThat(ProviderConfig.KNOWN_CREDENTIALS).contains(ProviderConfig.GITHUB_TOKEN);
    }
}
