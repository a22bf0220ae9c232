package dev.roster.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.PageRequest;
import dev.roster.ProviderConfigurationException;
import dev.roster.testkit.simulator.OpenAiSimulator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A closed OpenAI provider")
class ClosedProviderTest {

    @RegisterExtension
    static final OpenAiSimulator OPENAI = new OpenAiSimulator().validatedAgainstSpec();

    @Test
    @DisplayName("refuses every call, saying to load a new one, and sends nothing")
    void refusesCalls() {
        InvitationProvider provider = InvitationProviders.load("openai", OPENAI.config());
        provider.close();

        assertThatThrownBy(() -> provider.invite(InvitationRequest.of("ada@example.com")))
                .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("closed; load a new one");
        assertThatThrownBy(() -> provider.find("invite-1")).isInstanceOf(ProviderConfigurationException.class);
        assertThatThrownBy(() -> provider.list(PageRequest.first(10))).isInstanceOf(ProviderConfigurationException.class);
        assertThatThrownBy(() -> provider.revoke("invite-1")).isInstanceOf(ProviderConfigurationException.class);
        assertThat(OPENAI.requestCount()).isZero();
    }
}
