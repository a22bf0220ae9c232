package dev.roster.sync;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A person of the desired state: an email and the connections they belong to, each with what their
 * invitation there should carry beyond the connection's defaults ({@link Access#none()} for just
 * the defaults).
 *
 * @param email their address; checked by {@link RosterSync#problems} (so a null or invalid one is
 *     reported with the others), compared ignoring case
 * @param connections connection name to this person's overrides there, in the file's order
 */
public record Person(String email, Map<String, Access> connections) {

    /**
     * Checks that the map and its entries are not null, and takes an ordered, immutable copy.
     *
     * @param email their address
     * @param connections connection name to this person's overrides there
     * @throws dev.roster.InvalidRequestException if the map, a name or an access is null
     */
    public Person {
        connections = Checks.orderedMap(connections, "Person.connections");
    }

    /**
     * A person belonging to no connection yet.
     *
     * @param email their address
     * @return the person
     */
    public static Person of(String email) {
        return new Person(email, Map.of());
    }

    /**
     * This person, also at a connection, with its defaults.
     *
     * @param connection the connection's name
     * @return a copy
     */
    public Person at(String connection) {
        return at(connection, Access.none());
    }

    /**
     * This person, also at a connection, with overrides.
     *
     * @param connection the connection's name
     * @param overrides what their invitation there carries beyond the connection's defaults
     * @return a copy
     */
    public Person at(String connection, Access overrides) {
        Map<String, Access> more = new LinkedHashMap<>(connections);
        more.put(Checks.required(connection, "connection"), Checks.required(overrides, "overrides"));
        return new Person(email, more);
    }
}
