package dev.roster.github;

import dev.roster.testkit.reliability.ReliabilityContract;
import dev.roster.testkit.simulator.GitHubSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
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

    /**
     * GitHub has no endpoint to read one invitation, so each find and revoke pages through the lists:
     * 100 operations per thread (256 invitations) keep the mix without 8,000 page walks.
     */
    @Override
    protected int operationsPerThread() {
        return 100;
    }
}
