package dev.roster.internal;

import static dev.roster.fixtures.TestInvitations.FEBRUARY;
import static dev.roster.fixtures.TestInvitations.JANUARY;
import static dev.roster.fixtures.TestInvitations.invitation;
import static dev.roster.fixtures.TestInvitations.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.roster.Capabilities;
import dev.roster.ConflictException;
import dev.roster.ConflictException.Reason;
import dev.roster.ErrorDetails;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.ProviderConfig;
import dev.roster.RetryPolicy;
import dev.roster.ProviderUnavailableException;
import dev.roster.fixtures.RecordingProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Inviting an email that already has a pending invitation answers with that invitation. */
@DisplayName("The policy's idempotent invite")
class IdempotentInviteTest {

    private final RecordingProvider adapter = new RecordingProvider(Capabilities.builder().roles("reader", "owner").build());
    // Retries off: what a retry does with an unknown outcome is RetryingAttemptsTest's subject.
    private final InvitationProvider policy = InvitationProviders.withPolicy(adapter,
            ProviderConfig.builder().retryPolicy(RetryPolicy.none()).build());

    @Test
    @DisplayName("returns what the adapter created, without looking anything up")
    void plainInvite() {
        Invitation created = pending("inv_new", "ada@example.com");
        adapter.onInvite(request -> created);

        assertThat(policy.invite(InvitationRequest.of("ada@example.com"))).isSameAs(created);
        assertThat(adapter.calls()).containsExactly("invite ada@example.com");
    }

    @Test
    @DisplayName("answers an 'already invited' conflict with the pending invitation, as it is")
    void alreadyInvited() {
        Invitation existing = pending("inv_old", "Ada@Example.com").toBuilder().role("owner").build();
        adapter.onInvite(request -> {
            throw new ConflictException(Reason.ALREADY_INVITED, "already invited");
        }).holding(invitation("inv_x", "bob@example.com", InvitationStatus.PENDING, JANUARY), existing);

        Invitation answer = policy.invite(InvitationRequest.builder(" ada@example.com ").role("reader").build());

        assertThat(answer).isSameAs(existing);
        assertThat(adapter.calls()).containsExactly("invite ada@example.com", "findByEmail ada@example.com", "list");
    }

    @Test
    @DisplayName("answers an unexplained conflict with the pending invitation too, when there is one")
    void otherConflictWithPendingInvitation() {
        Invitation existing = pending("inv_old", "ada@example.com");
        adapter.onInvite(request -> {
            throw new ConflictException(Reason.OTHER, "409");
        }).holding(existing);

        assertThat(policy.invite(InvitationRequest.of("ada@example.com"))).isSameAs(existing);
    }

    @Test
    @DisplayName("looks up the invitation a conflict names with one find, and scans nothing")
    void namedInvitationIsFoundWithoutAScan() {
        Invitation existing = pending("inv_old", "Ada@Example.com");
        adapter.onInvite(request -> {
            throw new ConflictException(Reason.ALREADY_INVITED, "already invited", ErrorDetails.none(), null, "inv_old");
        }).holding(existing).finding(existing);

        assertThat(policy.invite(InvitationRequest.of("ada@example.com"))).isSameAs(existing);
        assertThat(adapter.calls()).containsExactly("invite ada@example.com", "find inv_old");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gone", "other address", "expired", "../steer"})
    @DisplayName("ignores a named invitation it cannot use (gone, another address's, not pending, not an id) and scans")
    void unusableNamedInvitationFallsBackToTheScan(String flaw) {
        Invitation existing = pending("inv_old", "ada@example.com");
        String named = flaw.equals("../steer") ? "../steer" : "inv_named";
        if (flaw.equals("other address")) {
            adapter.finding(pending("inv_named", "bob@example.com"));
        } else if (flaw.equals("expired")) {
            adapter.finding(invitation("inv_named", "ada@example.com", InvitationStatus.EXPIRED, FEBRUARY));
        }
        adapter.onInvite(request -> {
            throw new ConflictException(Reason.ALREADY_INVITED, "already invited", ErrorDetails.none(), null, named);
        }).holding(existing);

        assertThat(policy.invite(InvitationRequest.of("ada@example.com"))).isSameAs(existing);
        List<String> expected = new ArrayList<>(List.of("invite ada@example.com"));
        if (!flaw.equals("../steer")) {
            expected.add("find inv_named");
        }
        expected.addAll(List.of("findByEmail ada@example.com", "list"));
        assertThat(adapter.calls()).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Reason.class, names = {"ALREADY_MEMBER", "ACCEPTED_CANNOT_BE_REVOKED"})
    @DisplayName("rethrows a conflict that a pending invitation cannot answer, without looking anything up")
    void otherReasonsAreRethrown(Reason reason) {
        ConflictException conflict = new ConflictException(reason, "no");
        adapter.onInvite(request -> {
            throw conflict;
        }).holding(pending("inv_old", "ada@example.com"));

        assertThat(catchThrowable(() -> policy.invite(InvitationRequest.of("ada@example.com")))).isSameAs(conflict);
        assertThat(adapter.calls()).containsExactly("invite ada@example.com");
    }

    @Test
    @DisplayName("rethrows the conflict when the email's only invitations are no longer pending")
    void onlyNonPendingInvitations() {
        ConflictException conflict = new ConflictException(Reason.ALREADY_INVITED, "already invited");
        adapter.onInvite(request -> {
            throw conflict;
        }).holding(
                invitation("inv_1", "ada@example.com", InvitationStatus.ACCEPTED, JANUARY),
                invitation("inv_2", "ada@example.com", InvitationStatus.EXPIRED, FEBRUARY));

        assertThat(catchThrowable(() -> policy.invite(InvitationRequest.of("ada@example.com")))).isSameAs(conflict);
        assertThat(adapter.calls()).containsExactly("invite ada@example.com", "findByEmail ada@example.com", "list");
    }

    @Test
    @DisplayName("rethrows the conflict when the email has no invitation at all")
    void noInvitation() {
        ConflictException conflict = new ConflictException(Reason.ALREADY_INVITED, "already invited");
        adapter.onInvite(request -> {
            throw conflict;
        }).holding(pending("inv_1", "bob@example.com"));

        assertThat(catchThrowable(() -> policy.invite(InvitationRequest.of("ada@example.com")))).isSameAs(conflict);
    }

    @Test
    @DisplayName("with retries off, lets other failures through untouched, without looking anything up")
    void otherFailures() {
        ProviderUnavailableException down = new ProviderUnavailableException("503");
        adapter.onInvite(request -> {
            throw down;
        });

        assertThat(catchThrowable(() -> policy.invite(InvitationRequest.of("ada@example.com")))).isSameAs(down);
        assertThat(adapter.calls()).containsExactly("invite ada@example.com");
    }

    @Test
    @DisplayName("with retries on, adopts the invitation a failed create made instead of sending it again")
    void unknownOutcomeAdoptsCreatedInvitation() {
        InvitationProvider retrying = InvitationProviders.withPolicy(adapter, ProviderConfig.builder()
                .retryPolicy(new RetryPolicy(3, java.time.Duration.ZERO, java.time.Duration.ZERO, java.time.Duration.ZERO))
                .build());
        adapter.onInvite(request -> {
            adapter.holding(pending("inv_1", "ada@example.com"));
            throw new ProviderUnavailableException("reset after the vendor acted");
        });

        Invitation result = retrying.invite(InvitationRequest.of("ada@example.com"));

        assertThat(result.id()).isEqualTo("inv_1");
        assertThat(adapter.calls()).filteredOn(call -> call.startsWith("invite")).hasSize(1);
    }
}
