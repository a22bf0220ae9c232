package dev.roster.sync;

import java.util.List;
import java.util.Optional;

/**
 * Who should be invited where, and with what: the engine's input, which the CLI builds from
 * {@code roster.yaml}. Built without judging its values; {@link RosterSync#problems} reports every
 * problem at once, each with its path in the file's terms ({@code people[3].vendors.openai.role}).
 *
 * @param connections the connections (the file's {@code vendors:}, with their {@code defaults:} and
 *     {@code prune})
 * @param people the people, in the file's order
 */
public record DesiredState(List<ConnectionSpec> connections, List<Person> people) {

    /**
     * Checks that nothing is null and takes immutable copies.
     *
     * @param connections the connections
     * @param people the people
     * @throws dev.roster.InvalidRequestException if a list or an element is null
     */
    public DesiredState {
        connections = Checks.list(connections, "DesiredState.connections");
        people = Checks.list(people, "DesiredState.people");
    }

    /**
     * The connection with this name.
     *
     * @param name the connection's name
     * @return the connection, or empty if none has this name
     */
    public Optional<ConnectionSpec> connection(String name) {
        return connections.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
