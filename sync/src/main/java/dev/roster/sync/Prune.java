package dev.roster.sync;

/**
 * What a connection does with invitations of people the desired state does not list there
 * (the file's {@code prune: false|pending}).
 */
public enum Prune {
    /** Leave them alone (the file's {@code prune: false}, the default). */
    OFF,
    /**
     * Revoke their pending invitations (the file's {@code prune: pending}). Accepted invitations are
     * never touched: Roster does not remove members.
     */
    PENDING
}
