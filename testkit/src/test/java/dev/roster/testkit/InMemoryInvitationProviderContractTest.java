package dev.roster.testkit;

import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.ProviderConfig;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory reference provider meets the contract")
class InMemoryInvitationProviderContractTest extends InvitationProviderContract {

    private final InMemoryInvitationProvider backend = new InMemoryInvitationProvider();

    @Override
    protected InvitationProvider provider() {
        return InvitationProviders.withPolicy(backend, ProviderConfig.defaults());
    }

    @Override
    protected InvitationProvider newProvider() {
        return InvitationProviders.withPolicy(new InMemoryInvitationProvider(), ProviderConfig.defaults());
    }

    @Override
    protected VendorControl vendor() {
        return backend;
    }
}
