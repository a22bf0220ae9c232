package dev.roster.confluent;

import dev.roster.testkit.reliability.MemberReliabilityContract;
import dev.roster.testkit.simulator.ConfluentSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The Confluent Cloud adapter removes and offboards through every fault, against ConfluentSimulator")
class ConfluentMemberReliabilityTest extends MemberReliabilityContract {

    @Override
    protected VendorSimulator newSimulator() {
        return new ConfluentSimulator().validatedAgainstSpec();
    }

    @Override
    protected String providerId() {
        return ConfluentCloud.ID;
    }
}
