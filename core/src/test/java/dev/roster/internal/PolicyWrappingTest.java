package dev.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.Capabilities;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import dev.roster.fixtures.RecordingProvider;
import dev.roster.fixtures.TestInvitations;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("InvitationProviders.withPolicy")
class PolicyWrappingTest {

    private final RecordingProvider adapter = new RecordingProvider(Capabilities.builder().build());

    @Test
    @DisplayName("wraps an adapter in core's policy, keeping the adapter's info")
    void wraps() {
        InvitationProvider wrapped = InvitationProviders.withPolicy(adapter, ProviderConfig.defaults());

        assertThat(wrapped).isInstanceOf(PolicyInvitationProvider.class).isNotSameAs(adapter);
        assertThat(wrapped.info()).isSameAs(adapter.info());
        assertThat(wrapped).hasToString("InvitationProvider[fake, with core policy]");
    }

    @Test
    @DisplayName("does not wrap a provider twice")
    void doesNotDoubleWrap() {
        InvitationProvider once = InvitationProviders.withPolicy(adapter, ProviderConfig.defaults());

        assertThat(InvitationProviders.withPolicy(once, ProviderConfig.defaults())).isSameAs(once);
    }

    @Test
    @DisplayName("hands the adapter's answers back unchanged")
    void delegates() {
        adapter.finding(TestInvitations.pending("inv_1", "ada@example.com"));
        InvitationProvider wrapped = InvitationProviders.withPolicy(adapter, ProviderConfig.defaults());

        assertThat(wrapped.find("inv_1")).contains(TestInvitations.pending("inv_1", "ada@example.com"));
        assertThat(wrapped.find("inv_2")).isEmpty();
    }

    @Test
    @DisplayName("closes the adapter when closed")
    void closes() {
        InvitationProviders.withPolicy(adapter, ProviderConfig.defaults()).close();

        assertThat(adapter.closed()).isTrue();
    }

    @Test
    @DisplayName("needs an adapter and a config")
    void needsArguments() {
        assertThatThrownBy(() -> InvitationProviders.withPolicy(null, ProviderConfig.defaults()))
                .isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("adapter");
        assertThatThrownBy(() -> InvitationProviders.withPolicy(adapter, null))
                .isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("ProviderConfig");
    }
}
