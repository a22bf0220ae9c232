package dev.roster.confluent;

import dev.roster.InvitationProvider;
import dev.roster.ProviderConfig;
import dev.roster.confluent.internal.ConfluentInvitationProvider;
import dev.roster.spi.InvitationProviderFactory;

/**
 * Registers Confluent Cloud with {@link java.util.ServiceLoader} under the id {@value ConfluentCloud#ID}.
 * Applications do not call it: they use {@code InvitationProviders.load("confluent", config)}.
 */
public final class ConfluentProviderFactory implements InvitationProviderFactory {

    /** Constructs the factory; it does no work until {@link #create}. */
    public ConfluentProviderFactory() {
        // ServiceLoader needs a public no-argument constructor.
    }

    @Override
    public String id() {
        return ConfluentCloud.ID;
    }

    /**
     * Creates the adapter.
     *
     * @param config needs the credentials {@code CONFLUENT_CLOUD_API_KEY} and
     *     {@code CONFLUENT_CLOUD_API_SECRET}; its base URI (default {@value ConfluentCloud#DEFAULT_BASE_URI})
     *     and timeouts are honoured
     * @return the bare adapter (core wraps it in its policy)
     * @throws dev.roster.ProviderConfigurationException naming the missing credential
     */
    @Override
    public InvitationProvider create(ProviderConfig config) {
        return ConfluentInvitationProvider.create(config);
    }
}
