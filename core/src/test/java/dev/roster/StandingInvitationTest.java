package dev.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("StandingInvitation: which invitation stands for an email address")
class StandingInvitationTest {

    private static final Instant JANUARY = Instant.parse("2025-01-15T10:00:00Z");
    private static final Instant MARCH = Instant.parse("2025-03-15T10:00:00Z");
    private static final String ADA = "ada@example.com";

    private static Invitation invitation(String id, InvitationStatus status, Instant createdAt) {
        return invitation(id, ADA, status, createdAt);
    }

    private static Invitation invitation(String id, String email, InvitationStatus status, Instant createdAt) {
        return Invitation.builder().id(id).email(email).status(status).createdAt(createdAt).provider("fake").build();
    }

    /** Every status, with a creation time in January, in March or none, twice (ids unique, as a vendor's are): 30 invitations. */
    private static List<Invitation> grid() {
        List<Invitation> all = new ArrayList<>();
        int n = 0;
        for (InvitationStatus status : InvitationStatus.values()) {
            for (Instant at : new Instant[] {JANUARY, MARCH, null}) {
                for (int copy = 0; copy < 2; copy++) {
                    all.add(invitation(String.format("inv_%02d", (n++ * 7) % 30), status, at));
                }
            }
        }
        return all;
    }

    @Nested
    @DisplayName("of two invitations")
    class OfTwo {

        @Test
        @DisplayName("pending beats accepted, expired, revoked and unknown, even when it is older or has no creation time")
        void pendingBeatsEveryOtherStatus() {
            for (InvitationStatus other : List.of(InvitationStatus.ACCEPTED, InvitationStatus.EXPIRED, InvitationStatus.REVOKED,
                    InvitationStatus.UNKNOWN)) {
                for (Instant pendingAt : new Instant[] {JANUARY, null}) {
                    Invitation pending = invitation("inv_a", InvitationStatus.PENDING, pendingAt);
                    Invitation newer = invitation("inv_z", other, MARCH);
                    assertThat(StandingInvitation.of(pending, newer)).as("pending vs newer %s", other).isSameAs(pending);
                    assertThat(StandingInvitation.of(newer, pending)).as("newer %s vs pending", other).isSameAs(pending);
                }
            }
        }

        @Test
        @DisplayName("without a pending one, the most recently created wins, whatever the statuses")
        void newestAmongTheRest() {
            List<InvitationStatus> rest = List.of(InvitationStatus.ACCEPTED, InvitationStatus.EXPIRED, InvitationStatus.REVOKED,
                    InvitationStatus.UNKNOWN);
            for (InvitationStatus older : rest) {
                for (InvitationStatus newer : rest) {
                    Invitation january = invitation("inv_z", older, JANUARY);
                    Invitation march = invitation("inv_a", newer, MARCH);
                    assertThat(StandingInvitation.of(january, march)).as("%s in January vs %s in March", older, newer).isSameAs(march);
                    assertThat(StandingInvitation.of(march, january)).as("%s in March vs %s in January", newer, older).isSameAs(march);
                }
            }
        }

        @Test
        @DisplayName("of two pending ones (a vendor that allowed a duplicate), the most recently created wins")
        void newestOfTwoPending() {
            Invitation january = invitation("inv_z", InvitationStatus.PENDING, JANUARY);
            Invitation march = invitation("inv_a", InvitationStatus.PENDING, MARCH);
            assertThat(StandingInvitation.of(january, march)).isSameAs(march);
            assertThat(StandingInvitation.of(march, january)).isSameAs(march);
        }

        @Test
        @DisplayName("a missing creation time counts as older than any known one")
        void missingCreatedAtIsOldest() {
            Invitation unknownTime = invitation("inv_z", InvitationStatus.EXPIRED, null);
            Invitation january = invitation("inv_a", InvitationStatus.EXPIRED, JANUARY);
            assertThat(StandingInvitation.of(unknownTime, january)).isSameAs(january);
            assertThat(StandingInvitation.of(january, unknownTime)).isSameAs(january);
        }

        @Test
        @DisplayName("equal creation times, or none on either, go to the greater id, whichever comes first")
        void tiesGoToTheGreaterId() {
            for (InvitationStatus status : List.of(InvitationStatus.PENDING, InvitationStatus.EXPIRED)) {
                for (Instant at : new Instant[] {JANUARY, null}) {
                    Invitation a = invitation("inv_a", status, at);
                    Invitation b = invitation("inv_b", status, at);
                    assertThat(StandingInvitation.of(a, b)).as("%s at %s", status, at).isSameAs(b);
                    assertThat(StandingInvitation.of(b, a)).as("%s at %s, reversed", status, at).isSameAs(b);
                }
            }
        }

