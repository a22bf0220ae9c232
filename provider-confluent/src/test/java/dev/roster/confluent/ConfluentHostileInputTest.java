package dev.roster.confluent;

import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.RetryPolicy;
import dev.roster.testkit.security.HostileInputContract;
import dev.roster.testkit.simulator.ConfluentSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Confluent Cloud: the hostile-input corpus")
class ConfluentHostileInputTest extends HostileInputContract {

    @RegisterExtension
    static final ConfluentSimulator confluent = new ConfluentSimulator().validatedAgainstSpec();

    @Override
    protected InvitationProvider provider() {
        return InvitationProviders.load("confluent", confluent.config().toBuilder().retryPolicy(RetryPolicy.none()).build());
    }

    @Override
    protected VendorSimulator simulator() {
        return confluent;
    }

    @Override
    protected Endpoints endpoints() {
        return new Endpoints("/iam/v2/invitations", "page_size", "page_token", Optional.of("email"),
                ConfluentCloud.MAX_PAGE_TOKEN_LENGTH);
    }

    @Override
    protected Optional<String> membersPath() {
        return Optional.of("/iam/v2/users");
    }
}
