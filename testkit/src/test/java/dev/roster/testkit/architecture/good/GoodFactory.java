package dev.roster.testkit.architecture.good;

import dev.roster.InvitationProvider;
import dev.roster.ProviderConfig;
import dev.roster.spi.InvitationProviderFactory;

/** A well-kept adapter: public factory, everything else package-private, core's API only. */
public final class GoodFactory implements InvitationProviderFactory {

    @Override
    public String id() {
        return "good";
    }

    @Override
    public InvitationProvider create(ProviderConfig config) {
        return Translator.provider();
    }
}
