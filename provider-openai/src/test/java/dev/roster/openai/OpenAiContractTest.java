package dev.roster.openai;

import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.testkit.InvitationProviderContract;
import dev.roster.testkit.VendorControl;
import dev.roster.testkit.simulator.OpenAiSimulator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The OpenAI adapter meets the contract against OpenAiSimulator, every exchange following OpenAI's spec")
class OpenAiContractTest extends InvitationProviderContract {

    @RegisterExtension
    static final OpenAiSimulator OPENAI = new OpenAiSimulator().validatedAgainstSpec();

    @Override
    protected InvitationProvider provider() {
        return InvitationProviders.load("openai", OPENAI.config());
    }

    @Override
    protected InvitationProvider newProvider() {
        return InvitationProviders.load("openai", OPENAI.config());
    }

    @Override
    protected VendorControl vendor() {
        return OPENAI;
    }
}
