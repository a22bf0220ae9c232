package dev.roster.github;

import dev.roster.testkit.GitHubSimulator;
import dev.roster.testkit.ReliabilityContract;
import dev.roster.testkit.VendorSimulator;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The GitHub adapter survives every fault, 16 threads and a rate limit, against GitHubSimulator")
class GitHubReliabilityTest extends ReliabilityContract {

    @Override
    protected VendorSimulator newSimulator() {
        return new GitHubSimulator().validatedAgainstSpec();
    }

    @Override
    protected String providerId() {
        return GitHubProviderFactory.ID;
    }
}
