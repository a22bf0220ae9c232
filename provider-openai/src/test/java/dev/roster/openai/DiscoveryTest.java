package dev.roster.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import dev.roster.Secret;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Applications find the OpenAI provider by its id, configured safely")
class DiscoveryTest {

    private static final Secret KEY = Secret.of("sk-admin-discovery-test");

    @Test
    @DisplayName("is registered with ServiceLoader as 'openai'")
    void registered() {
        assertThat(InvitationProviders.available()).contains("openai");
        try (InvitationProvider openai = InvitationProviders.load("openai", ProviderConfig.fromEnvironment(
                Map.of(ProviderConfig.OPENAI_ADMIN_KEY, "sk-admin-from-env")))) {
            assertThat(openai.info().id()).isEqualTo("openai");
            assertThat(openai.info().displayName()).isEqualTo("OpenAI");
            assertThat(openai.toString()).doesNotContain("sk-admin");
        }
    }

    @Test
    @DisplayName("talks to https://api.openai.com/v1 unless told otherwise")
    void defaultBaseUri() {
        assertThat(OpenAiHttp.baseUri(ProviderConfig.defaults())).hasToString("https://api.openai.com/v1");
    }

    @Test
    @DisplayName("names the missing admin key and how to set it")
    void missingKey() {
        assertThatThrownBy(() -> InvitationProviders.load("openai", ProviderConfig.defaults()))
                .isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("OPENAI_ADMIN_KEY");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://api.openai.com/v1", "http://10.0.0.5:8080/v1", "http://localhost.evil.example/v1",
        "https://user:pw@api.openai.com/v1", "https://api.openai.com/v1?x=1"})
    @DisplayName("refuses a base URI that would expose the key")
    void unsafeBaseUri(String uri) {
        assertThatThrownBy(() -> InvitationProviders.load("openai",
                        ProviderConfig.builder().baseUri(uri).credential(ProviderConfig.OPENAI_ADMIN_KEY, KEY).build()))
                .isInstanceOf(ProviderConfigurationException.class)
                .hasMessageNotContaining("pw");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://127.0.0.1:1/v1", "http://localhost:1/v1", "http://[::1]:1/v1", "https://proxy.example/openai/v1/"})
    @DisplayName("accepts https anywhere and plain http to loopback")
    void safeBaseUri(String uri) {
        ProviderConfig config = ProviderConfig.builder().baseUri(uri).credential(ProviderConfig.OPENAI_ADMIN_KEY, KEY).build();
        InvitationProviders.load("openai", config).close();
    }

    @Test
    @DisplayName("names Roster and its build version in the User-Agent")
    void userAgent() {
        assertThat(OpenAiHttp.userAgent()).matches("roster/[0-9][0-9A-Za-z.-]* \\(provider-openai\\)").doesNotContain("unknown");
    }
}
