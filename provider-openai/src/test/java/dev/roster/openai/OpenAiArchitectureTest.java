package dev.roster.openai;

import dev.roster.spi.InvitationProviderFactory;
import dev.roster.testkit.AdapterArchitectureContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The OpenAI adapter keeps to its place in the architecture")
class OpenAiArchitectureTest extends AdapterArchitectureContract {

    @Override
    protected Class<? extends InvitationProviderFactory> factory() {
        return OpenAiProviderFactory.class;
    }
}
