package dev.roster.sync;

import dev.roster.InvitationStatus;
import java.util.Optional;

/**
 * The planner's decision table, as a pure function: what to do for one person at one connection,
 * given the invitation the vendor shows for them (if any), whether the state lists them there,
 * whether that invitation carries what the state asks for, and the connection's prune setting.
 */
final class Decisions {

    static final String MEMBER_DIFFERS = "already a member, with another role or other projects than the state "
            + "asks for; Roster does not change a member's access";
    static final String UNKNOWN_STATUS = "the vendor reports a status Roster does not know; left alone rather "
            + "than acted on blindly";
    static final String MEMBER_NOT_IN_STATE = "a member not listed here; Roster never removes members";
    static final String UNKNOWN_NOT_IN_STATE = "not listed here, with a status Roster does not know; not revoked";

    /** An action and what people should know about it. */
    record Decision(Action action, Optional<String> note) {
        static Decision of(Action action) {
            return new Decision(action, Optional.empty());
        }

        static Decision unchanged(String note) {
            return new Decision(Action.UNCHANGED, Optional.of(note));
        }
    }

    private Decisions() {}

    /**
     * Decides.
     *
     * @param status the status of the invitation the vendor shows for the person (the pending one if
     *     any, else the newest), or empty if none
     * @param inState whether the state lists the person at this connection
     * @param sameAccess whether that invitation carries the role and projects the state asks for
     *     (meaningless without an invitation or when not in the state)
     * @param prune the connection's prune setting
     * @return the decision, or empty when the plan has nothing to say (someone not in the state whose
     *     invitation is none of its business)
     */
    static Optional<Decision> decide(Optional<InvitationStatus> status, boolean inState, boolean sameAccess, Prune prune) {
        if (inState) {
            return Optional.of(forListed(status, sameAccess));
        }
        return prune == Prune.PENDING ? forUnlisted(status) : Optional.empty();
    }

    private static Decision forListed(Optional<InvitationStatus> status, boolean sameAccess) {
        if (status.isEmpty()) {
            return Decision.of(Action.INVITE);
        }
        return switch (status.get()) {
            case REVOKED -> Decision.of(Action.INVITE);
            case EXPIRED -> Decision.of(Action.REINVITE);
            case PENDING -> Decision.of(sameAccess ? Action.UNCHANGED : Action.REPLACE);
            case ACCEPTED -> sameAccess ? Decision.of(Action.UNCHANGED) : Decision.unchanged(MEMBER_DIFFERS);
            case UNKNOWN -> Decision.unchanged(UNKNOWN_STATUS);
        };
    }

    private static Optional<Decision> forUnlisted(Optional<InvitationStatus> status) {
        return status.flatMap(present -> switch (present) {
            case PENDING -> Optional.of(Decision.of(Action.REVOKE));
            case ACCEPTED -> Optional.of(Decision.unchanged(MEMBER_NOT_IN_STATE));
            case UNKNOWN -> Optional.of(Decision.unchanged(UNKNOWN_NOT_IN_STATE));
            case EXPIRED, REVOKED -> Optional.empty();
        });
    }
}
