package dev.roster.confluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.Capabilities;
import dev.roster.InvalidRequestException;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import dev.roster.Secret;
import dev.roster.UnsupportedCapabilityException;
import dev.roster.testkit.simulator.ConfluentSimulator;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Loading Confluent Cloud: discovery, configuration and capabilities")
class ConfluentProviderSetupTest {

    @RegisterExtension
    static final ConfluentSimulator confluent = new ConfluentSimulator().validatedAgainstSpec();

    @Test
    @DisplayName("is found on the class path as 'confluent' and created from the environment's variables")
    void discovery() {
        assertThat(InvitationProviders.available()).contains("confluent");
        ProviderConfig fromEnvironment = ProviderConfig.fromEnvironment(Map.of(
                "CONFLUENT_CLOUD_API_KEY", "KEY", "CONFLUENT_CLOUD_API_SECRET", "SECRET"));
        try (InvitationProvider provider = InvitationProviders.load("confluent", fromEnvironment)) {
            assertThat(provider.info().id()).isEqualTo("confluent");
            assertThat(provider.info().displayName()).isEqualTo("Confluent Cloud");
        }
        assertThat(confluent.requestCount()).as("creating a provider makes no request").isZero();
    }

    @Test
    @DisplayName("declares no roles, no projects, auth_type LOCAL|SSO, pages of 100 and no revoking accepted invitations")
    void capabilities() {
        try (InvitationProvider provider = InvitationProviders.load("confluent", confluent.config())) {
            Capabilities caps = provider.info().capabilities();
            assertThat(caps.supportsRoles()).isFalse();
            assertThat(caps.defaultRole()).isEmpty();
            assertThat(caps.projectGrants()).isFalse();
            assertThat(caps.revokeAccepted()).isFalse();
            assertThat(caps.maxPageSize()).isEqualTo(100);
            assertThat(caps.vendorAttributes()).containsOnlyKeys("auth_type");
            assertThat(caps.vendorAttributes().get("auth_type")).containsExactlyInAnyOrder("AUTH_TYPE_LOCAL", "AUTH_TYPE_SSO");
        }
    }

    @Test
    @DisplayName("rejects a role before any request, saying Confluent takes none at invitation time")
    void roleRejected() {
        try (InvitationProvider provider = InvitationProviders.load("confluent", confluent.config())) {
            assertThatThrownBy(() -> provider.invite(InvitationRequest.builder("ada@example.com").role("admin").build()))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("The Confluent Cloud provider takes no role at invitation time")
                    .hasMessageContaining("'admin'")
                    .hasMessageContaining("Leave the role out");
        }
        assertThat(confluent.requestCount()).isZero();
    }

    @Test
    @DisplayName("rejects an auth_type Confluent does not have, before any request, and sends a valid one")
    void authType() {
        try (InvitationProvider provider = InvitationProviders.load("confluent", confluent.config())) {
            assertThatThrownBy(() -> provider.invite(InvitationRequest.builder("ada@example.com")
                    .attribute(ConfluentCloud.AUTH_TYPE, "AUTH_TYPE_PASSWORD").build()))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("AUTH_TYPE_LOCAL").hasMessageContaining("AUTH_TYPE_SSO");
            assertThat(confluent.requestCount()).isZero();

            assertThat(provider.invite(InvitationRequest.builder("ada@example.com")
                    .attribute(ConfluentCloud.AUTH_TYPE, ConfluentCloud.AUTH_TYPE_SSO).build()).attributes())
                    .containsEntry(ConfluentCloud.AUTH_TYPE, "AUTH_TYPE_SSO");
        }
    }

    @Test
    @DisplayName("names the missing credential")
    void missingCredentials() {
        ProviderConfig noSecret = ProviderConfig.builder()
                .credential(ProviderConfig.CONFLUENT_CLOUD_API_KEY, Secret.of("KEY")).build();
        assertThatThrownBy(() -> InvitationProviders.load("confluent", ProviderConfig.defaults()))
                .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("CONFLUENT_CLOUD_API_KEY");
        assertThatThrownBy(() -> InvitationProviders.load("confluent", noSecret))
                .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("CONFLUENT_CLOUD_API_SECRET");
    }

    @Test
    @DisplayName("refuses plain http to another machine, which would send the key unencrypted")
    void plainHttpRefused() {
        ProviderConfig remote = confluent.config().toBuilder().baseUri("http://api.confluent.cloud").build();
        assertThatThrownBy(() -> InvitationProviders.load("confluent", remote))
                .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("unencrypted");
        ProviderConfig tls = confluent.config().toBuilder().baseUri("https://proxy.example.com/confluent/").build();
        InvitationProviders.load("confluent", tls).close();
    }

    @Test
    @DisplayName("refuses an unknown HTTP log level, naming the property")
    void badLogLevel() {
        ProviderConfig config = confluent.config().toBuilder().property(ConfluentCloud.HTTP_LOG_PROPERTY, "LOUD").build();
        assertThatThrownBy(() -> InvitationProviders.load("confluent", config))
                .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("confluent.httpLogLevel");
    }

    @Test
    @DisplayName("refuses calls after close")
    void closed() {
        InvitationProvider provider = InvitationProviders.load("confluent", confluent.config());
        provider.close();
        assertThatThrownBy(() -> provider.find("i-1")).isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("closed");
    }
}
