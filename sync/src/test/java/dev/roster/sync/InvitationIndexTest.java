package dev.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.Invitation;
import dev.roster.InvitationStatus;
import dev.roster.StandingInvitation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A connection's invitations indexed by email, as findByEmail chooses")
class InvitationIndexTest {

    private static Invitation invitation(String id, String email, InvitationStatus status, String createdAt) {
        return Invitation.builder().id(id).email(email).status(status).provider("test")
                .createdAt(createdAt == null ? null : Instant.parse(createdAt)).build();
    }

    @Test
    @DisplayName("the pending invitation stands for its address, whatever comes before or after it, case aside")
    void pendingFirst() {
        InvitationIndex index = InvitationIndex.of(List.of(
                invitation("1", "ada@example.com", InvitationStatus.EXPIRED, "2026-01-03T00:00:00Z"),
                invitation("2", "ADA@example.com", InvitationStatus.PENDING, "2026-01-01T00:00:00Z"),
                invitation("3", "ada@EXAMPLE.com", InvitationStatus.REVOKED, "2026-01-04T00:00:00Z")).iterator());

        assertThat(index.find("Ada@Example.com").map(Invitation::id)).contains("2");
        assertThat(index.all()).containsOnlyKeys("ada@example.com");
    }

    @Test
    @DisplayName("without a pending one, the newest stands for it; an unknown creation time counts as oldest")
    void newestOtherwise() {
        InvitationIndex index = InvitationIndex.of(List.of(
                invitation("1", "ada@example.com", InvitationStatus.REVOKED, "2026-01-05T00:00:00Z"),
                invitation("2", "ada@example.com", InvitationStatus.EXPIRED, "2026-01-02T00:00:00Z"),
                invitation("3", "ada@example.com", InvitationStatus.ACCEPTED, null),
                invitation("4", "bob@example.com", InvitationStatus.EXPIRED, null)).iterator());

        assertThat(index.find("ada@example.com").map(Invitation::id)).contains("1");
        assertThat(index.find("bob@example.com").map(Invitation::id)).contains("4");
        assertThat(index.find("cy@example.com")).isEmpty();
    }

    @Test
    @DisplayName("agrees with findByEmail's rule (StandingInvitation) in either listing order, ties going to the greater id")
    void sameRuleAsFindByEmail() {
        List<Invitation> listed = new ArrayList<>(List.of(
                invitation("inv-b", "ada@example.com", InvitationStatus.EXPIRED, "2026-01-02T00:00:00Z"),
                invitation("inv-c", "ada@example.com", InvitationStatus.REVOKED, "2026-01-02T00:00:00Z"),
                invitation("inv-a", "ada@example.com", InvitationStatus.ACCEPTED, "2026-01-02T00:00:00Z")));
        for (int turn = 0; turn < 2; turn++) {
            InvitationIndex index = InvitationIndex.of(listed.iterator());
            assertThat(index.find("ada@example.com").map(Invitation::id)).as("listed as %s", listed).contains("inv-c");
            assertThat(index.find("ada@example.com")).isEqualTo(StandingInvitation.in(listed.stream(), "ada@example.com"));
            Collections.reverse(listed);
        }
    }
}
