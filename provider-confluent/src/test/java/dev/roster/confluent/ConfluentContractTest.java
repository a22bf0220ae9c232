package dev.roster.confluent;

import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.testkit.InvitationProviderContract;
import dev.roster.testkit.VendorControl;
import dev.roster.testkit.simulator.ConfluentSimulator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The Confluent Cloud adapter meets the contract against ConfluentSimulator, every exchange following "
        + "Confluent's spec")
class ConfluentContractTest extends InvitationProviderContract {

    @RegisterExtension
    static final ConfluentSimulator confluent = new ConfluentSimulator().validatedAgainstSpec();

    @Override
    protected InvitationProvider provider() {
        return InvitationProviders.load("confluent", confluent.config());
    }

    @Override
    protected InvitationProvider newProvider() {
        return InvitationProviders.load("confluent", confluent.config());
    }

    @Override
    protected VendorControl vendor() {
        return confluent;
    }
}
