package dev.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.InvitationStatus;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The planner's decision table, as a pure function, every case")
class DecisionTableTest {

    /**
     * Every combination: the vendor's invitation (none, or its status) × same or different access ×
     * listed in the state or not × prune off or pending → the action, and whether a note says why
     * ("-" for no step at all). Written out by hand, so that the table is read, not recomputed.
     */
    private static final List<String> TABLE = List.of(
            // status   access     state     prune    -> action     note
            "none      same       listed    off      INVITE       no",
            "none      same       listed    pending  INVITE       no",
            "none      different  listed    off      INVITE       no",
            "none      different  listed    pending  INVITE       no",
            "none      same       unlisted  off      -            no",
            "none      same       unlisted  pending  -            no",
            "none      different  unlisted  off      -            no",
            "none      different  unlisted  pending  -            no",
            "REVOKED   same       listed    off      INVITE       no",
            "REVOKED   same       listed    pending  INVITE       no",
            "REVOKED   different  listed    off      INVITE       no",
            "REVOKED   different  listed    pending  INVITE       no",
            "REVOKED   same       unlisted  off      -            no",
            "REVOKED   same       unlisted  pending  -            no",
            "REVOKED   different  unlisted  off      -            no",
            "REVOKED   different  unlisted  pending  -            no",
            "EXPIRED   same       listed    off      REINVITE     no",
            "EXPIRED   same       listed    pending  REINVITE     no",
            "EXPIRED   different  listed    off      REINVITE     no",
            "EXPIRED   different  listed    pending  REINVITE     no",
            "EXPIRED   same       unlisted  off      -            no",
            "EXPIRED   same       unlisted  pending  -            no",
            "EXPIRED   different  unlisted  off      -            no",
            "EXPIRED   different  unlisted  pending  -            no",
            "PENDING   same       listed    off      UNCHANGED    no",
            "PENDING   same       listed    pending  UNCHANGED    no",
            "PENDING   different  listed    off      REPLACE      no",
            "PENDING   different  listed    pending  REPLACE      no",
            "PENDING   same       unlisted  off      -            no",
            "PENDING   same       unlisted  pending  REVOKE       no",
            "PENDING   different  unlisted  off      -            no",
            "PENDING   different  unlisted  pending  REVOKE       no",
            "ACCEPTED  same       listed    off      UNCHANGED    no",
            "ACCEPTED  same       listed    pending  UNCHANGED    no",
            "ACCEPTED  different  listed    off      UNCHANGED    yes",
            "ACCEPTED  different  listed    pending  UNCHANGED    yes",
            "ACCEPTED  same       unlisted  off      -            no",
            "ACCEPTED  same       unlisted  pending  UNCHANGED    yes",
            "ACCEPTED  different  unlisted  off      -            no",
            "ACCEPTED  different  unlisted  pending  UNCHANGED    yes",
            "UNKNOWN   same       listed    off      UNCHANGED    yes",
            "UNKNOWN   same       listed    pending  UNCHANGED    yes",
            "UNKNOWN   different  listed    off      UNCHANGED    yes",
            "UNKNOWN   different  listed    pending  UNCHANGED    yes",
            "UNKNOWN   same       unlisted  off      -            no",
            "UNKNOWN   same       unlisted  pending  UNCHANGED    yes",
            "UNKNOWN   different  unlisted  off      -            no",
            "UNKNOWN   different  unlisted  pending  UNCHANGED    yes");

    record Row(Optional<InvitationStatus> status, boolean same, boolean listed, Prune prune, Optional<Action> action,
               boolean note) {
        static Row parse(String line) {
            String[] c = line.trim().split("\\s+");
            return new Row(c[0].equals("none") ? Optional.empty() : Optional.of(InvitationStatus.valueOf(c[0])),
                    c[1].equals("same"), c[2].equals("listed"), c[3].equals("pending") ? Prune.PENDING : Prune.OFF,
                    c[4].equals("-") ? Optional.empty() : Optional.of(Action.valueOf(c[4])), c[5].equals("yes"));
        }

        @Override
        public String toString() {
            return status.map(Enum::name).orElse("no invitation") + ", " + (same ? "same" : "different") + " access, "
                    + (listed ? "listed" : "not listed") + ", prune " + prune + " -> "
                    + action.map(Enum::name).orElse("no step") + (note ? " with a note" : "");
        }
    }

    static Stream<Row> table() {
        return TABLE.stream().map(Row::parse);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    @DisplayName("decides as the table says")
    void decidesAsTheTableSays(Row row) {
        Optional<Decisions.Decision> decision = Decisions.decide(row.status(), row.listed(), row.same(), row.prune());

        assertThat(decision.map(Decisions.Decision::action)).as(row.toString()).isEqualTo(row.action());
        assertThat(decision.flatMap(Decisions.Decision::note).isPresent()).as("note for " + row).isEqualTo(row.note());
    }

    @Test
    @DisplayName("the table covers every status (and none) × access × listed × prune exactly once")
    void tableIsExhaustive() {
        Set<String> covered = new HashSet<>();
        table().forEach(r -> assertThat(covered.add(r.status() + "/" + r.same() + "/" + r.listed() + "/" + r.prune()))
                .as("duplicate row " + r).isTrue());
        int statuses = InvitationStatus.values().length + 1;
        assertThat(covered).hasSize(statuses * 2 * 2 * Prune.values().length);
        Arrays.stream(InvitationStatus.values()).forEach(s ->
                assertThat(table().filter(r -> r.status().equals(Optional.of(s)))).hasSize(8));
    }

    @Test
    @DisplayName("never revokes an accepted invitation, and never acts on an unknown status")
    void neverTouchesMembersOrTheUnknown() {
        for (InvitationStatus status : List.of(InvitationStatus.ACCEPTED, InvitationStatus.UNKNOWN)) {
            for (boolean listed : new boolean[] {true, false}) {
                for (boolean same : new boolean[] {true, false}) {
                    for (Prune prune : Prune.values()) {
                        Decisions.decide(Optional.of(status), listed, same, prune)
                                .ifPresent(d -> assertThat(d.action()).isEqualTo(Action.UNCHANGED));
                    }
                }
            }
        }
    }
}
