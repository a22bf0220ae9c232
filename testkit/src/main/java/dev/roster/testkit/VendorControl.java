package dev.roster.testkit;

/**
 * Lets a test act as the vendor's people would: accept an invitation, or let it expire. An
 * adapter's backend (a simulator, the in-memory provider) implements it so that the contract can
 * check the lifecycle; an adapter without one returns {@link #none()} and those tests are skipped.
 *
 * <p>Accepting makes the invitee a member where the provider shows members
 * ({@link dev.roster.InvitationProvider#members()}): member means accepted.
 */
public interface VendorControl {

    /**
     * Marks an invitation accepted, as if the person clicked the link.
     *
     * @param invitationId the invitation's id
     * @throws IllegalArgumentException if there is no such invitation
     */
    void accept(String invitationId);

    /**
     * Marks an invitation expired, as if its time ran out.
     *
     * @param invitationId the invitation's id
     * @throws IllegalArgumentException if there is no such invitation
     */
    void expire(String invitationId);

    /**
     * Makes an address a member without the invitation this test holds, as a sign-up through single
     * sign-on, SCIM or an older invitation does: so that a person can be both invited and a member.
     * Backends where that state cannot exist (Confluent: a user and its invitation are one) keep
     * this default, and the tests that need it are skipped.
     *
     * @param email the new member's address
     * @return the member's id, as {@link dev.roster.Member#id()} reports it
     * @throws UnsupportedOperationException if the backend cannot do this
     */
    default String join(String email) {
        throw new UnsupportedOperationException("This backend cannot make a member without accepting an invitation");
    }

    /**
     * The id of the member who joined with an address (by accepting an invitation, or by
     * {@link #join}), for backends whose vendor does not reveal members' addresses (GitHub knows
     * members by login): the contract uses it where it cannot find a member by email. Backends whose
     * members carry their address keep this default, and the contract finds members by email there.
     *
     * @param email the address the person was invited by or joined with
     * @return the member's id, as {@link dev.roster.Member#id()} reports it, or empty if none (or unknown)
     */
    default java.util.Optional<String> memberId(String email) {
        return java.util.Optional.empty();
    }

    /**
     * The control of a backend that cannot act like the vendor's people; the lifecycle tests are
     * skipped for it.
     *
     * @return the no-op control
     */
    static VendorControl none() {
        return NoVendorControl.INSTANCE;
    }
}
