package dev.roster.github;

import dev.roster.testkit.reliability.MemberReliabilityContract;
import dev.roster.testkit.simulator.GitHubSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The GitHub adapter removes members by login and offboards through every fault, against GitHubSimulator")
class GitHubMemberReliabilityTest extends MemberReliabilityContract {

    @Override
    protected VendorSimulator newSimulator() {
        return new GitHubSimulator().validatedAgainstSpec();
    }

    @Override
    protected String providerId() {
        return GitHubProviderFactory.ID;
    }
}
