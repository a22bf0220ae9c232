package dev.roster.sync;

import dev.roster.InvitationStatus;
import java.util.Optional;

/**
 * The planner's decision table, as a pure function: what to do for one person at one connection,
 * given the invitation the vendor shows for them (if any), what the connection's member list says
 * about them, whether the state lists them there, whether what they have carries what the state asks
 * for, and the connection's prune setting.
 */
final class Decisions {

    static final String MEMBER_DIFFERS = "already a member, with another role or other projects than the state "
            + "asks for; Roster does not change a member's access";
    static final String UNKNOWN_STATUS = "the vendor reports a status Roster does not know; left alone rather "
            + "than acted on blindly";
    static final String MEMBER_NOT_IN_STATE = "a member not listed here; left alone (only prune: members removes "
            + "members)";
    static final String ACCEPTED_NOT_IN_STATE = "accepted (a member) and not listed here; Roster never removes "
            + "members this vendor cannot list";
    static final String UNKNOWN_NOT_IN_STATE = "not listed here, with a status Roster does not know; not revoked";
    static final String NO_LONGER_MEMBER = "accepted earlier, but no longer a member: invited again";
    static final String PROTECTED = "a service account; Roster never prunes one";

    /** What the connection's member list says about the person. */
    enum Membership {
        /** The connection's members were not read (its provider cannot list them): invitations alone decide. */
        NOT_READ,
        /** Members were read, and none has the address. */
        NONE,
        /** A member has the address. */
        MEMBER,
        /** A member has the address, and may never be pruned (a service account). */
        PROTECTED;

        boolean present() {
            return this == MEMBER || this == PROTECTED;
        }
    }

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
     * @param member what the connection's member list says about the address
     * @param inState whether the state lists the person at this connection
     * @param sameAccess whether what they have (a member's, else the invitation's) carries the role and
     *     projects the state asks for (meaningless without either, or when not in the state)
     * @param prune the connection's prune setting
     * @return the decision, or empty when the plan has nothing to say (someone not in the state whose
     *     invitation or membership is none of its business)
     */
    static Optional<Decision> decide(Optional<InvitationStatus> status, Membership member, boolean inState,
                                     boolean sameAccess, Prune prune) {
        if (inState) {
            return Optional.of(forListed(status, member, sameAccess));
        }
        return forUnlisted(status, member, prune);
    }

    private static Decision forListed(Optional<InvitationStatus> status, Membership member, boolean sameAccess) {
        if (member.present()) {
            // A member is in: whatever became of their invitation (accepted long ago, since deleted).
            return sameAccess ? Decision.of(Action.UNCHANGED) : Decision.unchanged(MEMBER_DIFFERS);
        }
        if (status.isEmpty()) {
            return Decision.of(Action.INVITE);
        }
        return switch (status.get()) {
            case REVOKED -> Decision.of(Action.INVITE);
            case EXPIRED -> Decision.of(Action.REINVITE);
            case PENDING -> Decision.of(sameAccess ? Action.UNCHANGED : Action.REPLACE);
            case ACCEPTED -> member == Membership.NONE ? new Decision(Action.INVITE, Optional.of(NO_LONGER_MEMBER))
                    : sameAccess ? Decision.of(Action.UNCHANGED) : Decision.unchanged(MEMBER_DIFFERS);
            case UNKNOWN -> Decision.unchanged(UNKNOWN_STATUS);
        };
    }

    private static Optional<Decision> forUnlisted(Optional<InvitationStatus> status, Membership member, Prune prune) {
        if (prune == Prune.OFF) {
            return Optional.empty();
        }
        if (prune == Prune.MEMBERS && member == Membership.MEMBER) {
            return Optional.of(Decision.of(Action.REMOVE_MEMBER));
        }
        if (prune == Prune.MEMBERS && member == Membership.PROTECTED) {
            return Optional.of(Decision.unchanged(PROTECTED));
        }
        // Pruning pending invitations (prune: pending, or prune: members for someone who is not a member).
        if (status.equals(Optional.of(InvitationStatus.PENDING))) {
            return Optional.of(Decision.of(Action.REVOKE));
        }
        if (member.present()) {
            return Optional.of(Decision.unchanged(MEMBER_NOT_IN_STATE));
        }
        return status.flatMap(present -> switch (present) {
            case ACCEPTED -> member == Membership.NOT_READ ? Optional.of(Decision.unchanged(ACCEPTED_NOT_IN_STATE))
                    : Optional.empty();
            case UNKNOWN -> Optional.of(Decision.unchanged(UNKNOWN_NOT_IN_STATE));
            case PENDING, EXPIRED, REVOKED -> Optional.empty();
        });
    }
}
