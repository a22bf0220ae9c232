package dev.roster.sync;

import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationStatus;
import dev.roster.ProviderConfig;
import dev.roster.RetryPolicy;
import dev.roster.testkit.InMemoryInvitationProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Vendors in memory for the engine's tests: per connection, an in-memory backend (the vendor), a
 * counting, fault-injecting wrapper, and core's policy around it, as {@code InvitationProviders}
 * would give it. Fixed clocks; fast retries.
 */
final class World {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(1),
            Duration.ofSeconds(5));

    final Map<String, InMemoryInvitationProvider> vendors = new LinkedHashMap<>();
    final Map<String, FlakyProvider> wires = new LinkedHashMap<>();
    final Map<String, InvitationProvider> providers = new LinkedHashMap<>();

    static World of(String... connections) {
        return of(FAST, connections);
    }

    static World of(RetryPolicy policy, String... connections) {
        return of(policy, FlakyProvider.MemberMode.BACKEND, connections);
    }

    /** Vendors whose wires have members of their own (FlakyProvider#addMember), with every member capability. */
    static World withMembers(String... connections) {
        return of(FAST, FlakyProvider.MemberMode.OWN, connections);
    }

    /** Vendors whose members (FlakyProvider#addMember) never carry their addresses, as GitHub's. */
    static World withUnaddressedMembers(String... connections) {
        return of(FAST, FlakyProvider.MemberMode.UNADDRESSED, connections);
    }

    /** Vendors that know only invitations: no member capability at all. */
    static World withoutMembers(String... connections) {
        return of(FAST, FlakyProvider.MemberMode.NONE, connections);
    }

    private static World of(RetryPolicy policy, FlakyProvider.MemberMode members, String... connections) {
        World world = new World();
        for (String name : connections) {
            InMemoryInvitationProvider vendor = new InMemoryInvitationProvider(CLOCK);
            FlakyProvider wire = new FlakyProvider(vendor, members);
            world.vendors.put(name, vendor);
            world.wires.put(name, wire);
            world.providers.put(name, InvitationProviders.withPolicy(wire, ProviderConfig.builder().retryPolicy(policy).build()));
        }
        return world;
    }

    RosterSync sync() {
        return RosterSync.of(providers);
    }

    InMemoryInvitationProvider vendor(String connection) {
        return vendors.get(connection);
    }

    FlakyProvider wire(String connection) {
        return wires.get(connection);
    }

    /** The addresses with a pending invitation at the connection, and how many each has. */
    Map<String, Long> pendingByEmail(String connection) {
        return vendor(connection).snapshot().stream().filter(i -> i.status() == InvitationStatus.PENDING)
                .collect(Collectors.groupingBy(i -> i.email().toLowerCase(java.util.Locale.ROOT), Collectors.counting()));
    }

    static ConnectionSpec connection(String name) {
        return ConnectionSpec.of(name, InMemoryInvitationProvider.ID);
    }

    static DesiredState state(List<ConnectionSpec> connections, List<Person> people) {
        return new DesiredState(connections, people);
    }
}
