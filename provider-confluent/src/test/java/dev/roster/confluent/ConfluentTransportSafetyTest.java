package dev.roster.confluent;

import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.ProviderConfig;
import dev.roster.Secret;
import dev.roster.testkit.openapi.OpenApiValidation;
import dev.roster.testkit.security.TransportSafetyContract;
import dev.roster.testkit.simulator.ConfluentSimulator;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Confluent Cloud: the Basic credentials stay on the configured, encrypted endpoint")
class ConfluentTransportSafetyTest extends TransportSafetyContract {

    @Override
    protected InvitationProvider provider(URI root) {
        return InvitationProviders.load("confluent", ProviderConfig.builder()
                .baseUri(root)
                .credential(ProviderConfig.CONFLUENT_CLOUD_API_KEY, Secret.of("TRANSPORTKEY0001"))
                .credential(ProviderConfig.CONFLUENT_CLOUD_API_SECRET, Secret.of("transport+Secret/0001="))
                .build());
    }

    @Override
    protected Optional<OpenApiValidation> spec() {
        return Optional.of(ConfluentSimulator.specValidation());
    }
}
