package dev.roster.github;

import dev.roster.Capabilities;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.ProjectGrant;
import dev.roster.testkit.InvitationProviderContract;
import dev.roster.testkit.VendorControl;
import dev.roster.testkit.simulator.GitHubSimulator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The GitHub adapter meets the contract against GitHubSimulator, every exchange following GitHub's description")
class GitHubContractTest extends InvitationProviderContract {

    @RegisterExtension
    static final GitHubSimulator GITHUB = new GitHubSimulator().validatedAgainstSpec();

    @Override
    protected InvitationProvider provider() {
        return InvitationProviders.load("github", GITHUB.config());
    }

    @Override
    protected InvitationProvider newProvider() {
        return InvitationProviders.load("github", GITHUB.config());
    }

    @Override
    protected VendorControl vendor() {
        return GITHUB;
    }

    /** GitHub's project grants are teams, by numeric id: one the simulated organization has. */
    @Override
    protected List<ProjectGrant> sampleProjects(Capabilities capabilities) {
        return List.of(ProjectGrant.of("12", "member"));
    }
}
