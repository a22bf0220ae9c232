package dev.roster.github;

import dev.roster.spi.InvitationProviderFactory;
import dev.roster.testkit.AdapterArchitectureContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The GitHub adapter keeps to its place in the architecture")
class GitHubArchitectureTest extends AdapterArchitectureContract {

    @Override
    protected Class<? extends InvitationProviderFactory> factory() {
        return GitHubProviderFactory.class;
    }
}
