package dev.roster.confluent;

import dev.roster.testkit.reliability.ReliabilityContract;
import dev.roster.testkit.simulator.ConfluentSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The Confluent Cloud adapter survives every fault, 16 threads and a rate limit, against ConfluentSimulator")
class ConfluentReliabilityTest extends ReliabilityContract {

    @Override
    protected VendorSimulator newSimulator() {
        return new ConfluentSimulator().validatedAgainstSpec();
    }

    @Override
    protected String providerId() {
        return ConfluentCloud.ID;
    }
}
