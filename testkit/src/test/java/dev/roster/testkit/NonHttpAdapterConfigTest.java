package dev.roster.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.InvalidRequestException;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import dev.roster.Secret;
import dev.roster.spi.InvitationProviderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the README promises an adapter that does not speak HTTP (an SDK, an in-memory or database
 * backend): it is configured with properties and credentials alone, leaves {@code baseUri} unset,
 * and is loaded and wrapped in core's policy like any other.
 */
@DisplayName("An adapter without HTTP is configured by properties and credentials, without a base URI")
class NonHttpAdapterConfigTest {

    static final String ID = "memory-backed";
    static final String TOKEN = "MEMORY_BACKED_TOKEN";
    static final String REGION = "memory-backed.region";

    /** A non-HTTP adapter's factory, as the README shows it: it reads a property and a credential. */
    public static final class MemoryBackedFactory implements InvitationProviderFactory {
        /** Found by ServiceLoader. */
        public MemoryBackedFactory() {}

        @Override
        public String id() {
            return ID;
        }

        @Override
        public InvitationProvider create(ProviderConfig config) {
            config.requireCredential(TOKEN, ID);
            String region = config.property(REGION).orElseThrow(() -> new ProviderConfigurationException(
                    "The " + ID + " provider needs the property " + REGION + "."));
            if (!region.equals("eu-1")) {
                throw new ProviderConfigurationException("Unknown region for " + ID + ": " + region);
            }
            return new InMemoryInvitationProvider();
        }
    }

    @Test
    @DisplayName("loads by id from properties and a credential, and gets core's policy")
    void loadsWithoutBaseUri() {
        ProviderConfig config = ProviderConfig.builder()
                .property(REGION, "eu-1")
                .credential(TOKEN, Secret.of("tok-memory-backed-123"))
                .build();
        assertThat(config.baseUri()).isEmpty();
        assertThat(config.toString()).doesNotContain("tok-memory-backed-123");

        try (InvitationProvider provider = InvitationProviders.load(ID, config)) {
            Invitation sent = provider.invite(InvitationRequest.of("ada@example.com"));
            assertThat(provider.find(sent.id())).contains(sent);
            assertThatThrownBy(() -> provider.find("../etc"))
                    .as("core's policy checks input before the adapter sees it").isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    @DisplayName("a missing setting is the adapter's ProviderConfigurationException, naming it")
    void missingSetting() {
        ProviderConfig noRegion = ProviderConfig.builder().credential(TOKEN, Secret.of("tok-memory-backed-123")).build();
        assertThatThrownBy(() -> InvitationProviders.load(ID, noRegion))
                .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining(REGION);
        assertThatThrownBy(() -> InvitationProviders.load(ID, ProviderConfig.builder().property(REGION, "eu-1").build()))
                .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining(TOKEN);
    }
}
