/**
 * Roster's sync engine: keeps vendors in step with a desired state. It depends on core's public API
 * alone, and names no vendor: any set of {@link dev.roster.InvitationProvider}s will do.
 */
module dev.roster.sync {
    requires transitive dev.roster.core;

    exports dev.roster.sync;
}
