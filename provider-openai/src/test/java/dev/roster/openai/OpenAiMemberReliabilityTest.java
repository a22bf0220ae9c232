package dev.roster.openai;

import dev.roster.testkit.reliability.MemberReliabilityContract;
import dev.roster.testkit.simulator.OpenAiSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The OpenAI adapter removes and offboards through every fault, against OpenAiSimulator")
class OpenAiMemberReliabilityTest extends MemberReliabilityContract {

    @Override
    protected VendorSimulator newSimulator() {
        return new OpenAiSimulator().validatedAgainstSpec();
    }

    @Override
    protected String providerId() {
        return OpenAiProviderFactory.ID;
    }
}
