package dev.roster.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.RetryPolicy;
import dev.roster.testkit.simulator.OpenAiSimulator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a lookup by address costs at OpenAI, whose invites list has no email filter: a walk of every
 * page up to the invitation, unless the adapter has already seen it pending ({@link PendingInvites}).
 */
@DisplayName("OpenAI: a re-invite of an address the adapter has seen costs one find, not a walk of every page")
class ReinviteCostTest {

    private static final int INVITED = 250; // three pages of 100

    @RegisterExtension
    static final OpenAiSimulator openai = new OpenAiSimulator().validatedAgainstSpec();

    private InvitationProvider seeding;

    @BeforeEach
    void invite() {
        seeding = InvitationProviders.load("openai", openai.config());
        for (int i = 0; i < INVITED; i++) {
            seeding.invite(InvitationRequest.of("person" + i + "@example.com"));
        }
        openai.server().resetRequests();
    }

    private InvitationProvider fresh() {
        return InvitationProviders.load("openai", openai.config().toBuilder().retryPolicy(RetryPolicy.none()).build());
    }

    @Test
    @DisplayName("a client that has not seen the address walks the pages up to it, and a second lookup reads it once")
    void walksOnceThenFinds() {
        InvitationProvider client = fresh();
        String last = "person" + (INVITED - 1) + "@example.com";

        Invitation walked = client.findByEmail(last).orElseThrow();
        int walk = openai.requestCount();
        Invitation again = client.findByEmail(last.toUpperCase(java.util.Locale.ROOT)).orElseThrow();

        assertThat(walk).as("pages read by the first lookup").isEqualTo(3);
        assertThat(openai.requestCount() - walk).as("requests for the second lookup: one find").isEqualTo(1);
        assertThat(again.id()).isEqualTo(walked.id());
    }

    @Test
    @DisplayName("after a listing, a re-invite through core's policy is the refused create and one find")
    void reinviteAfterListing() {
        InvitationProvider client = InvitationProviders.load("openai", openai.config());
        assertThat(client.stream().collect(Collectors.toList())).hasSize(INVITED);
        int listed = openai.requestCount();

        Invitation reinvited = client.invite(InvitationRequest.of("person" + (INVITED - 1) + "@example.com"));

        assertThat(openai.requestCount() - listed).as("the 409 and one find").isEqualTo(2);
        assertThat(reinvited.isPending()).isTrue();
        assertThat(openai.invitationsCreatedByEmail().get("person" + (INVITED - 1) + "@example.com")).isEqualTo(1);
    }

    @Test
    @DisplayName("an invitation remembered as pending that was since revoked is not answered: the pages are walked again")
    void staleHintIsWalkedPast() {
        InvitationProvider client = fresh();
        String address = "person7@example.com";
        Invitation first = client.findByEmail(address).orElseThrow();
        seeding.revoke(first.id());
        Invitation second = seeding.invite(InvitationRequest.of(address));
        openai.server().resetRequests();

        Invitation found = client.findByEmail(address).orElseThrow();

        assertThat(found.id()).isEqualTo(second.id()).isNotEqualTo(first.id());
        assertThat(openai.requestCount()).as("the stale find, then the walk of three pages").isEqualTo(4);
    }
}
