package dev.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.InvitationStatus;
import dev.roster.sync.Decisions.Membership;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The planner's decision table, as a pure function, every case")
class DecisionTableTest {

    /**
     * Every combination: the vendor's invitation (none, or its status) × what the member list says
     * (not read: the provider cannot list members; none; a member; a protected member, i.e. a service
     * account) × same or different access × listed in the state or not × prune off, pending or members
     * → the action, and whether a note says why ("-" for no step at all). A cell may name several
     * values ({@code a|b}) or all of them ({@code *}); every combination must be covered exactly once.
     * Written out by hand, so that the table is read, not recomputed.
     */
    private static final List<String> TABLE = List.of(
            // status            member                    access     state     prune            -> action        note
            // A person the state lists: a member is in, whatever became of their invitation.
            "*                   member|protected          same       listed    *                   UNCHANGED     no",
            "*                   member|protected          different  listed    *                   UNCHANGED     yes",
            // ...otherwise their invitation decides.
            "none|REVOKED        not-read|none             *          listed    *                   INVITE        no",
            "EXPIRED             not-read|none             *          listed    *                   REINVITE      no",
            "PENDING             not-read|none             same       listed    *                   UNCHANGED     no",
            "PENDING             not-read|none             different  listed    *                   REPLACE       no",
            "ACCEPTED            not-read                  same       listed    *                   UNCHANGED     no",
            "ACCEPTED            not-read                  different  listed    *                   UNCHANGED     yes",
            "ACCEPTED            none                      *          listed    *                   INVITE        yes",
            "UNKNOWN             not-read|none             *          listed    *                   UNCHANGED     yes",
            // Someone the state does not list: nothing at all without an opt-in.
            "*                   *                         *          unlisted  off                 -             no",
            // prune: members removes members (never a service account), whatever their invitation.
            "*                   member                    *          unlisted  members             REMOVE_MEMBER no",
            "*                   protected                 *          unlisted  members             UNCHANGED     yes",
            // prune: pending, and prune: members for someone who is not a member: pending invitations only.
            "PENDING             *                         *          unlisted  pending             REVOKE        no",
            "PENDING             not-read|none             *          unlisted  members             REVOKE        no",
            "none|REVOKED|EXPIRED not-read|none            *          unlisted  pending|members     -             no",
            "none|REVOKED|EXPIRED member|protected         *          unlisted  pending             UNCHANGED     yes",
            "ACCEPTED            not-read                  *          unlisted  pending|members     UNCHANGED     yes",
            "ACCEPTED            none                      *          unlisted  pending|members     -             no",
            "ACCEPTED            member|protected          *          unlisted  pending             UNCHANGED     yes",
            "UNKNOWN             not-read|none             *          unlisted  pending|members     UNCHANGED     yes",
            "UNKNOWN             member|protected          *          unlisted  pending             UNCHANGED     yes");

    private static final List<String> STATUSES = Stream.concat(Stream.of("none"),
            Arrays.stream(InvitationStatus.values()).map(Enum::name)).toList();
    private static final List<String> MEMBERS = List.of("not-read", "none", "member", "protected");
    private static final List<String> ACCESS = List.of("same", "different");
    private static final List<String> STATE = List.of("listed", "unlisted");
    private static final List<String> PRUNE = List.of("off", "pending", "members");

    record Case(Optional<InvitationStatus> status, Membership member, boolean same, boolean listed, Prune prune,
                Optional<Action> action, boolean note, String line) {
        @Override
        public String toString() {
            return status.map(Enum::name).orElse("no invitation") + ", member " + member + ", "
                    + (same ? "same" : "different") + " access, " + (listed ? "listed" : "not listed") + ", prune "
                    + prune + " -> " + action.map(Enum::name).orElse("no step") + (note ? " with a note" : "");
        }

        String key() {
            return status + "/" + member + "/" + same + "/" + listed + "/" + prune;
        }
    }

