package dev.roster.github;

import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.ProviderConfig;
import dev.roster.Secret;
import dev.roster.testkit.openapi.OpenApiValidation;
import dev.roster.testkit.security.TransportSafetyContract;
import dev.roster.testkit.simulator.GitHubSimulator;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

@DisplayName("GitHub: the token stays on the configured, encrypted endpoint")
class GitHubTransportSafetyTest extends TransportSafetyContract {

    @Override
    protected InvitationProvider provider(URI root) {
        return InvitationProviders.load("github", ProviderConfig.builder()
                .baseUri(root)
                .credential(ProviderConfig.GITHUB_TOKEN, Secret.of("ghp_transportTest000000000000000000000000"))
                .property(GitHubProviderFactory.ORG_PROPERTY, "roster-transport")
                .build());
    }

    /** GitHub's invitation ids are numbers: any other id is answered without a request. */
    @Override
    protected String sampleInvitationId() {
        return "1";
    }

    @Override
    protected Optional<OpenApiValidation> spec() {
        return Optional.of(GitHubSimulator.specValidation());
    }
}
