package dev.roster.testkit.architecture.bad;

import dev.roster.InvitationProvider;
import dev.roster.ProviderConfig;
import dev.roster.spi.InvitationProviderFactory;
import dev.roster.testkit.InMemoryInvitationProvider;

/** Breaks every rule: reaches into the testkit, uses a library it did not declare, makes a helper public. */
public final class BadFactory implements InvitationProviderFactory {

    @Override
    public String id() {
        return "bad";
    }

    @Override
    public InvitationProvider create(ProviderConfig config) {
        return new InMemoryInvitationProvider();
    }
}