    private static List<String> values(String cell, List<String> all) {
        if (cell.equals("*")) {
            return all;
        }
        List<String> named = List.of(cell.split("\\|"));
        assertThat(all).as("values of " + cell).containsAll(named);
        return named;
    }

    /** Every combination the table's rows stand for, each with the row it came from. */
    static Stream<Case> table() {
        List<Case> cases = new ArrayList<>();
        for (String line : TABLE) {
            String[] c = line.trim().split("\\s+");
            for (String status : values(c[0], STATUSES)) {
                for (String member : values(c[1], MEMBERS)) {
                    for (String access : values(c[2], ACCESS)) {
                        for (String state : values(c[3], STATE)) {
                            for (String prune : values(c[4], PRUNE)) {
                                cases.add(new Case(status.equals("none") ? Optional.empty()
                                        : Optional.of(InvitationStatus.valueOf(status)),
                                        Membership.valueOf(member.replace('-', '_').toUpperCase(Locale.ROOT)),
                                        access.equals("same"), state.equals("listed"),
                                        Prune.valueOf(prune.equals("off") ? "OFF" : prune.toUpperCase(Locale.ROOT)),
                                        c[5].equals("-") ? Optional.empty() : Optional.of(Action.valueOf(c[5])),
                                        c[6].equals("yes"), line.trim()));
                            }
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    @DisplayName("decides as the table says")
    void decidesAsTheTableSays(Case row) {
        Optional<Decisions.Decision> decision = Decisions.decide(row.status(), row.member(), row.listed(), row.same(),
                row.prune());

        assertThat(decision.map(Decisions.Decision::action)).as(row.toString()).isEqualTo(row.action());
        assertThat(decision.flatMap(Decisions.Decision::note).isPresent()).as("note for " + row).isEqualTo(row.note());
    }

    @Test
    @DisplayName("the table covers every status (and none) × member × access × listed × prune exactly once")
    void tableIsExhaustive() {
        Map<String, String> covered = new HashMap<>();
        table().forEach(r -> {
            String before = covered.put(r.key(), r.line());
            assertThat(before).as(r + " is covered by two rows:\n  " + before + "\n  " + r.line()).isNull();
        });
        assertThat(STATUSES).hasSize(InvitationStatus.values().length + 1);
        assertThat(MEMBERS).hasSize(Membership.values().length);
        assertThat(PRUNE).hasSize(Prune.values().length);
        assertThat(covered).hasSize(STATUSES.size() * MEMBERS.size() * ACCESS.size() * STATE.size() * PRUNE.size());
    }

    @Test
    @DisplayName("removes a member only at prune: members, never a service account; never acts on an unknown status")
    void membersOnlyWithTheOptIn() {
        table().filter(r -> r.action().equals(Optional.of(Action.REMOVE_MEMBER))).forEach(r -> {
            assertThat(r.prune()).as(r.toString()).isEqualTo(Prune.MEMBERS);
            assertThat(r.member()).as(r.toString()).isEqualTo(Membership.MEMBER);
            assertThat(r.listed()).as(r.toString()).isFalse();
        });
        for (Membership member : Membership.values()) {
            for (boolean listed : new boolean[] {true, false}) {
                for (boolean same : new boolean[] {true, false}) {
                    for (Prune prune : Prune.values()) {
                        Decisions.decide(Optional.of(InvitationStatus.UNKNOWN), member, listed, same, prune)
                                .filter(d -> !member.equals(Membership.MEMBER) || prune != Prune.MEMBERS || listed)
                                .ifPresent(d -> assertThat(d.action()).isEqualTo(Action.UNCHANGED));
                        if (prune != Prune.MEMBERS) {
                            Decisions.decide(Optional.of(InvitationStatus.ACCEPTED), member, listed, same, prune)
                                    .filter(d -> d.action() != Action.INVITE)
                                    .ifPresent(d -> assertThat(d.action()).as("accepted, " + member).isEqualTo(Action.UNCHANGED));
                        }
                    }
                }
            }
        }
    }
}
