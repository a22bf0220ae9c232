package dev.roster.openai;

import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.RetryPolicy;
import dev.roster.testkit.security.HostileInputContract;
import dev.roster.testkit.simulator.OpenAiSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("OpenAI: the hostile-input corpus")
class OpenAiHostileInputTest extends HostileInputContract {

    @RegisterExtension
    static final OpenAiSimulator openai = new OpenAiSimulator().validatedAgainstSpec();

    @Override
    protected InvitationProvider provider() {
        return InvitationProviders.load("openai", openai.config().toBuilder().retryPolicy(RetryPolicy.none()).build());
    }

    @Override
    protected VendorSimulator simulator() {
        return openai;
    }

    @Override
    protected Endpoints endpoints() {
        // findByEmail pages through the list: OpenAI has no server-side email filter.
        return new Endpoints("/v1/organization/invites", "limit", "after", Optional.empty());
    }

    @Override
    protected Optional<String> membersPath() {
        return Optional.of("/v1/organization/users");
    }
}
