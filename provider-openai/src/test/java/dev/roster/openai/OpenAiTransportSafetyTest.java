package dev.roster.openai;

import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.ProviderConfig;
import dev.roster.Secret;
import dev.roster.testkit.openapi.OpenApiValidation;
import dev.roster.testkit.security.TransportSafetyContract;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

@DisplayName("OpenAI: the admin key stays on the configured, encrypted endpoint")
class OpenAiTransportSafetyTest extends TransportSafetyContract {

    @Override
    protected InvitationProvider provider(URI root) {
        return InvitationProviders.load("openai", ProviderConfig.builder()
                .baseUri(root + "/v1")
                .credential(ProviderConfig.OPENAI_ADMIN_KEY, Secret.of("sk-admin-transport-test-0000"))
                .build());
    }

    @Override
    protected Optional<OpenApiValidation> spec() {
        return Optional.of(Specs.openAi());
    }
}
