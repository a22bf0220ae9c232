package dev.roster.confluent;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.testkit.simulator.ConfluentSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a re-invite costs at Confluent: its 409 names the pending invitation in {@code Location}, so
 * core reads that one invitation instead of listing, whatever the organisation holds.
 */
@DisplayName("A Confluent re-invite, through core's policy")
class ConfluentReinviteTest {

    @RegisterExtension
    static final ConfluentSimulator confluent = new ConfluentSimulator().validatedAgainstSpec();

    @Test
    @DisplayName("answers the 409 with the pending invitation it names, in one GET by id and no listing")
    void reinviteReadsTheNamedInvitation() {
        try (InvitationProvider provider = InvitationProviders.load("confluent", confluent.config())) {
            for (int i = 0; i < 30; i++) {
                provider.invite(InvitationRequest.of("person" + i + "@example.com"));
            }
            Invitation first = provider.invite(InvitationRequest.of("Ada@Example.com"));
            int before = confluent.server().getAllServeEvents().size();

            Invitation again = provider.invite(InvitationRequest.of("ada@example.com"));
            List<String> sent = requestsSince(before);

            assertThat(sent).containsExactly("POST /iam/v2/invitations", "GET /iam/v2/invitations/" + first.id());
            assertThat(again).isEqualTo(provider.find(first.id()).orElseThrow());
            assertThat(again.status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(confluent.invitationsCreatedByEmail()).containsEntry("ada@example.com", 1);
        }
    }

    /** The requests the simulator received after the first {@code before}, oldest first (WireMock lists newest first). */
    private static List<String> requestsSince(int before) {
        List<ServeEvent> newestFirst = confluent.server().getAllServeEvents();
        List<String> out = new ArrayList<>();
        for (ServeEvent e : newestFirst.subList(0, newestFirst.size() - before)) {
            out.add(0, e.getRequest().getMethod().value() + " " + e.getRequest().getUrl().replaceAll("\\?.*", ""));
        }
        return out;
    }
}
