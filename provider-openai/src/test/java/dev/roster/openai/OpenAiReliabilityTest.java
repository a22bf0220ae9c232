package dev.roster.openai;

import dev.roster.testkit.reliability.ReliabilityContract;
import dev.roster.testkit.simulator.OpenAiSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The OpenAI adapter survives every fault, 16 threads and a rate limit, against OpenAiSimulator")
class OpenAiReliabilityTest extends ReliabilityContract {

    @Override
    protected VendorSimulator newSimulator() {
        return new OpenAiSimulator().validatedAgainstSpec();
    }

    @Override
    protected String providerId() {
        return OpenAiProviderFactory.ID;
    }

    /** OpenAI's retry-after-ms can ask for a few milliseconds: prove they are waited out. */
    @Override
    protected Duration vendorRetryAfter() {
        return Duration.ofMillis(20);
    }
}
