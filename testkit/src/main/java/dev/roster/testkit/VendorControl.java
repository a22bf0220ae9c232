package dev.roster.testkit;

/**
 * Lets a test act as the vendor's people would: accept an invitation, or let it expire. An
 * adapter's backend (a simulator, the in-memory provider) implements it so that the contract can
 * check the lifecycle; an adapter without one returns {@link #none()} and those tests are skipped.
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
     * The control of a backend that cannot act like the vendor's people; the lifecycle tests are
     * skipped for it.
     *
     * @return the no-op control
     */
    static VendorControl none() {
        return NoVendorControl.INSTANCE;
    }
}
