package dev.roster.cli.demo;

import dev.roster.InvitationProviders;
import dev.roster.testkit.simulator.VendorSimulator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The vendor simulators of {@code roster demo} and {@code roster sandbox}, on 127.0.0.1: every
 * simulator the testkit registers ({@code META-INF/services/dev.roster.testkit.simulator.VendorSimulator})
 * whose provider is on the class path, and the environment that points the other commands at them.
 * It names no vendor: each simulator says which provider it stands in for and what to export.
 */
final class Simulators implements AutoCloseable {

    private final Map<String, VendorSimulator> running;

    private Simulators(Map<String, VendorSimulator> running) {
        this.running = running;
    }

    /** Starts one simulator per provider on the class path that has one, on free ports of 127.0.0.1. */
    static Simulators start() {
        Set<String> providers = InvitationProviders.available();
        List<VendorSimulator> found = new ArrayList<>();
        ServiceLoader.load(VendorSimulator.class, Simulators.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(VendorSimulator::providerId));
        Map<String, VendorSimulator> running = new LinkedHashMap<>();
        try {
            for (VendorSimulator simulator : found) {
                if (providers.contains(simulator.providerId()) && !running.containsKey(simulator.providerId())) {
                    simulator.start();
                    running.put(simulator.providerId(), simulator);
                }
            }
        } catch (RuntimeException e) {
            new Simulators(running).close();
            throw e;
        }
        return new Simulators(running);
    }

    /** The running simulators, by provider id, sorted. */
    Map<String, VendorSimulator> all() {
        return running;
    }

    /** The simulator standing in for a provider, if it runs. */
    Optional<VendorSimulator> get(String providerId) {
        return Optional.ofNullable(running.get(providerId));
    }

    /** Requests all simulators received since they started (or were reset). */
    int requestsReceived() {
        return running.values().stream().mapToInt(VendorSimulator::requestsReceived).sum();
    }

    /** Invitations all simulators ever created for an address. */
    int created(String email) {
        return running.values().stream().mapToInt(s -> s.invitationsCreatedByEmail().getOrDefault(email, 0)).sum();
    }

    /**
     * The variables a person would export to use the simulators: each one's base URI as
     * {@code ROSTER_<ID>_BASE_URI}, then the (fake) credentials and settings it asks for.
     *
     * @return the variables, in the order to print them
     */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        running.forEach((id, simulator) -> env.put("ROSTER_" + id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")
                + "_BASE_URI", simulator.config().baseUri().orElseThrow().toString()));
        running.values().forEach(simulator -> env.putAll(simulator.environment()));
        return env;
    }

    @Override
    public void close() {
        RuntimeException failed = null;
        for (VendorSimulator simulator : running.values()) {
            try {
                simulator.close();
            } catch (RuntimeException e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
