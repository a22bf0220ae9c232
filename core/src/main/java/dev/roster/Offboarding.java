package dev.roster;

import java.util.List;
import java.util.Optional;

/**
 * What {@link InvitationProvider#offboard(String)} did for one email address, step by step: the
 * pending invitations it revoked, and what it found and did about the membership.
 *
 * <pre>{@code
 * Offboarding done = roster.offboard("ada@example.com");
 * if (done.nothingFound()) { ... }                       // never invited, not a member
 * done.revokedInvitations().forEach(i -> log(i.id()));  // pending invitations withdrawn
 * if (done.membership() == Offboarding.Membership.NOT_CHECKED) {     // the vendor cannot tell:
 *     log(done.note().orElseThrow());                 // why, and how to remove a member by id
 * }
 * }</pre>
 *
 * @param provider the id of the provider that did it
 * @param email the address offboarded, as the caller gave it (trimmed)
 * @param revokedInvitations the pending invitations this call revoked, in the order revoked
 * @param membership what the membership step found and did
 * @param removedMembers the members this call removed (one, as a rule); empty unless
 *     {@code membership} is {@link Membership#REMOVED}
 * @param note why the membership step ended as it did, where that needs saying: for
 *     {@link Membership#NOT_CHECKED}, what the provider cannot do and how to remove a member anyway
 */
public record Offboarding(
        String provider,
        String email,
        List<Invitation> revokedInvitations,
        Membership membership,
        List<Member> removedMembers,
        Optional<String> note) {

    /** The outcome of the membership step. */
    public enum Membership {
        /** The address was a member, and this call removed the membership. */
        REMOVED,
        /** No member has the address (or the membership was already gone when removed). */
        NOT_A_MEMBER,
        /**
         * The provider cannot look members up by email, or cannot remove them (see
         * {@link MemberCapabilities}): any membership is untouched; remove it by id.
         */
        NOT_CHECKED
    }

    /**
     * Checks that nothing is null and that the steps agree.
     *
     * @param provider the id of the provider that did it
     * @param email the address offboarded
     * @param revokedInvitations the pending invitations this call revoked
     * @param membership what the membership step found and did
     * @param removedMembers the members this call removed
     * @param note why the membership step ended as it did, where that needs saying
     * @throws ProviderUnavailableException if a component is null or holds null, or the removed members
     *     disagree with {@code membership}: a result that cannot be read
     */
    public Offboarding {
        String hint = "An offboarding result must say what each step did.";
        Checks.notNull(note, "An offboarding's note", hint, Checks.ANSWER);
        Checks.notNull(provider, "An offboarding's provider", hint, Checks.ANSWER);
        Checks.notNull(email, "An offboarding's email", hint, Checks.ANSWER);
        revokedInvitations = Checks.list(revokedInvitations, "An offboarding's revokedInvitations", hint, Checks.ANSWER);
        Checks.notNull(membership, "An offboarding's membership", hint, Checks.ANSWER);
        removedMembers = Checks.list(removedMembers, "An offboarding's removedMembers", hint, Checks.ANSWER);
        if (removedMembers.isEmpty() == (membership == Membership.REMOVED)) {
            throw new ProviderUnavailableException("An offboarding's membership " + membership + " disagrees with its "
                    + removedMembers.size() + " removed members. " + hint);
        }
    }

    /**
     * A result without a note.
     *
     * @param provider the id of the provider that did it
     * @param email the address offboarded
     * @param revokedInvitations the pending invitations this call revoked
     * @param membership what the membership step found and did
     * @param removedMembers the members this call removed
     * @throws ProviderUnavailableException as the canonical constructor
     */
    public Offboarding(String provider, String email, List<Invitation> revokedInvitations, Membership membership,
            List<Member> removedMembers) {
        this(provider, email, revokedInvitations, membership, removedMembers, Optional.empty());
    }

    /**
     * Whether there was nothing to do: no pending invitation, and no membership.
     *
     * @return true if nothing was revoked and the address was not a member
     */
    public boolean nothingFound() {
        return revokedInvitations.isEmpty() && membership == Membership.NOT_A_MEMBER;
    }

    /**
     * Whether every step could be done: false when the membership could not be checked, so the person
     * may still have access.
     *
     * @return true unless {@link #membership()} is {@link Membership#NOT_CHECKED}
     */
    public boolean complete() {
        return membership != Membership.NOT_CHECKED;
    }
}
