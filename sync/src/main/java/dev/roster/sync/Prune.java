package dev.roster.sync;

/**
 * What a connection does with people the desired state does not list there (the file's
 * {@code prune: false|pending|members}). Nothing is ever pruned without one of the explicit opt-ins.
 */
public enum Prune {
    /** Leave them alone (the file's {@code prune: false}, the default). */
    OFF,
    /**
     * Revoke their pending invitations (the file's {@code prune: pending}). Members are never touched.
     */
    PENDING,
    /**
     * Revoke their pending invitations and remove their memberships (the file's {@code prune: members}):
     * only at a connection whose provider can list and remove members and match them to addresses (not
     * at a vendor that hides members' addresses, such as GitHub). Service accounts, and members whose
     * address the vendor does not tell, are never removed.
     */
    MEMBERS
}