        @Test
        @DisplayName("every pair of 30 invitations (each status × January, March, none × two ids) follows the rule, both ways round")
        void exhaustive() {
            List<Invitation> grid = grid();
            assertThat(grid).hasSize(InvitationStatus.values().length * 3 * 2);
            for (Invitation x : grid) {
                for (Invitation y : grid) {
                    Invitation expected;
                    if (x.isPending() != y.isPending()) {
                        expected = x.isPending() ? x : y;
                    } else if (!x.createdAt().equals(y.createdAt())) {
                        Instant xa = x.createdAt().orElse(Instant.MIN);
                        Instant ya = y.createdAt().orElse(Instant.MIN);
                        expected = xa.isAfter(ya) ? x : y;
                    } else {
                        expected = x.id().compareTo(y.id()) >= 0 ? x : y;
                    }
                    assertThat(StandingInvitation.of(x, y)).as("of(%s, %s)", x, y).isEqualTo(expected);
                    assertThat(StandingInvitation.of(y, x)).as("of(%s, %s)", y, x).isEqualTo(expected);
                    assertThat(StandingInvitation.order().compare(x, y) >= 0 ? x : y).as("order() on %s, %s", x, y)
                            .isEqualTo(expected);
                }
            }
        }

        @Test
        @DisplayName("a null is an InvalidRequestException naming which")
        void nulls() {
            Invitation a = invitation("inv_a", InvitationStatus.PENDING, JANUARY);
            assertThatThrownBy(() -> StandingInvitation.of(null, a)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("first");
            assertThatThrownBy(() -> StandingInvitation.of(a, null)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("second");
        }
    }

    @Nested
    @DisplayName("in a stream")
    class InAStream {

        @Test
        @DisplayName("matches the address trimmed and ignoring case, and ignores other addresses")
        void caseInsensitive() {
            Invitation other = invitation("inv_other", "grace@example.com", InvitationStatus.PENDING, MARCH);
            Invitation shouted = invitation("inv_ada", " ADA@Example.COM ", InvitationStatus.EXPIRED, JANUARY);
            assertThat(StandingInvitation.in(Stream.of(other, shouted), "Ada@example.com")).contains(shouted);
            assertThat(StandingInvitation.in(Stream.of(other), ADA)).isEmpty();
            assertThat(StandingInvitation.in(Stream.empty(), ADA)).isEmpty();
        }

        @Test
        @DisplayName("stops at the first pending match, reading nothing after it")
        void stopsAtFirstPending() {
            Invitation expired = invitation("inv_old", InvitationStatus.EXPIRED, MARCH);
            Invitation pending = invitation("inv_p", InvitationStatus.PENDING, JANUARY);
            Stream<Invitation> listed = Stream.concat(Stream.of(expired, pending),
                    Stream.generate(() -> { throw new AssertionError("read past the pending invitation"); }));
            assertThat(StandingInvitation.in(listed, ADA)).contains(pending);
        }

        @Test
        @DisplayName("without a pending match, picks by the rule whatever the vendor's order (every permutation)")
        void orderIndependentWithoutPending() {
            List<Invitation> candidates = List.of(
                    invitation("inv_a", InvitationStatus.EXPIRED, JANUARY),
                    invitation("inv_b", InvitationStatus.REVOKED, MARCH),
                    invitation("inv_c", InvitationStatus.ACCEPTED, MARCH),
                    invitation("inv_d", InvitationStatus.UNKNOWN, null),
                    invitation("inv_e", "grace@example.com", InvitationStatus.EXPIRED, MARCH.plusSeconds(1)));
            Random random = new Random(13);
            for (int round = 0; round < 200; round++) {
                List<Invitation> shuffled = new ArrayList<>(candidates);
                Collections.shuffle(shuffled, random);
                Optional<Invitation> found = StandingInvitation.in(shuffled.stream(), ADA);
                assertThat(found).as("in %s", shuffled).map(Invitation::id).contains("inv_c");
            }
        }

        @Test
        @DisplayName("a null is an InvalidRequestException naming which")
        void nulls() {
            assertThatThrownBy(() -> StandingInvitation.in(null, ADA)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("invitations");
            assertThatThrownBy(() -> StandingInvitation.in(Stream.empty(), null)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("email");
        }
    }
}
