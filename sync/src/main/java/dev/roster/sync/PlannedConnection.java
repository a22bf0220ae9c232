package dev.roster.sync;

/**
 * A connection as a {@link Plan} records it, so that applying the plan can check it is given the same
 * connections.
 *
 * @param name the connection's name
 * @param providerId the id of the provider it used
 * @param prune its prune setting when planned
 */
public record PlannedConnection(String name, String providerId, Prune prune) {

    /**
     * Checks that nothing is null.
     *
     * @param name the connection's name
     * @param providerId the id of the provider it used
     * @param prune its prune setting when planned
     * @throws dev.roster.InvalidRequestException if a component is null
     */
    public PlannedConnection {
        Checks.required(name, "PlannedConnection.name");
        Checks.required(providerId, "PlannedConnection.providerId");
        Checks.required(prune, "PlannedConnection.prune");
    }
}
